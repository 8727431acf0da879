using System.Text.Json.Nodes;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Organisations;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>A release as stored, with the source that sent it.</summary>
public sealed record StoredRelease(NormalisedRelease Release, string Source);

/// <summary>What compiling a process yields: the opportunity, the organisations it names and the CPV labels it teaches.</summary>
/// <param name="Identifiers">Every identifier each organisation was published with, by the directory id it resolved to: what the store learns as aliases.</param>
public sealed record CompiledOpportunity(
    OpportunityDetail Detail,
    JsonObject CompiledRelease,
    IReadOnlyList<OrganisationRef> Organisations,
    IReadOnlyDictionary<string, string> CpvLabelsSeen,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Identifiers);

/// <summary>
/// Compiles the releases of one process into an opportunity: the fields SMEs search and filter on,
/// read from the OCDS compiled release and tolerant of the shapes real publishers send.
/// </summary>
public static class OpportunityCompiler
{
    private const int ExcerptLength = 300;

    public static CompiledOpportunity Compile(IReadOnlyList<StoredRelease> releases, ICpvLabels labels, IOrganisationAliases? aliases = null)
    {
        var ordered = releases.OrderBy(r => r.Release.Date).ThenBy(r => r.Release.Id, StringComparer.Ordinal).ToList();
        var compiled = OcdsMerge.Compile(ordered.Select(r => r.Release));
        var ocid = ordered[0].Release.Ocid;
        var tender = compiled["tender"] as JsonObject;
        var parties = Objects(compiled["parties"]).ToList();

        var buyerRef = compiled["buyer"] as JsonObject;
        var buyerParty = FindParty(parties, buyerRef) ?? parties.FirstOrDefault(p => HasRole(p, "buyer"));
        var identifiers = new Dictionary<string, IReadOnlyList<string>>();
        OrganisationRef Resolve(JsonObject? reference, JsonObject? party)
        {
            var resolved = OrganisationIds.Resolve(reference, party, aliases);
            var candidates = OrganisationIds.CandidateIds(reference, party);
            if (candidates.Count > 0)
            {
                identifiers[resolved.Id] = identifiers.TryGetValue(resolved.Id, out var seen) ? [.. seen.Union(candidates)] : candidates;
            }
            return resolved;
        }
        OrganisationRef? buyer = buyerRef is null && buyerParty is null ? null : Resolve(buyerRef, buyerParty);

        var notices = NoticeReader.ReadAll(ordered.Select(r => (r.Release, r.Source)));
        var awards = AwardReader.Awards(compiled, supplier => Resolve(supplier, FindParty(parties, supplier)));
        var terminationNotice = notices.LastOrDefault(n => string.Equals(n.NoticeType, NoticeTypes.ContractTermination, StringComparison.OrdinalIgnoreCase))?.Date;
        var contracts = AwardReader.Contracts(compiled, terminationNotice ?? ordered[^1].Release.Date);
        var suppliers = awards.Where(a => a.Status == AwardStatuses.Active).SelectMany(a => a.Suppliers).DistinctBy(s => s.Id).ToList();
        var intended = awards.Where(a => a.Status == AwardStatuses.Pending).SelectMany(a => a.Suppliers)
            .Where(s => suppliers.All(won => won.Id != s.Id)).DistinctBy(s => s.Id).ToList();

        var cpvReader = new CpvReader();
        var items = Objects(tender?["items"]).Concat(Objects(compiled["awards"]).SelectMany(a => Objects(a["items"]))).ToList();
        var cpv = cpvReader.Of(tender?["classification"]).Concat(items.SelectMany(cpvReader.OfItem)).ToList();
        var lots = LotReader.Read(tender, items, awards, cpvReader);
        cpv = cpv.Concat(lots.SelectMany(l => l.Cpv)).Distinct().ToList();
        var cpvRefs = cpv.Select(code => new CpvRef(code, cpvReader.LabelsSeen.GetValueOrDefault(code) ?? labels.Find(code))).ToList();

        var title = FirstText(tender?["title"], compiled["planning"]?["budget"]?["project"], FirstOf(compiled["awards"], "title"), FirstOf(compiled["contracts"], "title")) ?? "(untitled notice)";
        var description = FirstText(tender?["description"], compiled["planning"]?["rationale"], FirstOf(compiled["awards"], "description"), compiled["description"]);

        var value = Amount(tender?["value"])
            ?? Sum(lots.Select(l => l.Value))
            ?? Sum(awards.Where(a => a.Status == AwardStatuses.Active).Select(a => a.Value))
            ?? Sum(contracts.Where(c => c.Status is ContractStatuses.Active or ContractStatuses.Terminated).Select(c => c.Value))
            ?? Amount(compiled["planning"]?["budget"]?["amount"]);
        var minValue = Amount(tender?["minValue"]);
        var currency = Text(tender?["value"]?["currency"]) ?? Text(tender?["minValue"]?["currency"])
            ?? Objects(tender?["lots"]).Select(l => Text(l["value"]?["currency"])).FirstOrDefault(c => c is not null)
            ?? Text(Objects(compiled["awards"]).FirstOrDefault()?["value"]?["currency"]);

        var period = ContractPeriod(contracts, compiled, tender);
        var suitability = tender?["suitability"] as JsonObject;
        var xClassifications = tender?["xClassifications"] as JsonObject;

        var regions = new List<string>();
        DeliveryPlaces.AddTo(regions, items.SelectMany(DeliveryPlaces.OfItem).Concat(lots.SelectMany(l => l.Regions)));
        var placeCodes = items.SelectMany(DeliveryPlaces.CodesOfItem).Concat(Objects(tender?["lots"]).SelectMany(DeliveryPlaces.CodesOfLot)).Distinct().ToList();
        if (regions.Count == 0 && BuyerRegion(buyer, buyerParty) is { } buyerRegion)
        {
            regions.Add(buyerRegion);
        }

        var tenderDeadline = Date(tender?["tenderPeriod"]?["endDate"]);
        var interestDeadline = Date(tender?["expressionOfInterestDeadline"]);
        var status = Text(tender?["status"])?.ToLowerInvariant();
        if (status is null && notices.Any(n => string.Equals(n.NoticeType, NoticeTypes.ProcurementTermination, StringComparison.OrdinalIgnoreCase)))
        {
            status = "cancelled";
        }
        var noticeTypes = notices.Select(n => n.NoticeType).Where(t => t is not null).Select(t => t!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var framework = FrameworkReader.Read(tender, notices);
        var related = FrameworkReader.Related(compiled);

        var summary = new OpportunitySummary
        {
            Ocid = ocid,
            Title = title,
            DescriptionExcerpt = Excerpt(description),
            // A typed notice says which stage it announces (a UK3 planned procurement already has a
            // tender period start); without types, the content may say more than the tags.
            Stage = notices.Any(n => NoticeTypes.IsProcurementAct(n.NoticeType))
                ? notices.Select(n => n.Stage).MaxBy(StageRank)!
                : notices.Select(n => n.Stage).Append(StageOfContent(compiled)).MaxBy(StageRank)!,
            Status = status,
            Buyer = buyer,
            Region = Regions.Describe(regions),
            Regions = regions,
            PlaceCodes = placeCodes,
            Cpv = cpvRefs,
            Value = value,
            MinValue = minValue,
            Currency = currency,
            Published = ordered[0].Release.Date,
            Updated = ordered[^1].Release.Date,
            Deadline = tenderDeadline ?? interestDeadline,
            DeadlineKind = tenderDeadline is not null ? DeadlineKinds.Tender : interestDeadline is not null ? DeadlineKinds.ExpressionOfInterest : null,
            ExpressionOfInterestDeadline = interestDeadline,
            EnquiryDeadline = Date(tender?["enquiryPeriod"]?["endDate"]),
            ContractStart = period.Start,
            ContractEnd = period.End,
            ContractMaxExtension = period.MaxExtent,
            ContractStatus = period.Status,
            TerminatedOn = period.TerminatedOn,
            SuitableForSme = AnyLot(Bool(suitability?["sme"]) ?? Bool(xClassifications?["isSuitableForSme"]), lots.Select(l => l.SuitableForSme)),
            SuitableForVcse = AnyLot(Bool(suitability?["vcse"]) ?? Bool(xClassifications?["isSuitableForVco"]), lots.Select(l => l.SuitableForVcse)),
            Suppliers = suppliers,
            IntendedSuppliers = intended,
            StandstillEnd = awards.Where(a => a.Status == AwardStatuses.Pending).Max(a => a.StandstillEnd),
            NoticeType = notices.LastOrDefault(n => n.NoticeType is not null)?.NoticeType,
            NoticeTypes = noticeTypes,
            LegalBasis = LegalBasisOf(tender, noticeTypes),
            AboveThreshold = Bool(tender?["aboveThreshold"]) ?? (awards.Count > 0 ? Objects(compiled["awards"]).Select(a => Bool(a["aboveThreshold"])).FirstOrDefault(b => b is not null) : null),
            SpecialRegimes = Strings(tender?["specialRegime"]).Distinct().ToList(),
            Technique = framework?.Technique,
            AdmitsSuppliers = framework?.AdmitsSuppliers ?? false,
            AdmitsSuppliersUntil = framework?.AdmitsUntil,
            FrameworkOcid = FrameworkReader.ParentOf(related),
            Source = ordered[^1].Source,
            Link = notices.Select(n => n.Link).LastOrDefault(l => l is not null),
        };

        var detail = new OpportunityDetail
        {
            Summary = summary,
            Description = description,
            ProcurementMethod = Text(tender?["procurementMethodDetails"]) ?? Text(tender?["procurementMethod"]),
            MainProcurementCategory = Text(tender?["mainProcurementCategory"]),
            Lots = lots,
            Awards = awards,
            Contracts = contracts,
            Framework = framework,
            RelatedProcesses = related,
            Notices = notices,
        };

        var organisations = new List<OrganisationRef>();
        if (buyer is not null)
        {
            organisations.Add(buyer);
        }
        organisations.AddRange(suppliers);
        return new CompiledOpportunity(detail, compiled, organisations, cpvReader.LabelsSeen, identifiers);
    }

    /// <summary>An opportunity is suitable when the process says so or any of its lots does; unsuitable only when nothing says it is.</summary>
    private static bool? AnyLot(bool? process, IEnumerable<bool?> lots)
    {
        var lotFlags = lots.ToList();
        return process == true || lotFlags.Contains(true) ? true
            : process ?? (lotFlags.Contains(false) ? false : null);
    }

    private static string? LegalBasisOf(JsonObject? tender, IReadOnlyList<string> noticeTypes)
    {
        var basis = tender?["legalBasis"] as JsonObject;
        var id = Text(basis?["id"]);
        var known = LegalBases.FromIdentifier(id) ?? LegalBases.FromIdentifier(Text(basis?["uri"]));
        if (known is not null)
        {
            return known;
        }
        if (noticeTypes.Any(NoticeTypes.IsProcurementAct))
        {
            return LegalBases.ProcurementAct2023;
        }
        // Kept as sent: an unknown basis is still information.
        return id is null ? null : string.Join(' ', new[] { Text(basis?["scheme"]), id }.Where(p => p is not null));
    }

    public static int StageRank(string stage) => stage switch
    {
        Stages.Planning => 0,
        Stages.Tender => 1,
        Stages.Award => 2,
        Stages.Contract => 3,
        _ => -1,
    };

    /// <summary>The stage a notice announces, from its OCDS tags (and its content where tags say little).</summary>
    public static string StageOfTags(IReadOnlyList<string> tags, JsonObject json)
    {
        var stage = Stages.Planning;
        foreach (var tag in tags)
        {
            var t = tag.ToLowerInvariant();
            var s = t.StartsWith("contract", StringComparison.Ordinal) || t.StartsWith("implementation", StringComparison.Ordinal) ? Stages.Contract
                : t.StartsWith("award", StringComparison.Ordinal) ? Stages.Award
                : t.StartsWith("tender", StringComparison.Ordinal) ? Stages.Tender
                : t.StartsWith("planning", StringComparison.Ordinal) ? Stages.Planning
                : StageOfContent(json);
            if (StageRank(s) > StageRank(stage))
            {
                stage = s;
            }
        }
        return stage;
    }

    internal static string StageOfContent(JsonObject json) =>
        json["contracts"] is JsonArray { Count: > 0 } ? Stages.Contract
        : json["awards"] is JsonArray { Count: > 0 } ? Stages.Award
        : json["tender"] is JsonObject tender && (tender["tenderPeriod"] is not null || Text(tender["status"]) is "active" or "complete") ? Stages.Tender
        : Stages.Planning;

    private static string? BuyerRegion(OrganisationRef? buyer, JsonObject? buyerParty)
    {
        if (buyer?.GssCode is { } gss && LondonBoroughs.FindByGss(gss) is not null)
        {
            return LondonBoroughs.Region;
        }
        return new[] { Text(buyerParty?["address"]?["region"]), Text(buyerParty?["address"]?["locality"]) }.Select(Regions.Resolve).FirstOrDefault(r => r is not null);
    }

    private sealed record Period(DateOnly? Start, DateOnly? End, DateOnly? MaxExtent, string? Status, DateOnly? TerminatedOn);

    /// <summary>
    /// The most specific period wins: the contracts in force or ended (a terminated one ends on its
    /// termination date), then the latest active award, then an intended award's, then what the tender planned.
    /// </summary>
    private static Period ContractPeriod(IReadOnlyList<ContractSummary> contracts, JsonObject compiled, JsonObject? tender)
    {
        var signed = contracts.Where(c => c.Status is ContractStatuses.Active or ContractStatuses.Terminated && (c.Start is not null || c.End is not null)).ToList();
        if (signed.Count > 0)
        {
            var allTerminated = signed.All(c => c.Status == ContractStatuses.Terminated);
            return new Period(
                signed.Min(c => c.Start),
                signed.Max(c => c.End),
                signed.Where(c => c.Status == ContractStatuses.Active).Max(c => c.MaxExtension),
                allTerminated ? ContractStatuses.Terminated : ContractStatuses.Active,
                allTerminated ? signed.Max(c => c.TerminatedOn) : null);
        }
        var awards = Objects(compiled["awards"]).Reverse().ToList();
        var periods = awards.Where(a => (Text(a["status"])?.ToLowerInvariant() ?? AwardStatuses.Active) == AwardStatuses.Active).Select(a => a["contractPeriod"])
            .Concat(awards.Where(a => Text(a["status"])?.ToLowerInvariant() == AwardStatuses.Pending).Select(a => a["contractPeriod"]))
            .Append(tender?["contractPeriod"]);
        foreach (var period in periods)
        {
            if (period is JsonObject p && (p["startDate"] is not null || p["endDate"] is not null))
            {
                return new Period(DateOnlyOf(Date(p["startDate"])), DateOnlyOf(Date(p["endDate"])), DateOnlyOf(Date(p["maxExtentDate"])), null, null);
            }
        }
        return new Period(null, null, null, null, null);
    }

    private static JsonObject? FindParty(List<JsonObject> parties, JsonObject? reference)
    {
        var id = Text(reference?["id"]);
        if (id is not null && parties.FirstOrDefault(p => Text(p["id"]) == id) is { } byId)
        {
            return byId;
        }
        var name = Text(reference?["name"]);
        return name is null ? null : parties.FirstOrDefault(p => string.Equals(Text(p["name"]), name, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasRole(JsonObject party, string role) => (party["roles"] as JsonArray)?.Any(r => Text(r) == role) == true;

    private static JsonNode? FirstOf(JsonNode? array, string field) => Objects(array).Select(o => o[field]).FirstOrDefault(v => Text(v) is { Length: > 0 });

    private static string? Excerpt(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > 200 ? cut : ExcerptLength)] + "…";
    }
}
