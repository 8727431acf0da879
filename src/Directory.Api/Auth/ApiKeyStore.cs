using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi.Auth;

/// <summary>A key as created: the only moment its full value exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Key, string AllowedBuyers, bool IsAdmin);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyInfo(string Id, string Name, string AllowedBuyers, bool IsAdmin, DateTimeOffset Created, DateTimeOffset? Revoked);

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
            .Select(k => new ApiKeyInfo(k.Id, k.Name, k.AllowedBuyers, k.IsAdmin, DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedMs), k.RevokedMs is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null))
            .ToList();

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedMs, now), cancellationToken) > 0;
    }
}
