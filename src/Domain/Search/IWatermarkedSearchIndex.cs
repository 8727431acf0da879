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
    /// Like <see cref="ISearchIndex.ApplyAsync"/>, and records <paramref name="watermark"/> in the same
    /// commit: after a crash, either both the changes and the watermark are there, or neither is.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<IndexDocument> upserts, IReadOnlyList<string> deletes, long watermark, CancellationToken cancellationToken);

    /// <summary>Like <see cref="ISearchIndex.RebuildAsync"/>, recording <paramref name="watermark"/> with the new content.</summary>
    Task RebuildAsync(IAsyncEnumerable<IndexDocument> source, long watermark, CancellationToken cancellationToken);
}
