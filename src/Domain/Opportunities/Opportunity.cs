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

/// <summary>A lot of a tender, with what the process's items and awards say of it.</summary>
public sealed record LotSummary(string Id, string? Title, string? Description, decimal? Value, string? Status)
{
    public bool? SuitableForSme { get; init; }
    public bool? SuitableForVcse { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    /// <summary>CPV codes of the items of this lot.</summary>
    public IReadOnlyList<string> Cpv { get; init; } = [];
    /// <summary>Regions where this lot is delivered.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Suppliers of the active awards of this lot: its winners.</summary>
    public IReadOnlyList<OrganisationRef> Suppliers { get; init; } = [];
    /// <summary>Suppliers of its intended (pending, in standstill) awards.</summary>
    public IReadOnlyList<OrganisationRef> IntendedSuppliers { get; init; } = [];
}

/// <summary>One notice (OCDS release) of a process.</summary>
/// <param name="NoticeType">The publisher's notice type (<c>documents[].noticeType</c>, e.g. UK4), as sent.</param>
/// <param name="Label">What to call it: "UK6 Contract award notice", "UK4 Tender notice (amendment)", or the stage's notice when there is no type.</param>
public sealed record NoticeRef(string ReleaseId, DateTimeOffset Date, IReadOnlyList<string> Tags, string Stage, string? Source, string? Link, string? NoticeType = null, string? Label = null);

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
    /// <summary>Where it is delivered, for people: one region, several joined, or "UK-wide".</summary>
    public string? Region { get; init; }
    /// <summary>Every region it is delivered in (all twelve when UK-wide).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>The NUTS or ITL codes of its delivery places, as sent (UKI31, TLC14).</summary>
    public IReadOnlyList<string> PlaceCodes { get; init; } = [];
    public IReadOnlyList<CpvRef> Cpv { get; init; } = [];
    public decimal? Value { get; init; }
    public decimal? MinValue { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    /// <summary>The deadline that decides whether it is open: the tender period's end, or the expression-of-interest deadline where that is the only one.</summary>
    public DateTimeOffset? Deadline { get; init; }
    /// <summary>Which deadline <see cref="Deadline"/> is: tender or expressionOfInterest.</summary>
    public string? DeadlineKind { get; init; }
    /// <summary>The deadline for expressions of interest (requests to participate), when given.</summary>
    public DateTimeOffset? ExpressionOfInterestDeadline { get; init; }
    /// <summary>The enquiry (clarification questions) deadline.</summary>
    public DateTimeOffset? EnquiryDeadline { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public DateOnly? ContractMaxExtension { get; init; }
    public bool? SuitableForSme { get; init; }
    public bool? SuitableForVcse { get; init; }
    /// <summary>Suppliers of active awards only: who has won.</summary>
    public IReadOnlyList<OrganisationRef> Suppliers { get; init; } = [];
    /// <summary>Suppliers of intended awards still in standstill (UK6): not winners yet.</summary>
    public IReadOnlyList<OrganisationRef> IntendedSuppliers { get; init; } = [];
    /// <summary>When the standstill of the intended awards ends.</summary>
    public DateTimeOffset? StandstillEnd { get; init; }
    /// <summary>Status of the latest contract in force or ended (active, terminated, …).</summary>
    public string? ContractStatus { get; init; }
    /// <summary>When a contract terminated early (UK11) ended.</summary>
    public DateOnly? TerminatedOn { get; init; }
    /// <summary>The latest notice's type, as sent (UK4, …).</summary>
    public string? NoticeType { get; init; }
    /// <summary>Every notice type the process has published, oldest first.</summary>
    public IReadOnlyList<string> NoticeTypes { get; init; } = [];
    /// <summary>The law it is run under (<see cref="LegalBases"/> code, or the identifier as sent).</summary>
    public string? LegalBasis { get; init; }
    public bool? AboveThreshold { get; init; }
    public IReadOnlyList<string> SpecialRegimes { get; init; } = [];
    /// <summary>framework, openFramework or dynamicMarket when the process establishes one.</summary>
    public string? Technique { get; init; }
    /// <summary>A dynamic market that still admits suppliers (open for requests to participate).</summary>
    public bool AdmitsSuppliers { get; init; }
    /// <summary>Until when it admits suppliers, where the notice says.</summary>
    public DateTimeOffset? AdmitsSuppliersUntil { get; init; }
    /// <summary>For a call-off: the ocid of the framework or dynamic market it is awarded under.</summary>
    public string? FrameworkOcid { get; init; }
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
    /// <summary>Every award, whatever its status, so a page can say what was intended, won or cancelled.</summary>
    public IReadOnlyList<AwardSummary> Awards { get; init; } = [];
    public IReadOnlyList<ContractSummary> Contracts { get; init; } = [];
    public FrameworkSummary? Framework { get; init; }
    public IReadOnlyList<RelatedProcessRef> RelatedProcesses { get; init; } = [];
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<NoticeRef> Notices { get; init; } = [];
}

/// <summary>Which deadline an opportunity's <see cref="OpportunitySummary.Deadline"/> is.</summary>
public static class DeadlineKinds
{
    /// <summary>The tender period's end: bids are due.</summary>
    public const string Tender = "tender";
    /// <summary>Requests to participate are due (a competitive flexible procedure's first stage, with no tender period yet).</summary>
    public const string ExpressionOfInterest = "expressionOfInterest";
}
