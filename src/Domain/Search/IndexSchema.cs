namespace Thirty3.Domain.Search;

/// <summary>How a field is indexed. Every backend maps these kinds to its own types.</summary>
public enum IndexFieldKind
{
    /// <summary>Analysed full text (English stemming, synonyms); searched by the free-text query.</summary>
    Text,
    /// <summary>An exact value, possibly several per document; filterable and countable as a facet.</summary>
    Keyword,
    /// <summary>A number (double); filterable by range and sortable.</summary>
    Number,
    /// <summary>A point in time, held as Unix milliseconds; filterable by range and sortable.</summary>
    Date,
}

/// <summary>One field of an index.</summary>
/// <param name="Name">Field name, the same in every backend.</param>
/// <param name="Kind">How it is indexed.</param>
/// <param name="Boost">Weight of a text match in this field relative to the others.</param>
/// <param name="Highlight">Whether search results carry highlighted snippets of this text field.</param>
public sealed record IndexField(string Name, IndexFieldKind Kind, float Boost = 1f, bool Highlight = false);

/// <summary>The shape of one index (opportunities, technologies): a name and its fields.</summary>
public sealed record IndexSchema(string Name, IReadOnlyList<IndexField> Fields)
{
    public IndexField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public IndexField Require(string name) =>
        Find(name) ?? throw new ArgumentException($"Index '{Name}' has no field '{name}'.", nameof(name));
}
