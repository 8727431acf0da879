using Lucene.Net.Documents;
using Lucene.Net.Util;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>Turns an <see cref="IndexDocument"/> into Lucene fields according to the schema.</summary>
internal sealed class DocumentMapper(IndexSchema schema)
{
    internal const string IdField = "id";
    internal const string SummaryField = "_summary";

    /// <summary>Keyword fields keep a multi-valued doc value for facets, so sorting needs a second, single-valued one.</summary>
    internal static string SortFieldOf(string keywordField) => keywordField + "$sort";

    /// <summary>Longest keyword value indexed, in UTF-16 units (at most 3 UTF-8 bytes each: well under Lucene's 32,766-byte term limit).</summary>
    public const int MaxKeywordLength = 1_000;

    public Document Map(IndexDocument source)
    {
        if (string.IsNullOrEmpty(source.Id))
        {
            throw new ArgumentException("A document needs an id.", nameof(source));
        }
        var doc = new Document
        {
            new StringField(IdField, source.Id, Field.Store.YES),
            new SortedDocValuesField(IdField, new BytesRef(source.Id)),
            new StoredField(SummaryField, source.Summary ?? ""),
        };
        foreach (var (name, text) in source.Text)
        {
            var field = Require(name, IndexFieldKind.Text);
            if (!string.IsNullOrEmpty(text))
            {
                doc.Add(new TextField(name, text, field.Highlight ? Field.Store.YES : Field.Store.NO));
            }
        }
        foreach (var (name, values) in source.Keywords)
        {
            Require(name, IndexFieldKind.Keyword);
            var first = true;
            // Lucene refuses a whole document with a term over 32,766 bytes, and the projection would
            // retry it forever: cut absurd keyword values (a 20 kB "region") instead.
            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v.Length > MaxKeywordLength ? v[..MaxKeywordLength] : v).Distinct(StringComparer.Ordinal))
            {
                doc.Add(new StringField(name, value, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(name, new BytesRef(value)));
                if (first)
                {
                    doc.Add(new SortedDocValuesField(SortFieldOf(name), new BytesRef(value)));
                    first = false;
                }
            }
        }
        foreach (var (name, value) in source.Numbers)
        {
            Require(name, IndexFieldKind.Number);
            doc.Add(new DoubleField(name, value, Field.Store.NO));
            doc.Add(new DoubleDocValuesField(name, value));
        }
        foreach (var (name, value) in source.Dates)
        {
            Require(name, IndexFieldKind.Date);
            var millis = value.ToUnixTimeMilliseconds();
            doc.Add(new Int64Field(name, millis, Field.Store.NO));
            doc.Add(new NumericDocValuesField(name, millis));
        }
        return doc;
    }

    private IndexField Require(string name, IndexFieldKind kind)
    {
        var field = schema.Find(name);
        if (field is null || field.Kind != kind)
        {
            throw new ArgumentException($"Index '{schema.Name}' has no {kind} field '{name}'.", nameof(name));
        }
        return field;
    }
}
