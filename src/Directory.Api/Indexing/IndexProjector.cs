using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>
/// Keeps the search indexes a faithful projection of the store. It drains the outbox in order and
/// deletes an outbox row only after the index has durably applied it, so an acknowledged write
/// reaches the index even across a crash; on start it rebuilds an index that is empty, missing or
/// corrupt while the store has data.
/// </summary>
public sealed partial class IndexProjector(
    IServiceScopeFactory scopes,
    SearchIndexes indexes,
    IndexSignal signal,
    IndexHealth health,
    ILogger<IndexProjector> logger) : BackgroundService
{
    private const int BatchSize = 1_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private long _drained;

    /// <summary>Outbox rows applied since start: lets callers wait for the index to catch up.</summary>
    public long Drained => Interlocked.Read(ref _drained);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                health.Healthy();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The rows stay in the outbox; the next round retries them.
                health.Failed(ex);
                LogDrainFailed(logger, ex);
            }
            await signal.WaitAsync(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Applies everything queued so far; returns how many outbox rows it applied.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                var rows = await db.Outbox.OrderBy(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (rows.Count == 0)
                {
                    return total;
                }
                foreach (var group in rows.GroupBy(r => r.IndexName))
                {
                    var ids = group.Select(r => r.DocumentId).ToHashSet();
                    var documents = await IndexDocumentLoader.LoadAsync(db, group.Key, ids, cancellationToken);
                    var deletes = ids.Except(documents.Select(d => d.Id)).ToList();
                    await indexes.ByName(group.Key).ApplyAsync(documents, deletes, cancellationToken);
                }
                var applied = rows.Select(r => r.Id).ToList();
                await db.Outbox.Where(o => applied.Contains(o.Id)).ExecuteDeleteAsync(cancellationToken);
                total += rows.Count;
                Interlocked.Add(ref _drained, rows.Count);
            }
        }
        finally
        {
            _indexLock.Release();
        }
    }

    /// <summary>Replaces an index's content with what the store holds; searches see the old content until done.</summary>
    public async Task<long> RebuildAsync(string indexName, CancellationToken cancellationToken)
    {
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            // Everything queued before now is covered by the rebuild's read of the store.
            long watermark;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                watermark = await db.Outbox.Where(o => o.IndexName == indexName).MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
            }
            var index = indexes.ByName(indexName);
            await index.RebuildAsync(IndexDocumentLoader.LoadAllAsync(scopes, indexName, cancellationToken), cancellationToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                await db.Outbox.Where(o => o.IndexName == indexName && o.Id <= watermark).ExecuteDeleteAsync(cancellationToken);
            }
            var count = await index.CountAsync(cancellationToken);
            LogRebuilt(logger, indexName, count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            return count;
        }
        finally
        {
            _indexLock.Release();
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { OpportunityIndex.Schema.Name, TechnologyIndex.Schema.Name })
        {
            try
            {
                long stored;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                    stored = name == OpportunityIndex.Schema.Name ? await db.Opportunities.LongCountAsync(cancellationToken) : await db.Technologies.LongCountAsync(cancellationToken);
                }
                var indexed = await indexes.ByName(name).CountAsync(cancellationToken);
                if (stored > 0 && indexed == 0)
                {
                    LogRebuildingEmpty(logger, name, stored);
                    await RebuildAsync(name, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                health.Failed(ex);
                LogRecoveryFailed(logger, name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the index outbox failed; will retry")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt index {Index}: {Count} documents in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, string index, long count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index {Index} is empty while the store holds {Stored} rows: rebuilding from the store")]
    private static partial void LogRebuildingEmpty(ILogger logger, string index, long stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check or recover index {Index}")]
    private static partial void LogRecoveryFailed(ILogger logger, string index, Exception exception);
}
