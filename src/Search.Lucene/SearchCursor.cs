using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>
/// Encodes the sort values of a page's last hit as base64url JSON, and rebuilds the
/// <see cref="FieldDoc"/> that <c>SearchAfter</c> resumes from. Numbers travel as their bits, so a
/// score or double comes back exactly and no hit is skipped or repeated.
/// </summary>
internal static class SearchCursor
{
    private sealed record Payload(string Sort, string?[] Values);

    public static string Encode(string sortKey, FieldDoc last, SortField[] fields)
    {
        var values = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            values[i] = (fields[i].Type, last.Fields[i]) switch
            {
                (_, null) => null,
                (SortFieldType.SCORE, var v) => BitConverter.SingleToInt32Bits(ToSingle(v)).ToString(CultureInfo.InvariantCulture),
                (SortFieldType.DOUBLE, var v) => BitConverter.DoubleToInt64Bits(ToDouble(v)).ToString(CultureInfo.InvariantCulture),
                (SortFieldType.INT64, var v) => ToInt64(v).ToString(CultureInfo.InvariantCulture),
                (SortFieldType.STRING, BytesRef b) => b.Utf8ToString(),
                (var type, var v) => throw new InvalidOperationException($"Cannot encode sort value {v} of type {type}."),
            };
        }
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(sortKey, values)));
    }

    public static FieldDoc Decode(string cursor, string sortKey, SortField[] fields)
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
        if (payload?.Values is null || payload.Sort != sortKey || payload.Values.Length != fields.Length)
        {
            throw new InvalidSearchRequestException("The cursor does not belong to this search's sort.");
        }
        var values = new object?[fields.Length];
        var score = float.NaN;
        try
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var text = payload.Values[i];
                values[i] = fields[i].Type switch
                {
                    _ when text is null && fields[i].Type == SortFieldType.STRING => null,
                    _ when text is null => throw new FormatException(),
                    SortFieldType.SCORE => J2N.Numerics.Single.GetInstance(score = BitConverter.Int32BitsToSingle(int.Parse(text, CultureInfo.InvariantCulture))),
                    SortFieldType.DOUBLE => J2N.Numerics.Double.GetInstance(BitConverter.Int64BitsToDouble(long.Parse(text, CultureInfo.InvariantCulture))),
                    SortFieldType.INT64 => J2N.Numerics.Int64.GetInstance(long.Parse(text, CultureInfo.InvariantCulture)),
                    SortFieldType.STRING => new BytesRef(text),
                    _ => throw new FormatException(),
                };
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new InvalidSearchRequestException("The cursor is malformed.");
        }
        // Ties on every sort value are impossible (the id is last), so the doc number only has to
        // make the cursor's own document count as already seen.
        return new FieldDoc(int.MaxValue, score, values);
    }

    private static float ToSingle(object v) => v is J2N.Numerics.Number n ? n.ToSingle() : Convert.ToSingle(v, CultureInfo.InvariantCulture);

    private static double ToDouble(object v) => v is J2N.Numerics.Number n ? n.ToDouble() : Convert.ToDouble(v, CultureInfo.InvariantCulture);

    private static long ToInt64(object v) => v is J2N.Numerics.Number n ? n.ToInt64() : Convert.ToInt64(v, CultureInfo.InvariantCulture);
}
