namespace Thirty3.Domain.Search;

/// <summary>
/// A document as handed to a search backend: values by field name, plus a summary (JSON) that
/// search hits return as is, so a result page needs no second trip to the store.
/// </summary>
public sealed class IndexDocument
{
    public required string Id { get; init; }

    /// <summary>Text fields: analysed for full-text search.</summary>
    public Dictionary<string, string> Text { get; init; } = [];

    /// <summary>Keyword fields, each with zero or more exact values.</summary>
    public Dictionary<string, List<string>> Keywords { get; init; } = [];

    /// <summary>Number fields.</summary>
    public Dictionary<string, double> Numbers { get; init; } = [];

    /// <summary>Date fields.</summary>
    public Dictionary<string, DateTimeOffset> Dates { get; init; } = [];

    /// <summary>The JSON returned with each hit.</summary>
    public required string Summary { get; init; }

    public IndexDocument AddKeyword(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }
        if (!Keywords.TryGetValue(field, out var values))
        {
            values = [];
            Keywords[field] = values;
        }
        if (!values.Contains(value))
        {
            values.Add(value);
        }
        return this;
    }
}
