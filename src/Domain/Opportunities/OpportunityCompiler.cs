using System.Text.Json.Nodes;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Organisations;

namespace Thirty3.Domain.Opportunities;

/// <summary>A release as stored, with the source that sent it.</summary>
public sealed record StoredRelease(NormalisedRelease Release, string Source);

/// <summary>What compiling a process yields: the opportunity, the organisations it names and the CPV labels it teaches.</summary>
public sealed record CompiledOpportunity(
    OpportunityDetail Detail,
    JsonObject CompiledRelease,
    IReadOnlyList<OrganisationRef> Organisations,
    IReadOnlyDictionary<string, string> CpvLabelsSeen);

/// <summary>
/// Compiles the releases of one process into an opportunity: the fields SMEs search and filter on,
/// read from the OCDS compiled release and tolerant of the shapes real publishers send.
/// </summary>
public static class OpportunityCompiler
{
    private const int ExcerptLength = 300;

    public static CompiledOpportunity Compile(IReadOnlyList<StoredRelease> releases, ICpvLabels labels)
    {
        var ordered = releases.OrderBy(r => r.Release.Date).ThenBy(r => r.Release.Id, StringComparer.Ordinal).ToList();
        var compiled = OcdsMerge.Compile(ordered.Select(r => r.Release));
        var ocid = ordered[0].Release.Ocid;
        var tender = compiled["tender"] as JsonObject;
        var parties = (compiled["parties"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

        var buyerRef = compiled["buyer"] as JsonObject;
        var buyerParty = FindParty(parties, buyerRef) ?? parties.FirstOrDefault(p => HasRole(p, "buyer"));
        OrganisationRef? buyer = buyerRef is null && buyerParty is null ? null : OrganisationIds.Resolve(buyerRef, buyerParty);

        var suppliers = new List<OrganisationRef>();
        foreach (var award in Array(compiled["awards"]))
        {
            foreach (var supplier in Array(award["suppliers"]))
            {
                var resolved = OrganisationIds.Resolve(supplier, FindParty(parties, supplier));
                if (suppliers.All(s => s.Id != resolved.Id))
                {
                    suppliers.Add(resolved);
                }
            }
        }

        var cpvSeen = new Dictionary<string, string>();
        var cpv = ReadCpv(compiled, cpvSeen);
        var cpvRefs = cpv.Select(code => new CpvRef(code, cpvSeen.GetValueOrDefault(code) ?? labels.Find(code))).ToList();

        var title = FirstText(tender?["title"], compiled["planning"]?["budget"]?["project"], FirstOf(compiled["awards"], "title"), FirstOf(compiled["contracts"], "title")) ?? "(untitled notice)";
        var description = FirstText(tender?["description"], compiled["planning"]?["rationale"], FirstOf(compiled["awards"], "description"), compiled["description"]);

        var value = Amount(tender?["value"]) ?? SumAmounts(compiled["awards"]) ?? Amount(compiled["planning"]?["budget"]?["amount"]);
        var minValue = Amount(tender?["minValue"]);
        var currency = Text(tender?["value"]?["currency"]) ?? Text(tender?["minValue"]?["currency"]) ?? Text(FirstObject(compiled["awards"])?["value"]?["currency"]);

        var period = ContractPeriod(compiled, tender);
        var suitability = tender?["suitability"] as JsonObject;
        var xClassifications = tender?["xClassifications"] as JsonObject;

        var notices = ordered.Select(r => new NoticeRef(
            r.Release.Id,
            r.Release.Date,
            r.Release.Tags,
            StageOfTags(r.Release.Tags, r.Release.Json),
            r.Source,
            LinkOf(r.Release.Json))).ToList();

        var summary = new OpportunitySummary
        {
            Ocid = ocid,
            Title = title,
            DescriptionExcerpt = Excerpt(description),
            Stage = notices.Select(n => n.Stage).Append(StageOfContent(compiled)).MaxBy(StageRank)!,
            Status = Text(tender?["status"])?.ToLowerInvariant(),
            Buyer = buyer,
            Region = ReadRegion(buyer, buyerParty, tender),
            Cpv = cpvRefs,
            Value = value,
            MinValue = minValue,
            Currency = currency,
            Published = ordered[0].Release.Date,
            Updated = ordered[^1].Release.Date,
            Deadline = Date(tender?["tenderPeriod"]?["endDate"]),
            ContractStart = DateOnlyOf(period.Start),
            ContractEnd = DateOnlyOf(period.End),
            ContractMaxExtension = DateOnlyOf(period.MaxExtent),
            SuitableForSme = Bool(suitability?["sme"]) ?? Bool(xClassifications?["isSuitableForSme"]),
            SuitableForVcse = Bool(suitability?["vcse"]) ?? Bool(xClassifications?["isSuitableForVco"]),
            Suppliers = suppliers,
            Source = ordered[^1].Source,
            Link = notices.Select(n => n.Link).LastOrDefault(l => l is not null),
        };

        var lots = Array(tender?["lots"]).Select(lot => new LotSummary(
            Text(lot["id"]) ?? "",
            Text(lot["title"]),
            Text(lot["description"]),
            Amount(lot["value"]),
            Text(lot["status"]))).ToList();

        var detail = new OpportunityDetail
        {
            Summary = summary,
            Description = description,
            ProcurementMethod = Text(tender?["procurementMethodDetails"]) ?? Text(tender?["procurementMethod"]),
            MainProcurementCategory = Text(tender?["mainProcurementCategory"]),
            Lots = lots,
            Notices = notices,
        };

        var organisations = new List<OrganisationRef>();
        if (buyer is not null)
        {
            organisations.Add(buyer);
        }
        organisations.AddRange(suppliers);
        return new CompiledOpportunity(detail, compiled, organisations, cpvSeen);
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

    private static string StageOfContent(JsonObject json) =>
        json["contracts"] is JsonArray { Count: > 0 } ? Stages.Contract
        : json["awards"] is JsonArray { Count: > 0 } ? Stages.Award
        : json["tender"] is JsonObject tender && (tender["tenderPeriod"] is not null || Text(tender["status"]) is "active" or "complete") ? Stages.Tender
        : Stages.Planning;

    private static List<string> ReadCpv(JsonObject compiled, Dictionary<string, string> labelsSeen)
    {
        var codes = new List<string>();
        var tender = compiled["tender"] as JsonObject;
        Add(tender?["classification"]);
        foreach (var item in Array(tender?["items"]).Concat(Array(compiled["awards"]).SelectMany(a => Array(a["items"]))))
        {
            Add(item["classification"]);
            foreach (var extra in Array(item["additionalClassifications"]))
            {
                Add(extra);
            }
        }
        return codes;

        void Add(JsonNode? classification)
        {
            if (classification is not JsonObject c)
            {
                return;
            }
            var scheme = Text(c["scheme"]);
            if (scheme is not null && !scheme.Contains("CPV", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            var code = CpvCode.Normalise(Text(c["id"]));
            if (code is null)
            {
                return;
            }
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
            var label = Text(c["description"]);
            if (!string.IsNullOrWhiteSpace(label))
            {
                labelsSeen.TryAdd(code, label.Trim());
            }
        }
    }

    private static string? ReadRegion(OrganisationRef? buyer, JsonObject? buyerParty, JsonObject? tender)
    {
        if (buyer?.GssCode is { } gss && LondonBoroughs.FindByGss(gss) is not null)
        {
            return LondonBoroughs.Region;
        }
        var candidates = new List<string?> { Text(buyerParty?["address"]?["region"]) };
        foreach (var item in Array(tender?["items"]))
        {
            candidates.AddRange(Array(item["deliveryAddresses"]).Select(a => Text(a["region"])));
            candidates.Add(Text(item["deliveryAddress"]?["region"]));
        }
        foreach (var lot in Array(tender?["lots"]))
        {
            candidates.Add(Text(lot["placeOfPerformance"]?["nutsCode"]));
        }
        candidates.Add(Text(buyerParty?["address"]?["locality"]));
        return candidates.Select(Regions.Resolve).FirstOrDefault(r => r is not null);
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End, DateTimeOffset? MaxExtent) ContractPeriod(JsonObject compiled, JsonObject? tender)
    {
        // The most specific wins: the latest contract, then the latest award, then what the tender planned.
        var periods = Array(compiled["contracts"]).Select(c => c["period"]).Reverse()
            .Concat(Array(compiled["awards"]).Select(a => a["contractPeriod"]).Reverse())
            .Append(tender?["contractPeriod"]);
        foreach (var period in periods)
        {
            if (period is JsonObject p && (p["startDate"] is not null || p["endDate"] is not null))
            {
                return (Date(p["startDate"]), Date(p["endDate"]), Date(p["maxExtentDate"]));
            }
        }
        return (null, null, null);
    }

    private static string? LinkOf(JsonObject release)
    {
        var canonical = Array(release["links"]).FirstOrDefault(l => Text(l["rel"]) == "canonical");
        if (Text(canonical?["href"]) is { } href)
        {
            return href;
        }
        var documents = Array(release["tender"]?["documents"])
            .Concat(Array(release["awards"]).SelectMany(a => Array(a["documents"])))
            .Concat(Array(release["planning"]?["documents"]));
        return documents
            .Where(d => Text(d["documentType"]) is { } type && type.EndsWith("Notice", StringComparison.OrdinalIgnoreCase))
            .Select(d => Text(d["url"]))
            .FirstOrDefault(u => u is not null && Uri.TryCreate(u, UriKind.Absolute, out _));
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

    private static IEnumerable<JsonObject> Array(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static JsonObject? FirstObject(JsonNode? node) => Array(node).FirstOrDefault();

    private static JsonNode? FirstOf(JsonNode? array, string field) => Array(array).Select(o => o[field]).FirstOrDefault(v => Text(v) is { Length: > 0 });

    private static string? Text(JsonNode? node)
    {
        var s = ReleaseNormaliser.AsString(node);
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static string? FirstText(params JsonNode?[] nodes) => nodes.Select(Text).FirstOrDefault(t => t is not null);

    private static decimal? Amount(JsonNode? value)
    {
        var amount = value is JsonObject o ? o["amount"] : null;
        return amount is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
            : amount is JsonValue s && s.TryGetValue<string>(out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
    }

    private static decimal? SumAmounts(JsonNode? awards)
    {
        var amounts = Array(awards).Select(a => Amount(a["value"])).Where(a => a is not null).ToList();
        return amounts.Count == 0 ? null : amounts.Sum();
    }

    private static DateTimeOffset? Date(JsonNode? node) =>
        Text(node) is { } text && ReleaseNormaliser.TryParseDate(text, out var date) ? date : null;

    private static DateOnly? DateOnlyOf(DateTimeOffset? date) => date is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

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
