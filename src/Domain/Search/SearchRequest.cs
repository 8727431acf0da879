namespace Thirty3.Domain.Search;

/// <summary>Keep documents having any of <paramref name="Values"/> in keyword field <paramref name="Field"/>.</summary>
/// <remarks>
/// Facets are multi-select: the counts of a facet on the same field ignore this filter, so a user
/// sees how many results each other value would add.
/// </remarks>
public sealed record TermsFilter(string Field, IReadOnlyList<string> Values);

/// <summary>Keep documents whose number or date field lies in [Min, Max] (either end open when null; dates in Unix ms).</summary>
public sealed record RangeFilter(string Field, double? Min, double? Max);

/// <summary>Sort by a number, date or keyword field; null field means relevance.</summary>
public sealed record SortSpec(string? Field, bool Descending)
{
    public static readonly SortSpec Relevance = new(null, true);
}

/// <summary>A backend-neutral search: free text, filters, facets, sort and paging.</summary>
public sealed record SearchRequest
{
    /// <summary>Free text typed by a user; null or blank matches everything.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<TermsFilter> Terms { get; init; } = [];

    public IReadOnlyList<RangeFilter> Ranges { get; init; } = [];

    /// <summary>Keyword fields to count values of.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>How many values each facet returns at most (highest counts first).</summary>
    public int FacetSize { get; init; } = 20;

    public SortSpec Sort { get; init; } = SortSpec.Relevance;

    /// <summary>Hits per page.</summary>
    public int Size { get; init; } = 20;

    /// <summary>Offset paging; ignored when <see cref="Cursor"/> is set.</summary>
    public int From { get; init; }

    /// <summary>Opaque cursor from a previous response's <see cref="SearchResponse.NextCursor"/>: deep paging.</summary>
    public string? Cursor { get; init; }

    /// <summary>Whether hits carry highlighted snippets.</summary>
    public bool Highlight { get; init; } = true;
}
