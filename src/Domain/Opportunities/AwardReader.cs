using System.Text.Json.Nodes;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>
/// Reads the awards and contracts of a compiled release as the Procurement Act means them: an award
/// in standstill (pending) has no winner yet, a cancelled one never had; a terminated contract ends
/// on its termination date; contract changes (UK10) carry the new value and period.
/// </summary>
internal static class AwardReader
{
    public static List<AwardSummary> Awards(JsonObject compiled, Func<JsonObject, OrganisationRef> resolve) =>
        Objects(compiled["awards"]).Select((award, i) => new AwardSummary(
            Text(award["id"]) ?? $"award-{i + 1}",
            StatusOf(award),
            Text(award["title"]),
            Distinct(Objects(award["suppliers"]).Select(resolve)),
            Amount(award["value"]),
            Date(award["date"]),
            Date(award["standstillPeriod"]?["endDate"]),
            Strings(award["relatedLots"]).ToList())).ToList();

    /// <summary>An award without a status is taken as active: 2015-era publishers (Contracts Finder) send only decided awards.</summary>
    private static string StatusOf(JsonObject award) => Text(award["status"])?.ToLowerInvariant() ?? AwardStatuses.Active;

    /// <param name="terminationNoticeDate">When the latest UK11 termination notice was published: the end of a terminated contract that gives no date.</param>
    public static List<ContractSummary> Contracts(JsonObject compiled, DateTimeOffset? terminationNoticeDate) =>
        Objects(compiled["contracts"]).Select((contract, i) =>
        {
            var status = Text(contract["status"])?.ToLowerInvariant() ?? ContractStatuses.Active;
            var changes = Objects(contract["amendments"]).Select(a => new ContractChange(
                    Text(a["id"]),
                    Date(a["date"]),
                    FirstText(a["description"], a["rationale"]),
                    Amount(a["value"]),
                    DateOnlyOf(Date(a["period"]?["endDate"]))))
                .OrderBy(c => c.Date ?? DateTimeOffset.MinValue)
                .ToList();
            var plannedEnd = changes.LastOrDefault(c => c.End is not null)?.End ?? DateOnlyOf(Date(contract["period"]?["endDate"]));
            DateOnly? terminatedOn = null;
            string? reason = null;
            if (status == ContractStatuses.Terminated)
            {
                terminatedOn = DateOnlyOf(Date(contract["implementation"]?["endDate"]) ?? Date(contract["finalStatusDate"]) ?? terminationNoticeDate);
                reason = TerminationReason(contract);
            }
            return new ContractSummary(
                Text(contract["id"]) ?? $"contract-{i + 1}",
                Text(contract["awardID"]),
                status,
                changes.LastOrDefault(c => c.Value is not null)?.Value ?? Amount(contract["value"]),
                DateOnlyOf(Date(contract["period"]?["startDate"])),
                terminatedOn ?? plannedEnd,
                plannedEnd,
                terminatedOn is null ? DateOnlyOf(Date(contract["period"]?["maxExtentDate"])) : null,
                Date(contract["dateSigned"]),
                terminatedOn,
                reason,
                changes);
        }).ToList();

    private static string? TerminationReason(JsonObject contract)
    {
        var classifications = Objects(contract["terminationRationaleClassifications"])
            .Append(contract["terminationRationaleClassification"] as JsonObject)
            .Where(c => c is not null)
            .Select(c => FirstText(c!["description"], c["id"]))
            .Where(t => t is not null)
            .Distinct()
            .ToList();
        var details = FirstText(contract["implementation"]?["endDateDetails"], contract["terminationRationale"]);
        var parts = classifications.Append(details).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static List<OrganisationRef> Distinct(IEnumerable<OrganisationRef> organisations)
    {
        var list = new List<OrganisationRef>();
        foreach (var organisation in organisations)
        {
            if (list.All(o => o.Id != organisation.Id))
            {
                list.Add(organisation);
            }
        }
        return list;
    }
}
