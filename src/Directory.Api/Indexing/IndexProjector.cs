using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>
/// Keeps the search indexes a faithful projection of the store by following the index change log
/// (<see cref="IndexChangeEntity"/>), which every write appends to in its own transaction.
/// </summary>
/// <remarks>
/// <para>
/// Each projection applies the log rows above its own watermark, in id order, and moves the
/// watermark only once the index has durably applied them, so an acknowledged write reaches the
/// index even if the process dies in between (it is replayed; applying is idempotent). Writers
/// append under <see cref="StoreWriteLock"/>, so commit order is id order and nothing can appear
/// below a watermark later.
/// </para>
/// <para>
/// An embedded index (<see cref="IWatermarkedSearchIndex"/>, Lucene) is private to this instance:
/// every instance must apply every change, and the watermark is kept in the index's own commit,
/// atomically with the documents, so a wiped or restored index says what it really holds. A shared
/// index (Elasticsearch) needs one drain for all instances: its watermark is the row
/// <c>shared/{index}</c> in <see cref="ProjectionCheckpointEntity"/>, advanced after the index
/// applied the batch, and drained by whichever instance holds a try-lock on it.
/// </para>
/// <para>
/// Each projection also reports its watermark; rows every live projection has passed and older
/// than the retention are pruned, recording the highest pruned id in <c>pruned/{index}</c>. A
/// projection whose watermark is below that (a replica away longer than the retention, or a new
/// empty one) rebuilds from the store instead of replaying.
/// </para>
/// </remarks>
public sealed partial class IndexProjector(
    IServiceScopeFactory scopes,
    SearchIndexes indexes,
    IndexSignal signal,
    IndexHealth health,
    IOptions<IndexingOptions> options,
    WriteGate gate,
    TimeProvider clock,
    ILogger<IndexProjector> logger) : BackgroundService
{
    /// <summary>Change-log rows per index apply: each apply ends in a reader refresh (a new segment), so a backlog is taken in big steps.</summary>
    private const int BatchSize = 4_000;
    private static readonly string[] IndexNames = [OpportunityIndex.Schema.Name, TechnologyIndex.Schema.Name];
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    /// <summary>This process's projections, for the pruning report: a restart is a new projection, the old one times out.</summary>
    private readonly string _instance = $"{Environment.MachineName}/{Guid.NewGuid():n}";
    private long _drained;
    private long _lastReport = long.MinValue;

    /// <summary>Change-log rows applied since start: lets callers wait for the index to catch up.</summary>
    public long Drained => Interlocked.Read(ref _drained);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await ReportAndPruneIfDueAsync(stoppingToken);
                health.Healthy();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The watermark did not move; the next round retries from it.
                health.Failed(ex);
                LogDrainFailed(logger, ex);
            }
            await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Applies everything logged so far to every index; returns how many change-log rows it applied.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var name in IndexNames)
            {
                total += indexes.ByName(name) is IWatermarkedSearchIndex local
                    ? await DrainLocalAsync(name, local, cancellationToken)
                    : await DrainSharedAsync(name, indexes.ByName(name), cancellationToken);
            }
        }
        finally
        {
            _indexLock.Release();
        }
        return total;
    }

    /// <summary>This instance's own index: apply every row above the index's watermark.</summary>
    private async Task<int> DrainLocalAsync(string name, IWatermarkedSearchIndex index, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var watermark = index.AppliedWatermark;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var rows = await ReadChangesAsync(db, name, watermark, cancellationToken);
            // Read after the rows: a prune committed before that read is seen here, so a gap is never applied over.
            if (await PrunedThroughAsync(db, name, cancellationToken) > watermark)
            {
                LogBehindPruned(logger, name, watermark);
                await RebuildCoreAsync(name, cancellationToken);
                continue;
            }
            if (rows.Count == 0)
            {
                return total;
            }
            var (documents, deletes) = await LoadAsync(db, name, rows, cancellationToken);
            await index.ApplyAsync(documents, deletes, rows[^1].Id, cancellationToken);
            total += rows.Count;
            Interlocked.Add(ref _drained, rows.Count);
        }
    }

    /// <summary>
    /// A shared index: one instance at a time applies a batch and advances the shared checkpoint in
    /// one transaction; the others skip (on SQLite there is only one instance).
    /// </summary>
    private async Task<int> DrainSharedAsync(string name, ISearchIndex index, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql()
                && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(7615544, {SharedLockKey(name)}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return total;
            }
            var checkpoint = await db.ProjectionCheckpoints.AsTracking().SingleOrDefaultAsync(c => c.Projection == SharedProjection(name), cancellationToken);
            var watermark = checkpoint?.Watermark ?? 0;
            var rows = await ReadChangesAsync(db, name, watermark, cancellationToken);
            if (await PrunedThroughAsync(db, name, cancellationToken) > watermark)
            {
                await transaction.RollbackAsync(cancellationToken);
                LogBehindPruned(logger, name, watermark);
                await RebuildCoreAsync(name, cancellationToken);
                continue;
            }
            if (rows.Count == 0)
            {
                return total;
            }
            var (documents, deletes) = await LoadAsync(db, name, rows, cancellationToken);
            // Applied before the checkpoint commits: a crash between replays the batch, never skips it.
            await index.ApplyAsync(documents, deletes, cancellationToken);
            SetCheckpoint(db, checkpoint, SharedProjection(name), name, rows[^1].Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += rows.Count;
            Interlocked.Add(ref _drained, rows.Count);
        }
    }

    /// <summary>Replaces an index's content with what the store holds; searches see the old content until done.</summary>
    public async Task<long> RebuildAsync(string indexName, CancellationToken cancellationToken)
    {
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            return await RebuildCoreAsync(indexName, cancellationToken);
        }
        finally
        {
            _indexLock.Release();
        }
    }

    private async Task<long> RebuildCoreAsync(string indexName, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        // Every change logged up to now is committed (writers hold the store write lock until
        // commit), so the read of the store below covers it; later ones are replayed above it.
        long watermark;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var logged = await db.IndexChanges.Where(c => c.IndexName == indexName).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            watermark = Math.Max(logged, await PrunedThroughAsync(db, indexName, cancellationToken));
        }
        var index = indexes.ByName(indexName);
        var documents = IndexDocumentLoader.LoadAllAsync(scopes, indexName, cancellationToken);
        if (index is IWatermarkedSearchIndex local)
        {
            await local.RebuildAsync(documents, watermark, cancellationToken);
        }
        else
        {
            await index.RebuildAsync(documents, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var checkpoint = await db.ProjectionCheckpoints.AsTracking().SingleOrDefaultAsync(c => c.Projection == SharedProjection(indexName), cancellationToken);
            SetCheckpoint(db, checkpoint, SharedProjection(indexName), indexName, Math.Max(watermark, checkpoint?.Watermark ?? 0));
            await db.SaveChangesAsync(cancellationToken);
        }
        var count = await index.CountAsync(cancellationToken);
        LogRebuilt(logger, indexName, count, clock.GetElapsedTime(started).TotalSeconds);
        return count;
    }

    /// <summary>Reports this instance's watermarks, then prunes what every live projection has passed.</summary>
    public async Task ReportAndPruneIfDueAsync(CancellationToken cancellationToken, bool force = false)
    {
        var now = clock.GetTimestamp();
        if (!force && _lastReport != long.MinValue && clock.GetElapsedTime(_lastReport, now) < options.Value.ReportInterval)
        {
            return;
        }
        _lastReport = now;
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        foreach (var name in IndexNames)
        {
            if (indexes.ByName(name) is IWatermarkedSearchIndex local)
            {
                // Report what is durable, and make it as recent as possible first: pruning trusts only this.
                await local.CommitAsync(cancellationToken);
                var projection = $"{_instance}/{name}";
                var checkpoint = await db.ProjectionCheckpoints.AsTracking().SingleOrDefaultAsync(c => c.Projection == projection, cancellationToken);
                SetCheckpoint(db, checkpoint, projection, name, local.Watermark);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Pruning deletes and moves the pruned mark in one transaction, serialised with writers
        // (the gate in this process, so SQLite never sees two writers; the lock across instances).
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreWriteLock.AcquireAsync(db, cancellationToken);
        var liveSince = nowMs - (long)options.Value.ProjectionTimeout.TotalMilliseconds;
        var keepSince = nowMs - (long)options.Value.Retention.TotalMilliseconds;
        foreach (var name in IndexNames)
        {
            var passed = await db.ProjectionCheckpoints
                .Where(c => c.IndexName == name && !c.Projection.StartsWith(PrunedPrefix) && c.SeenMs >= liveSince)
                .MinAsync(c => (long?)c.Watermark, cancellationToken);
            if (passed is null)
            {
                continue;
            }
            var upTo = await db.IndexChanges.Where(c => c.IndexName == name && c.Id <= passed && c.EnqueuedMs < keepSince)
                .MaxAsync(c => (long?)c.Id, cancellationToken);
            if (upTo is null)
            {
                continue;
            }
            var pruned = await db.IndexChanges.Where(c => c.IndexName == name && c.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
            var mark = await db.ProjectionCheckpoints.AsTracking().SingleOrDefaultAsync(c => c.Projection == PrunedPrefix + name, cancellationToken);
            SetCheckpoint(db, mark, PrunedPrefix + name, name, Math.Max(upTo.Value, mark?.Watermark ?? 0));
            LogPruned(logger, name, pruned, upTo.Value);
        }
        // Reports of projections long gone only clutter the table.
        await db.ProjectionCheckpoints.Where(c => !c.Projection.StartsWith(PrunedPrefix) && !c.Projection.StartsWith(SharedPrefix) && c.SeenMs < keepSince && c.SeenMs < liveSince)
            .ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string PrunedPrefix = "pruned/";
    private const string SharedPrefix = "shared/";

    private static string SharedProjection(string name) => SharedPrefix + name;

    private static int SharedLockKey(string name) => name == OpportunityIndex.Schema.Name ? 1 : 2;

    private void SetCheckpoint(DirectoryDbContext db, ProjectionCheckpointEntity? checkpoint, string projection, string name, long watermark)
    {
        if (checkpoint is null)
        {
            checkpoint = new ProjectionCheckpointEntity { Projection = projection, IndexName = name };
            db.ProjectionCheckpoints.Add(checkpoint);
        }
        checkpoint.Watermark = watermark;
        checkpoint.SeenMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    private static Task<List<ChangeRow>> ReadChangesAsync(DirectoryDbContext db, string name, long watermark, CancellationToken cancellationToken) =>
        db.IndexChanges.Where(c => c.IndexName == name && c.Id > watermark).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new ChangeRow(c.Id, c.DocumentId)).ToListAsync(cancellationToken);

    private static async Task<long> PrunedThroughAsync(DirectoryDbContext db, string name, CancellationToken cancellationToken) =>
        await db.ProjectionCheckpoints.Where(c => c.Projection == PrunedPrefix + name).Select(c => (long?)c.Watermark).SingleOrDefaultAsync(cancellationToken) ?? 0;

    private static async Task<(List<IndexDocument> Documents, List<string> Deletes)> LoadAsync(DirectoryDbContext db, string name, List<ChangeRow> rows, CancellationToken cancellationToken)
    {
        // Documents are read as they are now, not as they were when logged: replaying a row twice,
        // or out of a batch, converges on the store's current state.
        var ids = rows.Select(r => r.DocumentId).ToHashSet();
        var documents = await IndexDocumentLoader.LoadAsync(db, name, ids, cancellationToken);
        var deletes = ids.Except(documents.Select(d => d.Id)).ToList();
        return (documents, deletes);
    }

    private sealed record ChangeRow(long Id, string DocumentId);

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var name in IndexNames)
        {
            try
            {
                var index = indexes.ByName(name);
                // Read before the log, so a drain racing this check can only make the log look longer.
                var watermark = (index as IWatermarkedSearchIndex)?.Watermark ?? 0;
                long stored;
                long logged;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                    stored = name == OpportunityIndex.Schema.Name ? await db.Opportunities.LongCountAsync(cancellationToken) : await db.Technologies.LongCountAsync(cancellationToken);
                    logged = Math.Max(
                        await db.IndexChanges.Where(c => c.IndexName == name).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
                        await PrunedThroughAsync(db, name, cancellationToken));
                }
                var indexed = await index.CountAsync(cancellationToken);
                if (stored > 0 && indexed == 0)
                {
                    LogRebuildingEmpty(logger, name, stored);
                    await RebuildAsync(name, cancellationToken);
                }
                else if (watermark > logged)
                {
                    // Log ids never go backwards, so an index ahead of the log was built from
                    // another database (or one restored from an older backup): it cannot be trusted.
                    LogAheadOfLog(logger, name, watermark, logged);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the index change log failed; will retry")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt index {Index}: {Count} documents in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, string index, long count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index {Index} is empty while the store holds {Stored} rows: rebuilding from the store")]
    private static partial void LogRebuildingEmpty(ILogger logger, string index, long stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check or recover index {Index}")]
    private static partial void LogRecoveryFailed(ILogger logger, string index, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index {Index} is at change {Watermark}, below what the log has pruned: rebuilding from the store")]
    private static partial void LogBehindPruned(ILogger logger, string index, long watermark);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index {Index} is at change {Watermark}, beyond the store's log ({Logged}): it belongs to another database; rebuilding from the store")]
    private static partial void LogAheadOfLog(ILogger logger, string index, long watermark, long logged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} change-log rows of {Index} up to {UpTo}")]
    private static partial void LogPruned(ILogger logger, string index, int count, long upTo);
}
