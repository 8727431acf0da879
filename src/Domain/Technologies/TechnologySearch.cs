using Thirty3.Domain.Opportunities;

namespace Thirty3.Domain.Technologies;

/// <summary>Query string of <c>GET /api/technologies</c>; multi-valued filters repeat the parameter.</summary>
public sealed class TechnologySearchQuery
{
    public string? Q { get; set; }
    /// <summary>GSS codes.</summary>
    public string[]? Borough { get; set; }
    public string[]? ServiceArea { get; set; }
    public string[]? Function { get; set; }
    public string[]? Supplier { get; set; }
    public string[]? Product { get; set; }
    public string[]? ContractEndYear { get; set; }
    public string[]? Hosting { get; set; }
    /// <summary>relevance (default), contract_end, value.</summary>
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Cursor { get; set; }
}

public sealed record TechnologyHit(TechnologyEntry Entry, double Score, IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

public sealed record TechnologySearchResult(
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<TechnologyHit> Items,
    IReadOnlyList<FacetGroup> Facets,
    string? NextCursor);

/// <summary>A borough (council) with how much the directory knows of it.</summary>
public sealed record BoroughSummary(string GssCode, string Name, string? Region, int TechnologyCount, long OpenOpportunityCount);

public sealed record FunctionGroup(string Function, IReadOnlyList<TechnologyEntry> Entries);

public sealed record ServiceAreaGroup(string ServiceArea, IReadOnlyList<FunctionGroup> Functions);

/// <summary>A borough's technology stack grouped by service area and function, with its open opportunities.</summary>
public sealed record BoroughStack(BoroughSummary Borough, IReadOnlyList<ServiceAreaGroup> ServiceAreas, IReadOnlyList<OpportunitySummary> OpenOpportunities);

/// <summary>A product as a supplier's footprint shows it: where it is used, for what.</summary>
public sealed record ProductUse(string Product, string Function, IReadOnlyList<string> Boroughs);

/// <summary>A contract a supplier won, from an awarded notice.</summary>
public sealed record ContractWon(string Ocid, string Title, OrganisationRef? Buyer, decimal? Value, DateOnly? ContractEnd);

/// <summary>Where a supplier is present: boroughs, products, and contracts won.</summary>
public sealed record SupplierFootprint(
    string Name,
    string? SupplierId,
    string? Scale,
    IReadOnlyList<BoroughSummary> Boroughs,
    IReadOnlyList<ProductUse> Products,
    IReadOnlyList<ContractWon> ContractsWon);
