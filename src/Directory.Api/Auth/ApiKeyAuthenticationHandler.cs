using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi.Auth;

/// <summary>Authenticates <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>) against the hashed keys in the store.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DirectoryDbContext db,
    IMemoryCache cache,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string AdminRole = "admin";
    public const string BuyersClaim = "thirty3:buyers";

    /// <summary>How long a looked-up key is trusted before the store is asked again (bounds revocation delay).</summary>
    internal static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].FirstOrDefault();
        if (key is null && Request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = authorization["Bearer ".Length..].Trim();
        }
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeySecrets.TryParse(key, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is not in the form t33_{id}_{secret}.");
        }
        var entity = await cache.GetOrCreateAsync($"apikey:{id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        });
        if (entity is null || entity.RevokedMs is not null || !ApiKeySecrets.Matches(secret, entity.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        if (entity.ExpiresMs <= clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return AuthenticateResult.Fail("The API key has expired (it was rotated).");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, entity.Id),
            new(ClaimTypes.Name, entity.Name),
            new(BuyersClaim, entity.AllowedBuyers),
        };
        if (entity.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
