namespace Thirty3.Domain.Search;

/// <summary>
/// A search index for one schema. It is a projection of the store: everything in it can be
/// rebuilt from the store, so a backend may lose it but must never report a write it did not keep.
/// </summary>
public interface ISearchIndex : IDisposable
{
    IndexSchema Schema { get; }

    /// <summary>
    /// Adds or replaces <paramref name="upserts"/> (by id) and removes <paramref name="deletes"/>.
    /// When the task completes the changes are durable and visible to searches.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<IndexDocument> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole content with the documents <paramref name="source"/> yields. Searches
    /// keep seeing the old content until the new one is complete.
    /// </summary>
    Task RebuildAsync(IAsyncEnumerable<IndexDocument> source, CancellationToken cancellationToken);

    Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Number of documents in the index.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>Opens the index of a schema in the configured backend.</summary>
public interface ISearchIndexFactory
{
    ISearchIndex Open(IndexSchema schema);
}

/// <summary>A request the backend refuses (unknown field, bad cursor): the client's mistake.</summary>
public sealed class InvalidSearchRequestException(string message) : Exception(message);
