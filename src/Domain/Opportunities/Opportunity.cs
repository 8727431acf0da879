namespace Thirty3.Domain.Opportunities;

/// <summary>Where a process is in its life, from the OCDS release tags of its notices.</summary>
public static class Stages
{
    public const string Planning = "planning";
    public const string Tender = "tender";
    public const string Award = "award";
    public const string Contract = "contract";

    public static readonly IReadOnlyList<string> All = [Planning, Tender, Award, Contract];
}

/// <summary>A buyer or supplier as a notice names it, resolved to the directory's identifier.</summary>
/// <param name="Id">Directory identifier: a scheme-prefixed id such as <c>GB-GSS-E09000022</c> or <c>GB-COH-01234567</c>.</param>
/// <param name="Name">Name as published.</param>
/// <param name="GssCode">GSS code when the organisation is a known UK council.</param>
/// <param name="Scale">OCDS party scale (sme, large, micro) for suppliers, when given.</param>
public sealed record OrganisationRef(string Id, string Name, string? GssCode = null, string? Scale = null);

/// <summary>A CPV code (8 digits, no check digit) with its English label when known.</summary>
public sealed record CpvRef(string Code, string? Label);

/// <summary>A lot of a tender.</summary>
public sealed record LotSummary(string Id, string? Title, string? Description, decimal? Value, string? Status);

/// <summary>One notice (OCDS release) of a process.</summary>
public sealed record NoticeRef(string ReleaseId, DateTimeOffset Date, IReadOnlyList<string> Tags, string Stage, string? Source, string? Link);

/// <summary>What a result list shows of an opportunity; also what the search index returns with each hit.</summary>
public sealed record OpportunitySummary
{
    public required string Ocid { get; init; }
    public required string Title { get; init; }
    public string? DescriptionExcerpt { get; init; }
    public required string Stage { get; init; }
    /// <summary>OCDS tender status: planned, active, complete, cancelled, unsuccessful, withdrawn.</summary>
    public string? Status { get; init; }
    public OrganisationRef? Buyer { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<CpvRef> Cpv { get; init; } = [];
    public decimal? Value { get; init; }
    public decimal? MinValue { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public DateOnly? ContractMaxExtension { get; init; }
    public bool? SuitableForSme { get; init; }
    public bool? SuitableForVcse { get; init; }
    public IReadOnlyList<OrganisationRef> Suppliers { get; init; } = [];
    public string? Source { get; init; }
    /// <summary>The notice on its publisher's site.</summary>
    public string? Link { get; init; }
}

/// <summary>An opportunity in full: the compiled process with its notices.</summary>
public sealed record OpportunityDetail
{
    public required OpportunitySummary Summary { get; init; }
    public string? Description { get; init; }
    public string? ProcurementMethod { get; init; }
    public string? MainProcurementCategory { get; init; }
    public IReadOnlyList<LotSummary> Lots { get; init; } = [];
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<NoticeRef> Notices { get; init; } = [];
}
