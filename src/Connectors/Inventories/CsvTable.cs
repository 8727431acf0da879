using System.Text;

namespace Thirty3.Connectors.Inventories;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF, BOM) for council CSV exports.</summary>
public static class CsvTable
{
    /// <summary>Reads rows as column name (trimmed, case-insensitive) → cell; the first row names the columns.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string?>> Read(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        List<string>? header = null;
        foreach (var fields in Rows(text))
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                continue;
            }
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : null;
            }
            yield return row;
        }
    }

    private static IEnumerable<List<string>> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
