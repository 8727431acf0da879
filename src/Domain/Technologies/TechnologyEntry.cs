namespace Thirty3.Domain.Technologies;

/// <summary>
/// One line of a borough's technology estate (the City Tools inventory): which product from which
/// supplier serves which function, under which contract.
/// </summary>
public sealed record TechnologyEntry
{
    /// <summary>Stable id: the source's own id, or one derived from borough, function, product and supplier.</summary>
    public required string Id { get; init; }
    public required string BoroughGss { get; init; }
    public required string BoroughName { get; init; }
    public required string ServiceArea { get; init; }
    public required string Function { get; init; }
    public required string Product { get; init; }
    public required string Supplier { get; init; }
    /// <summary>Supplier's directory id when known (e.g. GB-COH-01234567).</summary>
    public string? SupplierId { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public DateOnly? ContractMaxExtension { get; init; }
    public decimal? AnnualValue { get; init; }
    public decimal? TotalValue { get; init; }
    /// <summary>on-premises, cloud, saas, hybrid.</summary>
    public string? Hosting { get; init; }
    public string? Notes { get; init; }
    /// <summary>Where this came from (a source name such as city-tools or a connector).</summary>
    public required string Source { get; init; }
    public DateTimeOffset? LastVerified { get; init; }
}

/// <summary>A technology entry as a source sends it; the directory derives the id when none is given.</summary>
public sealed record TechnologyEntryInput
{
    public string? Id { get; init; }
    /// <summary>GSS code of the council (E09000001..E09000033 for London), or its name.</summary>
    public string? Borough { get; init; }
    public string? ServiceArea { get; init; }
    public string? Function { get; init; }
    public string? Product { get; init; }
    public string? Supplier { get; init; }
    public string? SupplierId { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public DateOnly? ContractMaxExtension { get; init; }
    public decimal? AnnualValue { get; init; }
    public decimal? TotalValue { get; init; }
    public string? Hosting { get; init; }
    public string? Notes { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? LastVerified { get; init; }
}
