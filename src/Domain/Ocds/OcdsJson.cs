using System.Globalization;
using System.Text.Json.Nodes;

namespace Thirty3.Domain.Ocds;

/// <summary>
/// Reading values out of OCDS JSON as publishers really send them: numbers as strings, blanks for
/// absent, a lone object where an array belongs is not an array. One place, so every reader of a
/// compiled release tolerates the same things.
/// </summary>
public static class OcdsJson
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).Where(s => s is not null).Select(s => s!) : Text(node) is { } one ? [one] : [];

    public static string? Text(JsonNode? node)
    {
        var s = ReleaseNormaliser.AsString(node);
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    public static string? FirstText(params JsonNode?[] nodes) => nodes.Select(Text).FirstOrDefault(t => t is not null);

    /// <summary>The amount of an OCDS Value object (a number, or a number sent as a string).</summary>
    public static decimal? Amount(JsonNode? value)
    {
        var amount = value is JsonObject o ? o["amount"] : null;
        return amount is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
            : amount is JsonValue s && s.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
    }

    public static decimal? Sum(IEnumerable<decimal?> amounts)
    {
        var known = amounts.Where(a => a is not null).ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    public static DateTimeOffset? Date(JsonNode? node) =>
        Text(node) is { } text && ReleaseNormaliser.TryParseDate(text, out var date) ? date : null;

    /// <summary>The calendar date as the publisher wrote it: "2026-04-01T00:00:00+01:00" is 1 April, not 31 March in UTC.</summary>
    public static DateOnly? DateOnlyOf(DateTimeOffset? date) => date is { } d ? DateOnly.FromDateTime(d.DateTime) : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) ? b
        : node is JsonValue s && s.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) ? parsed
        : null;
}
