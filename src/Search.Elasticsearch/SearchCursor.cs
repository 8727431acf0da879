using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// A cursor is base64url JSON of the sort key and the <c>sort</c> values of a page's last hit, passed
/// back verbatim as <c>search_after</c>. JSON numbers round-trip exactly (scores, doubles, epoch millis).
/// </summary>
internal static class SearchCursor
{
    /// <summary>What kind of value each sort position holds, to reject cursors that were tampered with before the cluster sees them.</summary>
    internal enum Slot
    {
        Number,
        KeywordOrNull,
        Id,
    }

    private sealed record Payload(string? S, JsonElement[]? V);

    public static string Encode(string sortKey, JsonElement sortValues) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(sortKey, [.. sortValues.EnumerateArray().Select(v => v.Clone())])));

    public static JsonArray Decode(string cursor, string sortKey, IReadOnlyList<Slot> slots)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidSearchRequestException("The cursor is malformed.");
        }
        if (payload?.V is null || payload.S != sortKey || payload.V.Length != slots.Count)
        {
            throw new InvalidSearchRequestException("The cursor does not belong to this search's sort.");
        }
        var values = new JsonArray();
        for (var i = 0; i < slots.Count; i++)
        {
            var value = payload.V[i];
            var ok = slots[i] switch
            {
                Slot.Number => value.ValueKind == JsonValueKind.Number,
                Slot.KeywordOrNull => value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                _ => value.ValueKind == JsonValueKind.String,
            };
            if (!ok)
            {
                throw new InvalidSearchRequestException("The cursor is malformed.");
            }
            values.Add(JsonNode.Parse(value.GetRawText()));
        }
        return values;
    }
}
