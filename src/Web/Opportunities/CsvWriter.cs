using System.Text;

namespace Thirty3.Web.Opportunities;

/// <summary>
/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break,
/// quotes doubled. Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
/// prefixed with an apostrophe, because notice text is untrusted.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public async Task WriteRowAsync(IEnumerable<string?> fields)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }
            first = false;
            sb.Append(Escape(field));
        }
        sb.Append("\r\n");
        await writer.WriteAsync(sb.ToString());
    }

    /// <summary>A text field, neutralised against formula injection and quoted as needed.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }
}
