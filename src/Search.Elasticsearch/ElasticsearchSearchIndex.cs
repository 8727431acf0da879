using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// The index of one schema in Elasticsearch or OpenSearch, always reached through the alias
/// <c>&lt;prefix&gt;-&lt;schema&gt;</c>, which points at one concrete index <c>&lt;prefix&gt;-&lt;schema&gt;-&lt;timestamp&gt;</c>.
/// </summary>
/// <remarks>
/// Rebuilds fill a new concrete index and swap the alias in one <c>_aliases</c> request, so searches
/// see the old content until the new one is complete. While a rebuild runs, <see cref="ApplyAsync"/>
/// writes to both the live alias and the new index and remembers the ids it wrote; the rebuild skips
/// those ids, so a write that arrives during the rebuild is neither lost nor overwritten by the
/// (possibly older) rebuild copy. A write gate serialises Apply calls, each rebuild batch and the
/// swap, so no write can target an index that the swap is about to delete.
/// </remarks>
public sealed partial class ElasticsearchSearchIndex : ISearchIndex
{
    private readonly IElasticsearchApi api;
    private readonly ElasticsearchOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly BulkWriter bulk;
    private readonly FreeTextQueryBuilder textQueries;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim rebuildGate = new(1, 1);
    private readonly Lock aliasLock = new();
    private Task? aliasReady;
    private RebuildState? rebuild;

