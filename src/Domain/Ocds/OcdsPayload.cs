using System.Text.Json.Nodes;

namespace Thirty3.Domain.Ocds;

/// <summary>One release found in a payload, with where it was found.</summary>
/// <param name="Index">Position among the releases of the payload, zero-based.</param>
/// <param name="Path">JSON path of the release in the payload, for error reports.</param>
/// <param name="Node">The release as sent (may be anything: validation comes next).</param>
public sealed record PayloadRelease(int Index, string Path, JsonNode? Node);

/// <summary>The shapes in which OCDS arrives: release package, record package, bare release array, single release.</summary>
public enum OcdsPayloadKind
{
    ReleasePackage,
    RecordPackage,
    ReleaseArray,
    SingleRelease,
}

/// <summary>Finds the releases in an OCDS payload, whatever its shape.</summary>
public static class OcdsPayload
{
    /// <summary>
    /// Lists the releases of <paramref name="root"/>. Record packages give their embedded releases
    /// (and the compiled release when a record embeds none, since it is then the only copy of the data).
    /// </summary>
    /// <exception cref="OcdsFormatException">The payload is none of the OCDS shapes.</exception>
    public static (OcdsPayloadKind Kind, IReadOnlyList<PayloadRelease> Releases) Read(JsonNode? root)
    {
        switch (root)
        {
            case JsonArray array:
                return (OcdsPayloadKind.ReleaseArray, array.Select((node, i) => new PayloadRelease(i, $"$[{i}]", node)).ToList());
            case JsonObject obj when obj["releases"] is JsonArray releases:
                return (OcdsPayloadKind.ReleasePackage, releases.Select((node, i) => new PayloadRelease(i, $"$.releases[{i}]", node)).ToList());
            case JsonObject obj when obj["records"] is JsonArray records:
                return (OcdsPayloadKind.RecordPackage, ReadRecords(records));
            case JsonObject obj when obj.ContainsKey("ocid"):
                return (OcdsPayloadKind.SingleRelease, [new PayloadRelease(0, "$", obj)]);
            case JsonObject obj when obj.ContainsKey("releases"):
                throw new OcdsFormatException("$.releases", "'releases' must be an array of releases.");
            case JsonObject obj when obj.ContainsKey("records"):
                throw new OcdsFormatException("$.records", "'records' must be an array of records.");
            case JsonObject:
                throw new OcdsFormatException("$", "Expected an OCDS release package (with 'releases'), a record package (with 'records'), an array of releases, or a single release (with 'ocid').");
            default:
                throw new OcdsFormatException("$", "Expected a JSON object or array.");
        }
    }

    private static List<PayloadRelease> ReadRecords(JsonArray records)
    {
        var result = new List<PayloadRelease>();
        for (var r = 0; r < records.Count; r++)
        {
            var path = $"$.records[{r}]";
            if (records[r] is not JsonObject record)
            {
                result.Add(new PayloadRelease(result.Count, path, records[r]));
                continue;
            }
            if (record["releases"] is JsonArray embedded && embedded.Count > 0)
            {
                for (var i = 0; i < embedded.Count; i++)
                {
                    var node = embedded[i];
                    // A linked release (url, date, tag) carries no data of its own: keep it so it is reported, not dropped.
                    if (node is JsonObject release && !release.ContainsKey("ocid") && record["ocid"] is JsonValue ocid && !release.ContainsKey("url"))
                    {
                        release["ocid"] = ocid.DeepClone();
                    }
                    result.Add(new PayloadRelease(result.Count, $"{path}.releases[{i}]", node));
                }
            }
            else if (record["compiledRelease"] is JsonObject compiled)
            {
                result.Add(new PayloadRelease(result.Count, $"{path}.compiledRelease", compiled));
            }
            else
            {
                result.Add(new PayloadRelease(result.Count, path, null));
            }
        }
        return result;
    }
}

/// <summary>The payload as a whole is not OCDS; says where.</summary>
public sealed class OcdsFormatException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
