using System.Text.Json;
using System.Text.Json.Nodes;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

public sealed partial class ElasticsearchSearchIndex
{
    internal const int MaxSize = 1000;
    // The same limits as the Lucene backend; deeper pages use the cursor (search_after).
    internal const int MaxFrom = 10_000;
    internal const int SnippetLength = 160;
    internal const int MaxSnippets = 2;

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = Plan(request);
        await EnsureAliasAsync(cancellationToken).ConfigureAwait(false);
        var text = textQueries.Build(request.Text);
        var response = await api.SearchAsync(Alias, plan.Body(text.Strict), cancellationToken).ConfigureAwait(false);
        if (TotalOf(response) == 0 && text.Relaxed is not null)
        {
            // No document has every word: rank those having some of them rather than show nothing.
            response = await api.SearchAsync(Alias, plan.Body(text.Relaxed), cancellationToken).ConfigureAwait(false);
        }
        return plan.Read(response);
    }

    /// <summary>Everything of a request but the text query: validated, and turned into DSL once.</summary>
    internal SearchPlan Plan(SearchRequest request)
    {
        if (request.Size is < 0 or > MaxSize)
        {
            throw new InvalidSearchRequestException($"Size must be between 0 and {MaxSize}.");
        }
        if (request.From is < 0 or > MaxFrom)
        {
            throw new InvalidSearchRequestException($"From must be between 0 and {MaxFrom}; page deeper with the cursor.");
        }
        if (request.FacetSize is < 0 or > MaxSize)
        {
            throw new InvalidSearchRequestException($"FacetSize must be between 0 and {MaxSize}.");
        }
        var filters = BuildFilters(request);
        var facetFields = request.Facets.Distinct(StringComparer.Ordinal).ToList();
        foreach (var facet in facetFields)
        {
            RequireField(facet, "facet on", IndexFieldKind.Keyword);
        }
        var (sort, sortKey, slots, byRelevance) = BuildSort(request.Sort);
        var after = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, sortKey, slots);
        var highlightFields = request.Highlight && !string.IsNullOrWhiteSpace(request.Text)
            ? Schema.Fields.Where(f => f.Kind == IndexFieldKind.Text && f.Highlight).Select(f => f.Name).ToList()
            : [];
        return new SearchPlan(request, filters, facetFields, sort, sortKey, after, byRelevance, highlightFields);
    }

    internal sealed record SearchPlan(
        SearchRequest Request,
        Dictionary<string, JsonObject> Filters,
        List<string> FacetFields,
        JsonArray Sort,
        string SortKey,
        JsonArray? After,
        bool ByRelevance,
        List<string> HighlightFields)
    {
        /// <summary>
        /// Filters on faceted fields go to <c>post_filter</c>, so each facet's aggregation can leave its
        /// own field's filter out (multi-select); every other filter narrows the query itself.
        /// </summary>
        public JsonObject Body(JsonObject textQuery)
        {
            var queryFilters = Filters.Where(kv => !FacetFields.Contains(kv.Key)).Select(kv => kv.Value).ToList();
            var postFilters = Filters.Where(kv => FacetFields.Contains(kv.Key)).ToList();
            var query = queryFilters.Count == 0
                ? textQuery.DeepClone()
                : new JsonObject
                {
                    ["bool"] = new JsonObject
                    {
                        ["must"] = new JsonArray(textQuery.DeepClone()),
                        // Filter context: matches or not, adds nothing to the score.
                        ["filter"] = new JsonArray([.. queryFilters.Select(f => f.DeepClone())]),
                    },
                };
            var size = Request.Size;
            var body = new JsonObject
            {
                ["query"] = query,
                // One more than the page, to know without counting whether another page follows.
                ["size"] = size == 0 ? 0 : size + 1,
                ["track_total_hits"] = true,
                ["sort"] = Sort.DeepClone(),
                ["_source"] = new JsonArray(IndexMapping.SummaryField),
            };
            if (After is not null)
            {
                body["search_after"] = After.DeepClone();
            }
            else if (Request.From > 0)
            {
                body["from"] = Request.From;
            }
            if (postFilters.Count > 0)
            {
                body["post_filter"] = AllOf(postFilters.Select(kv => kv.Value));
            }
            if (FacetFields.Count > 0 && Request.FacetSize > 0)
            {
                var aggs = new JsonObject();
                for (var i = 0; i < FacetFields.Count; i++)
                {
                    var field = FacetFields[i];
                    aggs[FacetAggName(i)] = new JsonObject
                    {
                        // Every other facet field's filter applies to this facet's counts; its own does not.
                        ["filter"] = AllOf(postFilters.Where(kv => kv.Key != field).Select(kv => kv.Value)),
                        ["aggs"] = new JsonObject
                        {
                            ["values"] = new JsonObject
                            {
                                ["terms"] = new JsonObject
                                {
                                    ["field"] = field,
                                    ["size"] = Request.FacetSize,
                                    ["order"] = new JsonArray(
                                        new JsonObject { ["_count"] = "desc" },
                                        new JsonObject { ["_key"] = "asc" }),
                                },
                            },
                        },
                    };
                }
                body["aggs"] = aggs;
            }
            if (HighlightFields.Count > 0)
            {
                var fields = new JsonObject();
                foreach (var field in HighlightFields)
                {
                    fields[field] = new JsonObject { ["fragment_size"] = SnippetLength, ["number_of_fragments"] = MaxSnippets };
                }
                body["highlight"] = new JsonObject
                {
                    // The plain highlighter marks each matched word, as the Lucene backend does,
                    // rather than a whole phrase span.
                    ["type"] = "plain",
                    ["encoder"] = "html",
                    ["pre_tags"] = new JsonArray("<mark>"),
                    ["post_tags"] = new JsonArray("</mark>"),
                    ["fields"] = fields,
                };
            }
            return body;
        }

        public SearchResponse Read(JsonElement response)
        {
            var total = TotalOf(response);
            var hits = new List<SearchHit>();
            JsonElement? lastSort = null;
            var returned = 0;
            if (response.TryGetProperty("hits", out var outer) && outer.TryGetProperty("hits", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var hit in array.EnumerateArray())
                {
                    returned++;
                    if (hits.Count == Request.Size)
                    {
                        continue;
                    }
                    hits.Add(ReadHit(hit));
                    lastSort = hit.TryGetProperty("sort", out var sort) ? sort : null;
                }
            }
            var nextCursor = returned > Request.Size && lastSort is { ValueKind: JsonValueKind.Array } values
                ? SearchCursor.Encode(SortKey, values)
                : null;
            var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
            for (var i = 0; i < FacetFields.Count; i++)
            {
                facets[FacetFields[i]] = ReadFacet(response, FacetAggName(i));
            }
            return new SearchResponse(total, hits, facets, nextCursor);
        }

        private SearchHit ReadHit(JsonElement hit)
        {
            var id = hit.GetProperty("_id").GetString() ?? "";
            var score = ByRelevance && hit.TryGetProperty("_score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
            var summary = hit.TryGetProperty("_source", out var source) && source.TryGetProperty(IndexMapping.SummaryField, out var sum) && sum.ValueKind == JsonValueKind.String
                ? sum.GetString()!
                : "";
            var highlights = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (hit.TryGetProperty("highlight", out var highlight) && highlight.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in highlight.EnumerateObject())
                {
                    if (HighlightFields.Contains(field.Name) && field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0)
                    {
                        highlights[field.Name] = [.. field.Value.EnumerateArray().Select(f => f.GetString() ?? "")];
                    }
                }
            }
            return new SearchHit(id, score, summary, highlights);
        }

        private static List<FacetValue> ReadFacet(JsonElement response, string name)
        {
            if (!response.TryGetProperty("aggregations", out var aggs) || !aggs.TryGetProperty(name, out var agg)
                || !agg.TryGetProperty("values", out var values) || !values.TryGetProperty("buckets", out var buckets))
            {
                return [];
            }
            return [.. buckets.EnumerateArray().Select(b => new FacetValue(
                b.GetProperty("key").ValueKind == JsonValueKind.String ? b.GetProperty("key").GetString()! : b.GetProperty("key").GetRawText(),
                b.GetProperty("doc_count").GetInt64()))];
        }

        private static JsonObject AllOf(IEnumerable<JsonObject> filters)
        {
            var list = filters.Select(f => (JsonNode)f.DeepClone()).ToList();
            return list.Count == 0
                ? FreeTextQueryBuilder.MatchAll()
                : new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray([.. list]) } };
        }

        private static string FacetAggName(int i) => $"facet_{i}";
    }

    internal static long TotalOf(JsonElement response)
    {
        if (!response.TryGetProperty("hits", out var hits) || !hits.TryGetProperty("total", out var total))
        {
            return 0;
        }
        // { "value": N, "relation": "eq" } normally; a bare number with rest_total_hits_as_int.
        return total.ValueKind == JsonValueKind.Number ? total.GetInt64() : total.GetProperty("value").GetInt64();
    }

    /// <summary>Filters by field; several filters on one field must all hold.</summary>
    private Dictionary<string, JsonObject> BuildFilters(SearchRequest request)
    {
        var byField = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var terms in request.Terms)
        {
            RequireField(terms.Field, "filter by values of", IndexFieldKind.Keyword);
            if (terms.Values is null || terms.Values.Count == 0)
            {
                continue;
            }
            Add(terms.Field, new JsonObject
            {
                ["terms"] = new JsonObject { [terms.Field] = new JsonArray([.. terms.Values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v))]) },
            });
        }
        foreach (var range in request.Ranges)
        {
            var field = RequireField(range.Field, "filter by range of", IndexFieldKind.Number, IndexFieldKind.Date);
            if (range.Min is { } min && range.Max is { } max && min > max)
            {
                throw new InvalidSearchRequestException($"Range on '{range.Field}' has Min greater than Max.");
            }
            var bounds = new JsonObject();
            if (field.Kind == IndexFieldKind.Number)
            {
                if (range.Min is { } lo)
                {
                    bounds["gte"] = lo;
                }
                if (range.Max is { } hi)
                {
                    bounds["lte"] = hi;
                }
            }
            else
            {
                // Inclusive bounds given as fractional milliseconds still include the whole millisecond they fall in.
                if (range.Min is { } lo)
                {
                    bounds["gte"] = (long)Math.Clamp(Math.Ceiling(lo), long.MinValue, long.MaxValue);
                }
                if (range.Max is { } hi)
                {
                    bounds["lte"] = (long)Math.Clamp(Math.Floor(hi), long.MinValue, long.MaxValue);
                }
                bounds["format"] = "epoch_millis";
            }
            Add(range.Field, new JsonObject { ["range"] = new JsonObject { [range.Field] = bounds } });
        }
        return byField.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count == 1 ? kv.Value[0] : new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray([.. kv.Value]) } },
            StringComparer.Ordinal);

        void Add(string field, JsonObject filter)
        {
            if (!byField.TryGetValue(field, out var all))
            {
                all = [];
                byField[field] = all;
            }
            all.Add(filter);
        }
    }

    /// <summary>The sort with the id as unique tiebreaker (so cursors neither skip nor repeat), and missing values last.</summary>
    private (JsonArray Sort, string Key, SearchCursor.Slot[] Slots, bool ByRelevance) BuildSort(SortSpec? spec)
    {
        var tiebreak = new JsonObject { [IndexMapping.IdField] = new JsonObject { ["order"] = "asc" } };
        if (spec?.Field is null)
        {
            return (new JsonArray(new JsonObject { ["_score"] = new JsonObject { ["order"] = "desc" } }, tiebreak),
                "_score", [SearchCursor.Slot.Number, SearchCursor.Slot.Id], true);
        }
        var field = RequireField(spec.Field, "sort by", IndexFieldKind.Number, IndexFieldKind.Date, IndexFieldKind.Keyword);
        var order = spec.Descending ? "desc" : "asc";
        var clause = new JsonObject { ["order"] = order };
        SearchCursor.Slot slot;
        switch (field.Kind)
        {
            case IndexFieldKind.Number:
                // An explicit stand-in rather than "_last": a double's "_last" comes back as ±Infinity,
                // which is not JSON and cannot be sent back in search_after.
                clause["missing"] = spec.Descending ? double.MinValue : double.MaxValue;
                slot = SearchCursor.Slot.Number;
                break;
            case IndexFieldKind.Date:
                // Comes back as Long.MAX_VALUE / MIN_VALUE, which search_after accepts.
                clause["missing"] = "_last";
                slot = SearchCursor.Slot.Number;
                break;
            default:
                clause["missing"] = "_last";
                slot = SearchCursor.Slot.KeywordOrNull;
                break;
        }
        return (new JsonArray(new JsonObject { [field.Name] = clause }, tiebreak), $"{field.Name}:{order}", [slot, SearchCursor.Slot.Id], false);
    }

    private IndexField RequireField(string name, string use, params IndexFieldKind[] kinds)
    {
        var field = Schema.Find(name)
            ?? throw new InvalidSearchRequestException($"Index '{Schema.Name}' has no field '{name}'.");
        if (!kinds.Contains(field.Kind))
        {
            throw new InvalidSearchRequestException($"Cannot {use} '{name}': it is a {field.Kind} field.");
        }
        return field;
    }
}
