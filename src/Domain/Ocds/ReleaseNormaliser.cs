using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Thirty3.Domain.Ocds;

/// <summary>A release ready to store: identity pulled out, quirks normalised, the JSON kept whole.</summary>
public sealed record NormalisedRelease(string Ocid, string Id, DateTimeOffset Date, IReadOnlyList<string> Tags, JsonObject Json, bool IdDerived);

/// <summary>Why a release was refused, and where in the payload.</summary>
public sealed record ReleaseProblem(string Path, string Reason);

/// <summary>
/// Turns what publishers actually send into releases the directory can keep, and refuses only what
/// cannot be kept meaningfully (no ocid, no usable date, not an object). Quirks accepted on purpose:
/// numeric ids, a missing release id (derived from ocid, date and tags, as Public Contracts Scotland
/// omits it), a single tag given as a string, dates without an offset (taken as UTC).
/// </summary>
public static class ReleaseNormaliser
{
    public const int MaxOcidLength = 200;

    /// <summary>The first character of <paramref name="ocid"/> that cannot stand in a URL path segment as it is, described; null when there is none.</summary>
    private static string? UnaddressableCharacter(string ocid)
    {
        foreach (var c in ocid)
        {
            if (c is '/' or '\\' or '?' or '#')
            {
                return $"'{c}'";
            }
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return $"the character U+{(int)c:X4}";
            }
        }
        return null;
    }

    public static (NormalisedRelease? Release, ReleaseProblem? Problem) Normalise(PayloadRelease item)
    {
        if (item.Node is not JsonObject source)
        {
            return (null, new ReleaseProblem(item.Path, item.Node is null ? "Expected a release object but found null or nothing (a record with no releases?)." : $"Expected a release object but found {item.Node.GetValueKind().ToString().ToLowerInvariant()}."));
        }
        if (source.ContainsKey("url") && !source.ContainsKey("tender") && !source.ContainsKey("id"))
        {
            return (null, new ReleaseProblem(item.Path, "Linked release (only a url): send the release itself, e.g. as a release package."));
        }

        var ocid = AsString(source["ocid"]);
        if (string.IsNullOrWhiteSpace(ocid))
        {
            return (null, new ReleaseProblem($"{item.Path}.ocid", "'ocid' is missing or empty; every release needs the id of its contracting process."));
        }
        ocid = ocid.Trim();
        if (ocid.Length > MaxOcidLength)
        {
            return (null, new ReleaseProblem($"{item.Path}.ocid", $"'ocid' is longer than {MaxOcidLength} characters."));
        }
        // An ocid names the opportunity's page and API path (/api/opportunities/{ocid}): one that
        // could not be opened there is refused rather than stored unreachable.
        if (UnaddressableCharacter(ocid) is { } bad)
        {
            return (null, new ReleaseProblem($"{item.Path}.ocid", $"'ocid' contains {bad}; an ocid must not contain '/', '\\', '?', '#' or control characters, as it is part of the opportunity's address."));
        }

        if (WrongShape(source, item.Path) is { } shape)
        {
            return (null, shape);
        }

        var dateText = AsString(source["date"]);
        if (dateText is null || !TryParseDate(dateText, out var date))
        {
            return (null, new ReleaseProblem($"{item.Path}.date", dateText is null ? "'date' is missing; OCDS needs it to order a process's releases." : $"'date' is not a date-time: '{Truncate(dateText)}'."));
        }

        // Normalised in place: the payload belongs to the caller's request, and a deep copy of every
        // release was a fifth of the ingest path's CPU time.
        var json = source;
        NormaliseIds(json);

        var tags = ReadTags(json);
        json["tag"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        json["ocid"] = ocid;
        json["date"] = date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

        var id = AsString(json["id"]);
        var derived = false;
        if (string.IsNullOrWhiteSpace(id))
        {
            id = DeriveId(ocid, date, tags);
            json["id"] = id;
            derived = true;
        }
        return (new NormalisedRelease(ocid, id.Trim(), date, tags, json, derived), null);
    }

    /// <summary>
    /// A stable id for a release that has none: the same notice fetched twice gets the same id, so
    /// ingest stays idempotent; notices of one process on different dates or stages differ.
    /// </summary>
    public static string DeriveId(string ocid, DateTimeOffset date, IReadOnlyList<string> tags)
    {
        var key = $"{ocid}|{date.UtcDateTime:O}|{string.Join(',', tags)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{ocid}-t33-{Convert.ToHexStringLower(hash)[..16]}";
    }

    public static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>
    /// Members the schema defines as objects, by path ("[]" for every element of an array). Reading a
    /// member of a string as if it were an object fails, so a release where one of these is a
    /// string, number or array is refused with its path; null or absent is fine.
    /// </summary>
    private static readonly string[] ObjectMembers =
    [
        "buyer", "buyer.identifier", "planning", "planning.budget", "planning.budget.amount", "tender",
        "tender.value", "tender.minValue", "tender.tenderPeriod", "tender.contractPeriod", "tender.suitability", "tender.xClassifications",
        "tender.classification", "tender.procuringEntity", "tender.items[].classification", "tender.items[].deliveryAddress",
        "tender.lots[].value", "tender.lots[].placeOfPerformance",
        "parties[].address", "parties[].identifier", "parties[].details", "awards[].value", "awards[].contractPeriod",
        "awards[].items[].classification", "awards[].items[].deliveryAddress", "contracts[].period", "contracts[].value",
    ];

    private static ReleaseProblem? WrongShape(JsonObject release, string path)
    {
        foreach (var member in ObjectMembers)
        {
            if (FindWrongShape(release, member.Split('.'), 0, path) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static ReleaseProblem? FindWrongShape(JsonNode? node, string[] segments, int at, string path)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }
        var segment = segments[at];
        var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isArray ? segment[..^2] : segment;
        var child = obj[name];
        if (child is null)
        {
            return null;
        }
        var childPath = $"{path}.{name}";
        if (isArray)
        {
            // Arrays of the wrong shape are skipped by the readers; only their elements' members matter.
            if (child is not JsonArray array)
            {
                return null;
            }
            for (var i = 0; i < array.Count; i++)
            {
                if (FindWrongShape(array[i], segments, at + 1, $"{childPath}[{i}]") is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }
        if (child is not JsonObject)
        {
            return new ReleaseProblem(childPath, $"'{name}' must be an object, not {child.GetValueKind().ToString().ToLowerInvariant()}.");
        }
        return at + 1 < segments.Length ? FindWrongShape(child, segments, at + 1, childPath) : null;
    }

    private static List<string> ReadTags(JsonObject json)
    {
        var tags = new List<string>();
        switch (json["tag"])
        {
            case JsonArray array:
                tags.AddRange(array.Select(AsString).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
                break;
            case JsonValue value when AsString(value) is { Length: > 0 } single:
                tags.Add(single.Trim());
                break;
        }
        if (tags.Count == 0)
        {
            // Infer from content rather than refuse: the data is still worth keeping.
            tags.Add(json["contracts"] is JsonArray { Count: > 0 } ? "contract"
                : json["awards"] is JsonArray { Count: > 0 } ? "award"
                : json["tender"] is JsonObject ? "tender"
                : "planning");
        }
        return tags;
    }

    /// <summary>
    /// Merging arrays of objects by id needs string ids; Contracts Finder 2015 sends items[].id as integers.
    /// </summary>
    private static void NormaliseIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key == "id" && child is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                    {
                        obj[key] = value.ToJsonString();
                    }
                    else
                    {
                        NormaliseIds(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    NormaliseIds(child);
                }
                break;
        }
    }

    internal static string? AsString(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
