using System.Text.Json.Nodes;
using Thirty3.Domain.Cpv;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>CPV codes of classifications, items and lots, remembering the labels publishers give them.</summary>
internal sealed class CpvReader
{
    public Dictionary<string, string> LabelsSeen { get; } = [];

    public IEnumerable<string> OfItem(JsonObject item) =>
        Of(item["classification"]).Concat(Objects(item["additionalClassifications"]).SelectMany(Of));

    public IEnumerable<string> Of(JsonNode? classification)
    {
        if (classification is not JsonObject c)
        {
            yield break;
        }
        var scheme = Text(c["scheme"]);
        if (scheme is not null && !scheme.Contains("CPV", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        var code = CpvCode.Normalise(Text(c["id"]));
        if (code is null)
        {
            yield break;
        }
        if (Text(c["description"]) is { } label)
        {
            LabelsSeen.TryAdd(code, label);
        }
        yield return code;
    }
}
