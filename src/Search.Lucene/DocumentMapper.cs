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

    /// <summary>
    /// Trie precision of number and date fields: 8 indexes 8 terms per value instead of the default 4's 16,
    /// which took a fifth of indexing time (bench `profile`) for range queries that stay fast at our sizes.
    /// Queries must use the same step (a step-8 query also reads an index written with step 4 correctly).
    /// </summary>
    internal const int NumericPrecisionStep = 8;

    private static readonly FieldType NumberType = Frozen(new FieldType(DoubleField.TYPE_NOT_STORED) { NumericPrecisionStep = NumericPrecisionStep });
    private static readonly FieldType DateType = Frozen(new FieldType(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = NumericPrecisionStep });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Longest keyword value indexed, in UTF-16 units (at most 3 UTF-8 bytes each: well under Lucene's 32,766-byte term limit).</summary>
    public const int MaxKeywordLength = 1_000;

    /// <summary>Throws what <see cref="Map"/> would throw for <paramref name="source"/>, without building anything.</summary>
    public void Validate(IndexDocument source)
    {
        if (string.IsNullOrEmpty(source.Id))
        {
            throw new ArgumentException("A document needs an id.", nameof(source));
        }
        foreach (var name in source.Text.Keys)
        {
            Require(name, IndexFieldKind.Text);
        }
        foreach (var name in source.Keywords.Keys)
        {
            Require(name, IndexFieldKind.Keyword);
        }
        foreach (var name in source.Numbers.Keys)
        {
            Require(name, IndexFieldKind.Number);
        }
        foreach (var name in source.Dates.Keys)
        {
            Require(name, IndexFieldKind.Date);
        }
    }

    public Document Map(IndexDocument source)
    {
        Validate(source);
        return MapValidated(source);
    }

    /// <summary>Builds the Lucene document of one that passed <see cref="Validate"/>.</summary>
    public Document MapValidated(IndexDocument source)
    {
        var doc = new Document
        {
            new StringField(IdField, source.Id, Field.Store.YES),
            new SortedDocValuesField(IdField, new BytesRef(source.Id)),
            new StoredField(SummaryField, source.Summary ?? ""),
        };
        foreach (var (name, text) in source.Text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                doc.Add(new TextField(name, text, schema.Find(name)!.Highlight ? Field.Store.YES : Field.Store.NO));
            }
        }
        foreach (var (name, values) in source.Keywords)
        {
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
            doc.Add(new DoubleField(name, value, NumberType));
            doc.Add(new DoubleDocValuesField(name, value));
        }
        foreach (var (name, value) in source.Dates)
        {
            var millis = value.ToUnixTimeMilliseconds();
            doc.Add(new Int64Field(name, millis, DateType));
            doc.Add(new NumericDocValuesField(name, millis));
        }
        return doc;
    }

    private void Require(string name, IndexFieldKind kind)
    {
        var field = schema.Find(name);
        if (field is null || field.Kind != kind)
        {
            throw new ArgumentException($"Index '{schema.Name}' has no {kind} field '{name}'.", nameof(name));
        }
    }
}
