using System.Globalization;
using System.Text.Json.Nodes;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

/// <summary>The query DSL for a user's free text, in strict (every concept) and relaxed (any concept) forms.</summary>
internal sealed record FreeTextQuery(JsonObject Strict, JsonObject? Relaxed);

/// <summary>
/// Builds the query for user text the way the Lucene backend does, without <c>query_string</c>, so no
/// input can make it fail: quoted parts are phrases, <see cref="LocalGovernmentSynonyms"/> phrases
/// expand to their equivalents, every other word must match in some text field, exactly or at a lower
/// weight with a typo (first letter fixed; one edit from 4 letters, two from 8: <c>AUTO:4,8</c>).
/// </summary>
internal sealed class FreeTextQueryBuilder(IndexSchema schema)
{
    // Same weights as the Lucene backend.
    private const double FuzzyWeight = 0.3;
    private const double TieBreaker = 0.1;

    private readonly JsonArray fieldsTemplate = new([.. schema.Fields
        .Where(f => f.Kind == IndexFieldKind.Text)
        .Select(f => (JsonNode)JsonValue.Create(f.Name + "^" + f.Boost.ToString("0.###", CultureInfo.InvariantCulture)))]);

    private bool HasText => fieldsTemplate.Count > 0;

    public FreeTextQuery Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !HasText)
        {
            return new FreeTextQuery(MatchAll(), null);
        }
        // Each concept is built twice: in the strict form a concept analysed to nothing (stop words only)
        // matches everything, i.e. is ignored; in the relaxed form it matches nothing, i.e. is ignored too.
        var concepts = new List<Func<bool, JsonObject>>();

        var (quoted, rest) = SynonymMatcher.SplitQuoted(text);
        foreach (var phrase in quoted.Where(p => SynonymMatcher.Words(p).Count > 0))
        {
            concepts.Add(strict => Phrase(phrase, strict ? "all" : "none"));
        }

        var (plain, synonymMatches) = SynonymMatcher.Default.Match(SynonymMatcher.Words(rest));
        foreach (var variants in synonymMatches)
        {
            // "IT" analyses to nothing (a stop word): "none" drops that variant instead of matching everything.
            concepts.Add(_ => new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray([.. variants.Select(v => (JsonNode)Phrase(v, "none"))]),
                    ["minimum_should_match"] = 1,
                },
            });
        }
        foreach (var word in plain)
        {
            concepts.Add(strict => Word(word, strict ? "all" : "none"));
        }

        if (concepts.Count == 0)
        {
            return new FreeTextQuery(MatchAll(), null);
        }
        if (concepts.Count == 1)
        {
            return new FreeTextQuery(concepts[0](true), null);
        }
        var strictQuery = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray([.. concepts.Select(c => (JsonNode)c(true))]) } };
        var relaxed = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray([.. concepts.Select(c => (JsonNode)c(false))]),
                ["minimum_should_match"] = 1,
            },
        };
        return new FreeTextQuery(strictQuery, relaxed);
    }

    internal static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    /// <summary>A word in any text field: the best field counts, exact spelling outweighs a typo.</summary>
    private JsonObject Word(string word, string zeroTerms) => new()
    {
        ["dis_max"] = new JsonObject
        {
            ["tie_breaker"] = TieBreaker,
            ["queries"] = new JsonArray(
                new JsonObject
                {
                    ["multi_match"] = new JsonObject
                    {
                        ["query"] = word,
                        ["type"] = "best_fields",
                        ["fields"] = Fields(),
                        ["operator"] = "and",
                        ["tie_breaker"] = TieBreaker,
                        ["zero_terms_query"] = zeroTerms,
                    },
                },
                new JsonObject
                {
                    ["multi_match"] = new JsonObject
                    {
                        ["query"] = word,
                        ["type"] = "best_fields",
                        ["fields"] = Fields(),
                        ["operator"] = "and",
                        ["tie_breaker"] = TieBreaker,
                        ["fuzziness"] = "AUTO:4,8",
                        ["prefix_length"] = 1,
                        ["boost"] = FuzzyWeight,
                        ["zero_terms_query"] = "none",
                    },
                }),
        },
    };

    private JsonObject Phrase(string phrase, string zeroTerms) => new()
    {
        ["multi_match"] = new JsonObject
        {
            ["query"] = phrase,
            ["type"] = "phrase",
            ["fields"] = Fields(),
            ["tie_breaker"] = TieBreaker,
            ["zero_terms_query"] = zeroTerms,
        },
    };

    private JsonArray Fields() => (JsonArray)fieldsTemplate.DeepClone();
}
