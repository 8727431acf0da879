using System.Text.Json.Nodes;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// Settings, analysis and explicit mappings of an index for a schema, equivalent to the Lucene
/// backend: standard tokenizer → English possessive → lower case → English stop words → KStem.
/// </summary>
/// <remarks>
/// Synonyms are not in the analysis chain: <see cref="FreeTextQueryBuilder"/> expands them on the
/// query side exactly as the Lucene backend does (see the README for why).
/// </remarks>
internal static class IndexMapping
{
    internal const string IdField = "id";
    internal const string SummaryField = "summary";
    internal const string AutocompleteSubfield = "autocomplete";
    internal const string EnglishAnalyzer = "thirty3_english";

    // One shard: terms aggregations are then exact (the contract promises exact facet counts) and
    // BM25 statistics are the same for every document. The corpus (UK councils' tenders) is small.
    private const int Shards = 1;

    /// <summary>From + size beyond this is refused; matches the Lucene backend's limits plus the look-ahead hit.</summary>
    internal const int MaxResultWindow = ElasticsearchSearchIndex.MaxFrom + ElasticsearchSearchIndex.MaxSize + 1;

    public static JsonObject CreateBody(IndexSchema schema, int replicas, string? alias)
    {
        var body = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["number_of_shards"] = Shards,
                ["number_of_replicas"] = replicas,
                ["max_result_window"] = MaxResultWindow,
                ["analysis"] = Analysis(),
            },
            ["mappings"] = Mappings(schema),
        };
        if (alias is not null)
        {
            body["aliases"] = new JsonObject { [alias] = new JsonObject() };
        }
        return body;
    }

    /// <summary>Text fields that get an edge-n-gram subfield for prefix completion: the most heavily boosted ones (title, product).</summary>
    internal static IEnumerable<IndexField> AutocompleteFields(IndexSchema schema)
    {
        var text = schema.Fields.Where(f => f.Kind == IndexFieldKind.Text).ToList();
        if (text.Count == 0)
        {
            return [];
        }
        var top = text.Max(f => f.Boost);
        return text.Where(f => f.Boost == top);
    }

    private static JsonObject Analysis() => new()
    {
        ["filter"] = new JsonObject
        {
            ["thirty3_possessive"] = new JsonObject { ["type"] = "stemmer", ["language"] = "possessive_english" },
            ["thirty3_stop"] = new JsonObject { ["type"] = "stop", ["stopwords"] = "_english_" },
            ["thirty3_edge_ngram"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 1, ["max_gram"] = 20 },
        },
        ["analyzer"] = new JsonObject
        {
            [EnglishAnalyzer] = new JsonObject
            {
                ["type"] = "custom",
                ["tokenizer"] = "standard",
                ["filter"] = new JsonArray("thirty3_possessive", "lowercase", "thirty3_stop", "kstem"),
            },
            ["thirty3_autocomplete"] = new JsonObject
            {
                ["type"] = "custom",
                ["tokenizer"] = "standard",
                ["filter"] = new JsonArray("lowercase", "thirty3_edge_ngram"),
            },
            ["thirty3_autocomplete_search"] = new JsonObject
            {
                ["type"] = "custom",
                ["tokenizer"] = "standard",
                ["filter"] = new JsonArray("lowercase"),
            },
        },
    };

    private static JsonObject Mappings(IndexSchema schema)
    {
        var autocomplete = AutocompleteFields(schema).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var properties = new JsonObject
        {
            [IdField] = new JsonObject { ["type"] = "keyword" },
            // Returned with hits as is, never searched: kept in _source only.
            [SummaryField] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false },
        };
        foreach (var field in schema.Fields)
        {
            if (field.Name is IdField or SummaryField)
            {
                throw new ArgumentException($"Schema '{schema.Name}' uses the reserved field name '{field.Name}'.", nameof(schema));
            }
            properties[field.Name] = field.Kind switch
            {
                IndexFieldKind.Text => TextMapping(autocomplete.Contains(field.Name)),
                IndexFieldKind.Keyword => new JsonObject { ["type"] = "keyword" },
                IndexFieldKind.Number => new JsonObject { ["type"] = "double" },
                IndexFieldKind.Date => new JsonObject { ["type"] = "date", ["format"] = "epoch_millis" },
                _ => throw new ArgumentOutOfRangeException(nameof(schema), field.Kind, "Unknown field kind."),
            };
        }
        // Strict: a document with a field the schema does not know is refused, not silently mapped.
        return new JsonObject { ["dynamic"] = "strict", ["properties"] = properties };
    }

    private static JsonObject TextMapping(bool autocomplete)
    {
        var mapping = new JsonObject { ["type"] = "text", ["analyzer"] = EnglishAnalyzer };
        if (autocomplete)
        {
            mapping["fields"] = new JsonObject
            {
                [AutocompleteSubfield] = new JsonObject
                {
                    ["type"] = "text",
                    ["analyzer"] = "thirty3_autocomplete",
                    ["search_analyzer"] = "thirty3_autocomplete_search",
                },
            };
        }
        return mapping;
    }

    /// <summary>The <c>_source</c> of a document; unknown fields or kinds are the caller's mistake.</summary>
    public static JsonObject Source(IndexSchema schema, IndexDocument document)
    {
        if (string.IsNullOrEmpty(document.Id))
        {
            throw new ArgumentException("A document needs an id.", nameof(document));
        }
        var source = new JsonObject { [IdField] = document.Id, [SummaryField] = document.Summary ?? "" };
        foreach (var (name, text) in document.Text)
        {
            Require(schema, name, IndexFieldKind.Text);
            if (!string.IsNullOrEmpty(text))
            {
                source[name] = text;
            }
        }
        foreach (var (name, values) in document.Keywords)
        {
            Require(schema, name, IndexFieldKind.Keyword);
            var distinct = values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 0)
            {
                source[name] = new JsonArray([.. distinct.Select(v => (JsonNode)JsonValue.Create(v))]);
            }
        }
        foreach (var (name, value) in document.Numbers)
        {
            Require(schema, name, IndexFieldKind.Number);
            source[name] = value;
        }
        foreach (var (name, value) in document.Dates)
        {
            Require(schema, name, IndexFieldKind.Date);
            source[name] = value.ToUnixTimeMilliseconds();
        }
        return source;
    }

    private static void Require(IndexSchema schema, string name, IndexFieldKind kind)
    {
        var field = schema.Find(name);
        if (field is null || field.Kind != kind)
        {
            throw new ArgumentException($"Index '{schema.Name}' has no {kind} field '{name}'.", nameof(name));
        }
    }
}
