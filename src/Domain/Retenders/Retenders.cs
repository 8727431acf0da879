using Thirty3.Domain.Technologies;

namespace Thirty3.Domain.Retenders;

/// <summary>Where a re-tender candidate comes from.</summary>
public static class RetenderKinds
{
    /// <summary>A technology entry of a borough's stack.</summary>
    public const string Technology = "technology";
    /// <summary>An awarded notice (OCDS award or contract).</summary>
    public const string Notice = "notice";
}

/// <summary>
/// A contract ending (or reaching its maximum extension) within the asked window with no newer
/// notice for it yet: a re-tender to expect.
/// </summary>
/// <param name="Kind"><see cref="RetenderKinds.Technology"/> or <see cref="RetenderKinds.Notice"/>.</param>
public sealed record RetenderCandidate(
    string Kind,
    string BoroughGss,
    string BoroughName,
    string? ServiceArea,
    string? Function,
    string? Product,
    string? Supplier,
    DateOnly ContractEnd,
    DateOnly? ContractMaxExtension,
    string? Ocid,
    string? Title,
    decimal? Value);

/// <summary>Query string of <c>GET /api/retenders</c>.</summary>
public sealed class RetenderQuery
{
    /// <summary>How far ahead to look, from today (default 12).</summary>
    public int? WithinMonths { get; set; }
    public string? Function { get; set; }
    /// <summary>GSS code.</summary>
    public string? Borough { get; set; }
}

/// <summary>A borough that could join a coalition, with the entries that put it there.</summary>
public sealed record CoalitionMember(string BoroughGss, string BoroughName, IReadOnlyList<TechnologyEntry> Entries);

/// <summary>Boroughs whose contracts for one function (or product) end within one window: candidates to procure together.</summary>
public sealed record Coalition(
    string Function,
    string? Product,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    IReadOnlyList<CoalitionMember> Boroughs);

/// <summary>Query string of <c>GET /api/coalitions</c>.</summary>
public sealed class CoalitionQuery
{
    public string? Function { get; set; }
    public string? Product { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
