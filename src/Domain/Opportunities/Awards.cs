namespace Thirty3.Domain.Opportunities;

/// <summary>The statuses of an award (OCDS award status), as the directory reads them.</summary>
public static class AwardStatuses
{
    /// <summary>Intended: a contract award notice (UK6) in its standstill period; nobody has won yet.</summary>
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Cancelled = "cancelled";
    public const string Unsuccessful = "unsuccessful";
}

/// <summary>The statuses of a contract (OCDS contract status).</summary>
public static class ContractStatuses
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Cancelled = "cancelled";
    public const string Terminated = "terminated";
}

/// <summary>An award decision of a process.</summary>
/// <param name="Status">pending (intended, in standstill), active, cancelled or unsuccessful; an award sent without a status is active (2015-era publishers).</param>
/// <param name="StandstillEnd">When the standstill period of an intended award ends.</param>
/// <param name="RelatedLots">The lots it awards; empty when the process has no lots or the notice does not say.</param>
public sealed record AwardSummary(
    string Id,
    string Status,
    string? Title,
    IReadOnlyList<OrganisationRef> Suppliers,
    decimal? Value,
    DateTimeOffset? Date,
    DateTimeOffset? StandstillEnd,
    IReadOnlyList<string> RelatedLots);

/// <summary>A change to a contract (a UK10 contract change notice, or an OCDS amendment).</summary>
/// <param name="Value">The contract's total value after the change, when it changed.</param>
/// <param name="End">The contract's end after the change, when it changed.</param>
public sealed record ContractChange(string? Id, DateTimeOffset? Date, string? Description, decimal? Value, DateOnly? End);

/// <summary>A contract of a process, with its changes and, if it ended early, its termination.</summary>
/// <param name="End">When it ends as things stand: the termination date of a terminated contract, else the latest change's end, else its period's.</param>
/// <param name="PlannedEnd">The end its period gave before any termination.</param>
public sealed record ContractSummary(
    string Id,
    string? AwardId,
    string Status,
    decimal? Value,
    DateOnly? Start,
    DateOnly? End,
    DateOnly? PlannedEnd,
    DateOnly? MaxExtension,
    DateTimeOffset? DateSigned,
    DateOnly? TerminatedOn,
    string? TerminationReason,
    IReadOnlyList<ContractChange> Changes);
