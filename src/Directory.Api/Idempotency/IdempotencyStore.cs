using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi.Idempotency;

public enum ClaimOutcome
{
    /// <summary>This request is the first with the key: process it, then complete or release.</summary>
    Claimed,
    /// <summary>The key's first request is answered: replay that answer.</summary>
    Replay,
    /// <summary>The key was used with another request.</summary>
    Mismatch,
    /// <summary>The key's first request is still being processed elsewhere.</summary>
    InProgress,
}

public sealed record Claim(ClaimOutcome Outcome, IdempotencyRecordEntity? Record = null);

/// <summary>Claims, completes and releases idempotency keys in the store, so every instance sees them.</summary>
public sealed class IdempotencyStore(DirectoryDbContext db, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public async Task<Claim> ClaimAsync(string apiKeyId, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var existing = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, cancellationToken);
            if (existing is not null && existing.ExpiresMs > now)
            {
                if (existing.RequestHash != requestHash)
                {
                    return new Claim(ClaimOutcome.Mismatch, existing);
                }
                if (existing.StatusCode is not null)
                {
                    return new Claim(ClaimOutcome.Replay, existing);
                }
                if (existing.LockedUntilMs > now)
                {
                    return new Claim(ClaimOutcome.InProgress, existing);
                }
                // The instance that claimed it died: take the claim over, unless another instance just did.
                var lockedUntil = existing.LockedUntilMs;
                var taken = await db.IdempotencyRecords
                    .Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.StatusCode == null && r.LockedUntilMs == lockedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntilMs, now + (long)options.Value.InProgressTimeout.TotalMilliseconds), cancellationToken);
                if (taken == 1)
                {
                    return new Claim(ClaimOutcome.Claimed);
                }
            }
            else
            {
                // Expired records (this one too) go; the index on ExpiresMs keeps this cheap.
                await db.IdempotencyRecords.Where(r => r.ExpiresMs <= now).ExecuteDeleteAsync(cancellationToken);
                db.IdempotencyRecords.Add(new IdempotencyRecordEntity
                {
                    ApiKeyId = apiKeyId,
                    Key = key,
                    RequestHash = requestHash,
                    CreatedMs = now,
                    LockedUntilMs = now + (long)options.Value.InProgressTimeout.TotalMilliseconds,
                    ExpiresMs = now + (long)options.Value.Retention.TotalMilliseconds,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new Claim(ClaimOutcome.Claimed);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another instance inserted the same key first: read what it holds.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (attempt >= 3)
            {
                return new Claim(ClaimOutcome.InProgress);
            }
        }
    }

    public async Task CompleteAsync(string apiKeyId, string key, int statusCode, string? contentType, string body, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.ApiKeyId == apiKeyId && r.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, statusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.ResponseBody, body), cancellationToken);

    /// <summary>Forgets a claim whose request failed, so the client's retry is processed afresh.</summary>
    public async Task ReleaseAsync(string apiKeyId, string key, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(cancellationToken);
}
