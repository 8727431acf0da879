using System.Text.Json.Nodes;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>Frameworks, open frameworks and dynamic markets a process establishes, and the framework a call-off belongs to.</summary>
internal static class FrameworkReader
{
    private static readonly string[] CallOffRelationships = ["framework", "parent"];

    public static FrameworkSummary? Read(JsonObject? tender, IReadOnlyList<NoticeRef> notices)
    {
        var techniques = tender?["techniques"] as JsonObject;
        var agreement = techniques?["frameworkAgreement"] as JsonObject;
        var dynamic = Bool(techniques?["hasDynamicPurchasingSystem"]) == true || techniques?["dynamicPurchasingSystem"] is JsonObject
            || notices.Any(n => NoticeTypes.IsDynamicMarket(n.NoticeType));
        var open = Bool(agreement?["isOpenFrameworkScheme"]) == true;
        var framework = Bool(techniques?["hasFrameworkAgreement"]) == true || agreement is not null;
        if (!dynamic && !open && !framework)
        {
            return null;
        }
        var technique = dynamic ? Techniques.DynamicMarket : open ? Techniques.OpenFramework : Techniques.Framework;
        var type = Text(dynamic ? techniques?["dynamicPurchasingSystem"]?["type"] : null) ?? Text(agreement?["type"]);

        var admits = false;
        DateTimeOffset? until = null;
        if (dynamic)
        {
            // A dynamic market admits suppliers for its whole life, not only until a first deadline:
            // from establishment until a cessation notice (UK15) or the end of the period it runs for.
            var ceased = notices.Any(n => string.Equals(n.NoticeType, NoticeTypes.DynamicMarketCessation, StringComparison.OrdinalIgnoreCase));
            var status = Text(tender?["status"])?.ToLowerInvariant();
            admits = !ceased && status is null or "active" or "planned";
            until = Date(tender?["tenderPeriod"]?["endDate"]) ?? Date(agreement?["periodEnd"]) ?? Date(tender?["contractPeriod"]?["endDate"]);
        }
        return new FrameworkSummary(technique, type, Date(agreement?["openFrameworkSchemeEndDate"]), admits, until);
    }

    public static List<RelatedProcessRef> Related(JsonObject compiled) =>
        Objects(compiled["relatedProcesses"]).Select(r =>
        {
            var scheme = Text(r["scheme"]);
            var ocid = scheme is null || scheme.Equals("ocid", StringComparison.OrdinalIgnoreCase) ? Text(r["identifier"]) : null;
            return new RelatedProcessRef(ocid, string.Join(", ", Strings(r["relationship"])), Text(r["title"]));
        }).ToList();

    /// <summary>The ocid of the framework or dynamic market a call-off is awarded under.</summary>
    public static string? ParentOf(IReadOnlyList<RelatedProcessRef> related) =>
        related.FirstOrDefault(r => r.Ocid is not null && r.Relationship.Split(", ").Any(rel => CallOffRelationships.Contains(rel, StringComparer.OrdinalIgnoreCase)))?.Ocid;
}
