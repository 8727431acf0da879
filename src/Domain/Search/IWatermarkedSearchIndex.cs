namespace Thirty3.Domain.Search;

/// <summary>
/// A search index that records, atomically with its documents, how far it has followed a change
/// log (a monotonic id). An index private to one instance (embedded) implements this so that its
/// progress lives and dies with its content: an index wiped or restored from an old copy reports
/// the watermark of what it actually holds, and the projector replays or rebuilds from there.
/// </summary>
public interface IWatermarkedSearchIndex : ISearchIndex
{
    /// <summary>The watermark of the last durable commit; 0 for an index that never recorded one.</summary>
    long Watermark { get; }

    /// <summary>
    /// The watermark of what searches already see, at or above <see cref="Watermark"/>: an index may
    /// make changes visible before it makes them durable, and replays from <see cref="Watermark"/>
    /// after a crash. The projector reads on from here; pruning trusts only <see cref="Watermark"/>.
    /// </summary>
    long AppliedWatermark { get; }

    /// <summary>
    /// Like <see cref="ISearchIndex.ApplyAsync"/>, but durability may follow visibility: the changes
    /// are searchable on return and are committed with <paramref name="watermark"/> shortly after, in
    /// one commit, so after a crash either both the changes and the watermark are there, or neither is.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<IndexDocument> upserts, IReadOnlyList<string> deletes, long watermark, CancellationToken cancellationToken);

    /// <summary>Makes everything applied so far durable now, moving <see cref="Watermark"/> up to <see cref="AppliedWatermark"/>.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Like <see cref="ISearchIndex.RebuildAsync"/>, recording <paramref name="watermark"/> with the new content.</summary>
    Task RebuildAsync(IAsyncEnumerable<IndexDocument> source, long watermark, CancellationToken cancellationToken);
}
