using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi.Auth;

/// <summary>A key as created: the only moment its full value exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Key, string AllowedBuyers, bool IsAdmin);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyInfo(string Id, string Name, string AllowedBuyers, bool IsAdmin, DateTimeOffset Created, DateTimeOffset? Revoked, DateTimeOffset? Expires);

/// <summary>A rotation: the new key (shown once) and until when the old one keeps working (null: until revoked).</summary>
public sealed record RotatedApiKey(CreatedApiKey Key, string Replaces, DateTimeOffset? ReplacedKeyExpires);

/// <summary>Issues, lists and revokes API keys.</summary>
public sealed class ApiKeyStore(DirectoryDbContext db, TimeProvider clock)
{
    public async Task<CreatedApiKey> CreateAsync(string name, string allowedBuyers, bool isAdmin, CancellationToken cancellationToken)
    {
        var (id, secret, key) = ApiKeySecrets.Generate();
        var buyers = string.IsNullOrWhiteSpace(allowedBuyers) ? Publisher.AnyBuyer : allowedBuyers.Trim();
        db.ApiKeys.Add(new ApiKeyEntity
        {
            Id = id,
            Name = name,
            SecretHash = ApiKeySecrets.Hash(secret),
            AllowedBuyers = buyers,
            IsAdmin = isAdmin,
            CreatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(id, name, key, buyers, isAdmin);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedMs).ToListAsync(cancellationToken))
            .Select(k => new ApiKeyInfo(k.Id, k.Name, k.AllowedBuyers, k.IsAdmin, DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedMs), ToDate(k.RevokedMs), ToDate(k.ExpiresMs)))
            .ToList();

    /// <summary>
    /// Issues a new key with the old one's name and scope. The old key keeps working, so clients
    /// can switch over without downtime, until it is revoked or, with a grace period, until it expires.
    /// Null when there is no active key <paramref name="id"/>.
    /// </summary>
    public async Task<RotatedApiKey?> RotateAsync(string id, TimeSpan? grace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var old = await db.ApiKeys.AsTracking().FirstOrDefaultAsync(k => k.Id == id && k.RevokedMs == null, cancellationToken);
        if (old is null || old.ExpiresMs <= now)
        {
            return null;
        }
        if (grace is { } g)
        {
            var expires = now + (long)g.TotalMilliseconds;
            // A grace period never extends an expiry already set by an earlier rotation.
            old.ExpiresMs = old.ExpiresMs is { } earlier ? Math.Min(earlier, expires) : expires;
        }
        var (newId, secret, key) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKeyEntity
        {
            Id = newId,
            Name = old.Name,
            SecretHash = ApiKeySecrets.Hash(secret),
            AllowedBuyers = old.AllowedBuyers,
            IsAdmin = old.IsAdmin,
            CreatedMs = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new RotatedApiKey(new CreatedApiKey(newId, old.Name, key, old.AllowedBuyers, old.IsAdmin), old.Id, ToDate(old.ExpiresMs));
    }

    /// <summary>Reads a grace period as <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c> or a TimeSpan (<c>1.00:00:00</c>).</summary>
    public static bool TryParseGrace(string? text, out TimeSpan grace)
    {
        grace = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var unit = char.ToLowerInvariant(text[^1]);
        if ("smhd".Contains(unit, StringComparison.Ordinal) && double.TryParse(text[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            // Checked in days before a TimeSpan is made: 20000000d would overflow one.
            var days = unit switch { 's' => n / 86_400, 'm' => n / 1_440, 'h' => n / 24, _ => n };
            if (!(days >= 0 && days <= 365))
            {
                return false;
            }
            grace = TimeSpan.FromDays(days);
        }
        else if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out grace))
        {
            return false;
        }
        return grace >= TimeSpan.Zero && grace <= TimeSpan.FromDays(365);
    }

    private static DateTimeOffset? ToDate(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedMs, now), cancellationToken) > 0;
    }
}
