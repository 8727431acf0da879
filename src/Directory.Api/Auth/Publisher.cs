using System.Security.Claims;

namespace Thirty3.DirectoryApi.Auth;

/// <summary>The key a request was made with: who it is and which buyers it may publish for.</summary>
public sealed record Publisher(string KeyId, string Name, bool IsAdmin, IReadOnlySet<string>? AllowedBuyers)
{
    public const string AnyBuyer = "*";

    /// <summary>The path the write came in on, for the security log.</summary>
    public string RequestPath { get; init; } = "";

    /// <summary>Whether this key may write data of <paramref name="buyerId"/> (a directory organisation id).</summary>
    public bool MayPublishFor(string? buyerId) => AllowedBuyers is null || (buyerId is not null && AllowedBuyers.Contains(buyerId));

    public static Publisher FromRequest(HttpContext context) => FromPrincipal(context.User) with { RequestPath = context.Request.Path };

    public static Publisher FromPrincipal(ClaimsPrincipal principal)
    {
        var buyers = principal.FindFirstValue(ApiKeyAuthenticationHandler.BuyersClaim) ?? "";
        return new Publisher(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.IsInRole(ApiKeyAuthenticationHandler.AdminRole),
            ParseBuyers(buyers));
    }

    public static IReadOnlySet<string>? ParseBuyers(string buyers) =>
        buyers.Trim() == AnyBuyer ? null : buyers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
