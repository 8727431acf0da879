using System.Text.Json.Nodes;
using Thirty3.Domain.Ocds;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>What one release is as a notice: its type, the stage it announces, what to call it and where people read it.</summary>
public static class NoticeReader
{
    public static NoticeRef Read(NormalisedRelease release, string source)
    {
        var type = NoticeTypeOf(release.Json, release.Id);
        var known = NoticeTypes.Find(type);
        var stage = known?.Stage ?? OpportunityCompiler.StageOfTags(release.Tags, release.Json);
        var label = known?.Label ?? type ?? $"{char.ToUpperInvariant(stage[0])}{stage[1..]} notice";
        return new NoticeRef(release.Id, release.Date, release.Tags, stage, source, LinkOf(release.Json), type, label);
    }

    /// <summary>
    /// Reads a process's releases, oldest first. A typed notice published again (a UK4 after the
    /// UK4) is its amendment; an untyped one is when its tags say so (tenderAmendment, awardUpdate).
    /// A UK10 is a change by its nature and needs no mark.
    /// </summary>
    public static List<NoticeRef> ReadAll(IEnumerable<(NormalisedRelease Release, string Source)> releases)
    {
        var notices = new List<NoticeRef>();
        foreach (var (release, source) in releases)
        {
            var notice = Read(release, source);
            var amended = notice.NoticeType is { } type
                ? notices.Any(n => string.Equals(n.NoticeType, type, StringComparison.OrdinalIgnoreCase))
                : IsAmendment(release.Tags);
            notices.Add(amended ? notice with { Label = notice.Label + " (amendment)" } : notice);
        }
        return notices;
    }

    /// <summary>
    /// The notice type a release was published as. Find a Tender names each notice's document after
    /// the notice (document id = release id); otherwise the latest typed document of the release.
    /// </summary>
    public static string? NoticeTypeOf(JsonObject release, string releaseId)
    {
        var typed = Documents(release).Where(d => Text(d["noticeType"]) is not null).ToList();
        if (typed.Count == 0)
        {
            return null;
        }
        var own = typed.FirstOrDefault(d => Text(d["id"]) == releaseId)
            ?? typed.OrderBy(d => Date(d["datePublished"]) ?? DateTimeOffset.MinValue).Last();
        return Text(own["noticeType"])!.ToUpperInvariant() is var code && NoticeTypes.IsProcurementAct(code) ? code : Text(own["noticeType"]);
    }

    private static bool IsAmendment(IReadOnlyList<string> tags) =>
        tags.Any(t => t.EndsWith("Amendment", StringComparison.OrdinalIgnoreCase) || t.EndsWith("Update", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonObject> Documents(JsonObject release) =>
        Objects(release["tender"]?["documents"])
            .Concat(Objects(release["awards"]).SelectMany(a => Objects(a["documents"])))
            .Concat(Objects(release["planning"]?["documents"]))
            .Concat(Objects(release["contracts"]).SelectMany(c => Objects(c["documents"]).Concat(Objects(c["implementation"]?["documents"]))));

    private static string? LinkOf(JsonObject release)
    {
        var canonical = Objects(release["links"]).FirstOrDefault(l => Text(l["rel"]) == "canonical");
        if (Text(canonical?["href"]) is { } href)
        {
            return href;
        }
        return Documents(release)
            .Where(d => Text(d["noticeType"]) is not null || (Text(d["documentType"]) is { } type && type.EndsWith("Notice", StringComparison.OrdinalIgnoreCase)))
            .Select(d => Text(d["url"]))
            .FirstOrDefault(u => u is not null && Uri.TryCreate(u, UriKind.Absolute, out _));
    }
}
