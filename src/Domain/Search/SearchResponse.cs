namespace Thirty3.Domain.Search;

/// <summary>One value of a facet and how many documents have it.</summary>
public sealed record FacetValue(string Value, long Count);

/// <summary>One hit: its id, score, stored summary and highlighted snippets by field.</summary>
/// <remarks>Snippets are plain text with matches wrapped in <c>&lt;mark&gt;</c>; all other text is HTML-encoded.</remarks>
public sealed record SearchHit(string Id, double Score, string Summary, IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

/// <summary>The result of a search.</summary>
/// <param name="Total">Exact number of matching documents.</param>
/// <param name="Hits">This page.</param>
/// <param name="Facets">Counts per requested facet field.</param>
/// <param name="NextCursor">Cursor for the page after this one; null on the last page.</param>
public sealed record SearchResponse(
    long Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? NextCursor);
