namespace Thirty3.Domain.Opportunities;

/// <summary>Sort orders of the opportunities search.</summary>
public static class OpportunitySorts
{
    public const string Relevance = "relevance";
    public const string Newest = "newest";
    public const string ClosingSoonest = "closing";
    public const string ValueHighest = "value";
    public const string ValueLowest = "value_asc";

    public static readonly IReadOnlyList<string> All = [Relevance, Newest, ClosingSoonest, ValueHighest, ValueLowest];
}

/// <summary>
/// Query string of <c>GET /api/opportunities</c>. Multi-valued filters repeat the parameter
/// (<c>stage=tender&amp;stage=planning</c>); values of one filter are OR'ed, filters are AND'ed.
/// </summary>
public sealed class OpportunitySearchQuery
{
    /// <summary>Free text: words, "quoted phrases"; typos and local-government synonyms are tolerated.</summary>
    public string? Q { get; set; }
    public string[]? Stage { get; set; }
    public string[]? Status { get; set; }
    /// <summary>CPV codes (8 digits, check digit optional); a code matches itself and its descendants.</summary>
    public string[]? Cpv { get; set; }
    /// <summary>Buyer directory ids.</summary>
    public string[]? Buyer { get; set; }
    public string[]? Region { get; set; }
    public decimal? MinValue { get; set; }
    public decimal? MaxValue { get; set; }
    public DateTimeOffset? DeadlineFrom { get; set; }
    public DateTimeOffset? DeadlineTo { get; set; }
    public DateTimeOffset? PublishedFrom { get; set; }
    public DateTimeOffset? PublishedTo { get; set; }
    /// <summary>NUTS or ITL codes of delivery places (UKI, UKI3, TLC14): a code matches itself and the places within it.</summary>
    public string[]? Place { get; set; }
    /// <summary>Notice types the process has published: UK1 (pipeline) … UK17, or a publisher's own type as sent.</summary>
    public string[]? NoticeType { get; set; }
    /// <summary>The law it is run under: pa2023 (Procurement Act 2023), pcr2015, ucr2016, ccr2016, dscpr2011, pcs2015.</summary>
    public string[]? LegalBasis { get; set; }
    /// <summary>above or below the threshold.</summary>
    public string? Threshold { get; set; }
    /// <summary>Special regimes as publishers send them (lightTouch, defenceAndSecurity, utilities, concession).</summary>
    public string[]? SpecialRegime { get; set; }
    /// <summary>framework, openFramework or dynamicMarket: processes that establish one.</summary>
    public string[]? Technique { get; set; }
    /// <summary>The ocid of a framework or dynamic market: its call-offs.</summary>
    public string? Framework { get; set; }
    /// <summary>Only those marked suitable for SMEs.</summary>
    public bool? Sme { get; set; }
    /// <summary>Only those marked suitable for voluntary, community and social enterprises.</summary>
    public bool? Vcse { get; set; }
    /// <summary>Only those still open: status active and the deadline (tender, or expression of interest where that is the only one) not passed, or a dynamic market that still admits suppliers.</summary>
    public bool? Open { get; set; }
    /// <summary>relevance (default), newest, closing, value, value_asc.</summary>
    public string? Sort { get; set; }
    /// <summary>1-based page; deep pages need <see cref="Cursor"/>.</summary>
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    /// <summary>From the previous page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; set; }
}

/// <summary>One value of a facet in a result page.</summary>
/// <param name="Value">The filter value to send back.</param>
/// <param name="Label">What to show a person (a CPV label, a buyer's name); the value when there is none.</param>
/// <param name="Count">Results the value has given the other filters.</param>
/// <param name="Selected">Whether the query filters on it.</param>
public sealed record FacetCount(string Value, string Label, long Count, bool Selected);

/// <summary>Counts of one facet (stage, cpv, buyer, region, ...).</summary>
public sealed record FacetGroup(string Name, IReadOnlyList<FacetCount> Values);

/// <summary>An opportunity in a result page with its highlighted snippets (HTML with &lt;mark&gt;).</summary>
public sealed record OpportunityHit(OpportunitySummary Opportunity, double Score, IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

/// <summary>A page of opportunities.</summary>
public sealed record OpportunitySearchResult(
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<OpportunityHit> Items,
    IReadOnlyList<FacetGroup> Facets,
    string? NextCursor);