    private sealed class RebuildState(string index)
    {
        public string Index { get; } = index;
        public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);
    }

    public ElasticsearchSearchIndex(IElasticsearchApi api, ElasticsearchOptions options, TimeProvider time, ILogger logger, IndexSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        this.api = api;
        this.options = options;
        this.time = time;
        this.logger = logger;
        Schema = schema;
        Alias = $"{options.IndexPrefix}-{schema.Name}".ToLowerInvariant();
        bulk = new BulkWriter(api, options, time, logger);
        textQueries = new FreeTextQueryBuilder(schema);
    }

    public IndexSchema Schema { get; }

    /// <summary>The alias every read and write goes through.</summary>
    public string Alias { get; }

    public async Task ApplyAsync(IReadOnlyList<IndexDocument> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return;
        }
        // Map first: a document that does not fit the schema fails the call before anything is sent.
        var sources = upserts.Select(d => (d.Id, Source: IndexMapping.Source(Schema, d))).ToList();
        await EnsureAliasAsync(cancellationToken).ConfigureAwait(false);
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var targets = rebuild is { } r ? new[] { Alias, r.Index } : [Alias];
            var operations = new List<BulkOperation>();
            foreach (var target in targets)
            {
                operations.AddRange(sources.Select(s => new BulkOperation(target, s.Id, s.Source)));
                operations.AddRange(deletes.Select(id => new BulkOperation(target, id, null)));
            }
            if (rebuild is { } state)
            {
                state.Touched.UnionWith(sources.Select(s => s.Id));
                state.Touched.UnionWith(deletes);
            }
            // wait_for: when this returns the changes are visible to searches (and durable: the
            // translog is fsynced per request by default).
            await bulk.ExecuteAsync(operations, refresh: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task RebuildAsync(IAsyncEnumerable<IndexDocument> source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await rebuildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAliasAsync(cancellationToken).ConfigureAwait(false);
            var target = NewIndexName();
            await api.CreateIndexAsync(target, IndexMapping.CreateBody(Schema, options.NumberOfReplicas, alias: null), cancellationToken).ConfigureAwait(false);
            var state = new RebuildState(target);
            await SetRebuildAsync(state).ConfigureAwait(false);
            var failures = new List<BulkFailure>();
            try
            {
                var batch = new List<IndexDocument>(options.BulkBatchSize);
                await foreach (var document in source.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(document);
                    if (batch.Count == options.BulkBatchSize)
                    {
                        failures.AddRange(await LoadAsync(state, batch, cancellationToken).ConfigureAwait(false));
                        batch.Clear();
                    }
                }
                failures.AddRange(await LoadAsync(state, batch, cancellationToken).ConfigureAwait(false));
                await api.RefreshAsync(target, cancellationToken).ConfigureAwait(false);
                await SwapAsync(state, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await SetRebuildAsync(null).ConfigureAwait(false);
                await TryDeleteAsync(target).ConfigureAwait(false);
                throw;
            }
            if (failures.Count > 0)
            {
                // The new content is live without these documents, as it would be after ApplyAsync refused them.
                throw new BulkIndexingException(failures);
            }
        }
        finally
        {
            rebuildGate.Release();
        }
    }

    private async Task<List<BulkFailure>> LoadAsync(RebuildState state, List<IndexDocument> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        var sources = batch.Select(d => (d.Id, Source: IndexMapping.Source(Schema, d))).ToList();
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Ids written by ApplyAsync since the rebuild began already hold their newest content there.
            var operations = sources.Where(s => !state.Touched.Contains(s.Id)).Select(s => new BulkOperation(state.Index, s.Id, s.Source)).ToList();
            return operations.Count == 0 ? [] : await bulk.ExecuteChunkAsync(operations, refresh: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private async Task SwapAsync(RebuildState state, CancellationToken cancellationToken)
    {
        List<string> old;
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            old = await AliasIndexesAsync(cancellationToken).ConfigureAwait(false);
            await api.UpdateAliasesAsync(AliasSwap(Alias, old, state.Index), cancellationToken).ConfigureAwait(false);
            rebuild = null;
        }
        finally
        {
            writeGate.Release();
        }
        foreach (var index in old.Where(i => i != state.Index))
        {
            await TryDeleteAsync(index).ConfigureAwait(false);
        }
    }

    /// <summary>Body of the atomic swap: remove the alias from every index it names, add it to the new one.</summary>
    internal static JsonObject AliasSwap(string alias, IEnumerable<string> from, string to)
    {
        var actions = new JsonArray();
        foreach (var index in from.Where(i => i != to))
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = index, ["alias"] = alias } });
        }
        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = to, ["alias"] = alias, ["is_write_index"] = true } });
        return new JsonObject { ["actions"] = actions };
    }

    private async Task SetRebuildAsync(RebuildState? state)
    {
        await writeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        rebuild = state;
        writeGate.Release();
    }

    private async Task TryDeleteAsync(string index)
    {
        try
        {
            await api.DeleteIndexAsync(index, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException)
        {
            // A leftover index costs disk, not correctness: nothing reads it once the alias moved.
            LogDeleteFailed(logger, index, e);
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureAliasAsync(cancellationToken).ConfigureAwait(false);
        var response = await api.CountAsync(Alias, cancellationToken).ConfigureAwait(false);
        return response.Count;
    }

    /// <summary>Concrete indexes the alias points to (none when it does not exist).</summary>
    internal async Task<List<string>> AliasIndexesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var indexes = await api.GetAliasAsync(Alias, cancellationToken).ConfigureAwait(false);
            return [.. indexes.Keys.Order(StringComparer.Ordinal)];
        }
        catch (ElasticsearchException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>Creates the first concrete index with the alias on first use; no I/O before that.</summary>
    private Task EnsureAliasAsync(CancellationToken cancellationToken)
    {
        lock (aliasLock)
        {
            if (aliasReady is null || aliasReady.IsFaulted || aliasReady.IsCanceled)
            {
                aliasReady = CreateAliasIfMissingAsync(cancellationToken);
            }
            return aliasReady;
        }
    }

    private async Task CreateAliasIfMissingAsync(CancellationToken cancellationToken)
    {
        if ((await AliasIndexesAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }
        var index = NewIndexName();
        await api.CreateIndexAsync(index, IndexMapping.CreateBody(Schema, options.NumberOfReplicas, Alias), cancellationToken).ConfigureAwait(false);
        LogCreated(logger, index, Alias);
    }

    internal string NewIndexName() =>
        string.Create(CultureInfo.InvariantCulture, $"{Alias}-{time.GetUtcNow():yyyyMMddHHmmssfff}-{Random.Shared.Next(0x10000):x4}");

    public void Dispose()
    {
        writeGate.Dispose();
        rebuildGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created index {Index} behind alias {Alias}")]
    private static partial void LogCreated(ILogger logger, string index, string alias);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete index {Index}")]
    private static partial void LogDeleteFailed(ILogger logger, string index, Exception exception);
}
