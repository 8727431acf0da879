using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Thirty3.Connectors.Ocds;

/// <summary>The releases found in one upstream page or file, with the package metadata they came in.</summary>
/// <param name="Package">The package's own fields (publisher, uri, license...) without its releases/records/links, or null for a bare array or release.</param>
/// <param name="Releases">The releases, raw: the directory validates each and reports per item.</param>
/// <param name="Next">The package's <c>links.next</c>, when it has one.</param>
public sealed record OcdsPage(JsonObject? Package, IReadOnlyList<JsonNode?> Releases, string? Next);

/// <summary>Reading OCDS release packages, record packages, release arrays and single releases.</summary>
public static class OcdsPayload
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Parses <paramref name="json"/>; a body that is not well-formed JSON (e.g. a truncated page) throws <see cref="MalformedPayloadException"/>.</summary>
    public static JsonNode Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonNode.Parse(json, NodeOptions, DocumentOptions)
                ?? throw new MalformedPayloadException("The payload is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new MalformedPayloadException($"The payload is not well-formed JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Finds the releases in a package, record package, array or single release.</summary>
    public static OcdsPage Extract(JsonNode root)
    {
        switch (root)
        {
            case JsonArray array:
                return new OcdsPage(null, [.. array], null);
            case JsonObject obj when obj["releases"] is JsonArray releases:
                return new OcdsPage(Metadata(obj), [.. releases], NextLink(obj));
            case JsonObject obj when obj["records"] is JsonArray records:
                return new OcdsPage(Metadata(obj), [.. records.SelectMany(ReleasesOfRecord)], NextLink(obj));
            case JsonObject obj when obj.ContainsKey("ocid"):
                return new OcdsPage(null, [obj], null);
            case JsonObject obj:
                // A package with no releases (an empty window) or an unknown shape: nothing to send.
                return new OcdsPage(Metadata(obj), [], NextLink(obj));
            default:
                throw new MalformedPayloadException($"Expected an OCDS package, array or release, found {root.GetValueKind()}.");
        }
    }

    /// <summary>
    /// Gives every release that lacks an <c>id</c> (Proactis portals omit it, though OCDS requires it)
    /// a stable derived one: <c>{ocid}-{tags joined by '+'}-{date as UTC yyyyMMddTHHmmssZ}</c>, or, when
    /// the release has no usable date, <c>{ocid}-sha256:{first 16 hex of the release's JSON}</c>.
    /// The same notice fetched twice gets the same id, so re-ingest is idempotent.
    /// </summary>
    public static int EnsureIds(IEnumerable<JsonNode?> releases)
    {
        var derived = 0;
        foreach (var node in releases)
        {
            if (node is not JsonObject release || release["ocid"] is not JsonValue ocidValue
                || !ocidValue.TryGetValue<string>(out var ocid) || string.IsNullOrWhiteSpace(ocid))
            {
                continue;
            }
            if (release["id"] is JsonValue idValue && idValue.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
                && !string.IsNullOrWhiteSpace(idValue.ToString()))
            {
                continue;
            }
            release["id"] = DeriveId(ocid, release);
            derived++;
        }
        return derived;
    }

    public static string DeriveId(string ocid, JsonObject release)
    {
        var tags = release["tag"] is JsonArray tagArray
            ? string.Join('+', tagArray.Select(t => t?.ToString()).Where(t => !string.IsNullOrEmpty(t)))
            : release["tag"]?.ToString() ?? "";
        if (release["date"] is JsonValue dateValue && dateValue.TryGetValue<string>(out var dateText)
            && DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return $"{ocid}-{(tags.Length > 0 ? tags : "release")}-{date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(release.ToJsonString()));
        return $"{ocid}-sha256:{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>Writes <paramref name="releases"/> as a release package carrying <paramref name="package"/>'s metadata, or as a bare array.</summary>
    public static byte[] Serialize(JsonObject? package, IEnumerable<JsonNode?> releases)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (package is not null)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in package)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value);
                }
                writer.WritePropertyName("releases");
            }
            writer.WriteStartArray();
            foreach (var release in releases)
            {
                WriteNode(writer, release);
            }
            writer.WriteEndArray();
            if (package is not null)
            {
                writer.WriteEndObject();
            }
        }
        return buffer.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static JsonObject Metadata(JsonObject package)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in package)
        {
            if (name is "releases" or "records" or "links" or "packages")
            {
                continue;
            }
            metadata[name] = value?.DeepClone();
        }
        return metadata;
    }

    private static string? NextLink(JsonObject package)
        => package["links"] is JsonObject links && links["next"] is JsonValue next && next.TryGetValue<string>(out var url) && !string.IsNullOrWhiteSpace(url)
            ? url
            : null;

    private static IEnumerable<JsonNode?> ReleasesOfRecord(JsonNode? record)
    {
        if (record is not JsonObject obj)
        {
            // Let the directory reject it by position rather than dropping it silently.
            return [record];
        }
        // Records may embed full releases or only link to them; linked releases carry no data to ingest,
        // so fall back to the compiled release.
        if (obj["releases"] is JsonArray releases && releases.Count > 0 && releases.All(r => r is JsonObject o && o.ContainsKey("ocid") && (o.ContainsKey("tag") || o.ContainsKey("tender") || o.ContainsKey("awards"))))
        {
            return releases;
        }
        return obj["compiledRelease"] is JsonObject compiled ? [compiled] : [record];
    }
}

/// <summary>An upstream page or file that is not well-formed JSON (typically truncated): an upstream fault, never data to skip.</summary>
public sealed class MalformedPayloadException(string message, Exception? inner = null) : Exception(message, inner);
