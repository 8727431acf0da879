using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    internal const int MaxSize = 1000;
    // Offset paging past this costs a priority queue of From+Size entries; deeper pages use the cursor.
    internal const int MaxFrom = 10_000;

    private SearchResponse Search(IndexSearcher searcher, SearchRequest request)
    {
        var filters = BuildFilters(request);
        var (sort, sortKey, byRelevance) = BuildSort(request.Sort);
        var facetFields = request.Facets.Distinct(StringComparer.Ordinal).ToList();
        foreach (var facet in facetFields)
        {
            RequireField(facet, "facet on", IndexFieldKind.Keyword);
        }
        if (request.FacetSize is < 0 or > MaxSize)
        {
            throw new InvalidSearchRequestException($"FacetSize must be between 0 and {MaxSize}.");
        }
        var after = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, sortKey, sort.GetSort());
        var skip = after is null ? request.From : 0;

        var text = textQueries.Build(request.Text, searcher.IndexReader);
        // Facets of fields without a filter of their own count over the same documents as the hits.
        var sharedFacets = facetFields.Where(f => !filters.ContainsKey(f)).ToList();
        // Facets of filtered fields (multi-select) are counted in the same pass when there are words.
        var filteredFacets = facetFields.Where(filters.ContainsKey).ToList();
        var sideways = text.Strict is MatchAllDocsQuery ? [] : filteredFacets;
        var pass = MainPass(searcher, text.Strict, filters, sort, after, skip, request.Size, sharedFacets, sideways);
        var textQuery = text.Strict;
        if (pass.Total == 0 && text.Relaxed is not null)
        {
            // No document has every word: rank those having some of them rather than show nothing.
            textQuery = text.Relaxed;
            pass = MainPass(searcher, textQuery, filters, sort, after, skip, request.Size, sharedFacets, sideways);
        }

        var facets = pass.Facets?.Result(request.FacetSize) ?? [];
        if (pass.Sideways is { } counted)
        {
            foreach (var (field, values) in counted.Result(request.FacetSize))
            {
                facets[field] = values;
            }
        }
        else
        {
            // Without words, documents matching all filters but one are most of the index: a pass per
            // filtered facet over the cached filters is cheaper than one pass checking each of them.
            foreach (var field in filteredFacets)
            {
                // Multi-select: a facet's own filter must not narrow its counts; the other filters do.
                var others = filters.Where(kv => kv.Key != field).Select(kv => kv.Value);
                var collector = new FacetCollector([field]);
                searcher.Search(Combine(textQuery, others), collector);
                facets[field] = collector.Result(request.FacetSize)[field];
            }
        }

        var highlightFields = request.Highlight && !string.IsNullOrWhiteSpace(request.Text)
            ? Schema.Fields.Where(f => f.Kind == IndexFieldKind.Text && f.Highlight).Select(f => f.Name).ToList()
            : [];
        var toLoad = new HashSet<string>(highlightFields) { DocumentMapper.IdField, DocumentMapper.SummaryField };
        var hits = new List<SearchHit>(pass.Page.Count);
        foreach (var scoreDoc in pass.Page)
        {
            var doc = searcher.Doc(scoreDoc.Doc, toLoad);
            hits.Add(new SearchHit(
                doc.Get(DocumentMapper.IdField),
                byRelevance && !float.IsNaN(scoreDoc.Score) ? scoreDoc.Score : 0,
                doc.Get(DocumentMapper.SummaryField) ?? "",
                Highlights(doc, highlightFields, text.Highlight)));
        }
        var nextCursor = pass.HasMore && pass.Page.Count > 0
            ? SearchCursor.Encode(sortKey, (FieldDoc)pass.Page[^1], sort.GetSort())
            : null;
        return new SearchResponse(pass.Total, hits, facets, nextCursor);
    }

    private sealed record PassResult(int Total, IReadOnlyList<ScoreDoc> Page, bool HasMore, FacetCollector? Facets, SidewaysFacetCollector? Sideways);

    /// <summary>
    /// The page of hits and the facets of unfiltered fields over documents matching the text and every
    /// filter; with <paramref name="sidewaysFacets"/>, also those facets' multi-select counts, in the
    /// same pass ("drill sideways"): it visits the documents matching the text and all filters but at
    /// most one, hands those matching all of them to the hits, and counts the others for the facet of
    /// the one filter they miss. One evaluation of the text query instead of one per filtered facet
    /// plus one for the hits (bench `search-profile` at 1M: those passes were half of a search).
    /// </summary>
    private PassResult MainPass(
        IndexSearcher searcher, Query text, Dictionary<string, Query> filters, Sort sort, FieldDoc? after, int skip, int size,
        List<string> sharedFacets, List<string> sidewaysFacets)
    {
        // One more than the page, to know without counting whether another page follows.
        var wanted = skip + size + 1;
        var top = TopFieldCollector.Create(sort, wanted, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = sharedFacets.Count > 0 ? new FacetCollector(sharedFacets) : null;
        var hits = facets is null ? (ICollector)top : MultiCollector.Wrap(top, facets);
        SidewaysFacetCollector? sideways = null;
        if (sidewaysFacets.Count > 0)
        {
            var fields = filters.Keys.ToList();
            var cached = fields.Select(f => Cached(filters[f])).ToList();
            var query = new BooleanQuery { { text, Occur.MUST } };
            if (fields.Count > 1)
            {
                var allButOne = new BooleanQuery { MinimumNumberShouldMatch = fields.Count - 1 };
                foreach (var filter in cached)
                {
                    allButOne.Add(new ConstantScoreQuery(filter), Occur.SHOULD);
                }
                // Adds nothing to the score: hits rank exactly as with the filters as plain clauses.
                query.Add(new ConstantScoreQuery(allButOne) { Boost = 0 }, Occur.MUST);
            }
            sideways = new SidewaysFacetCollector(fields, cached, sidewaysFacets, hits);
            searcher.Search(query, sideways);
        }
        else
        {
            searcher.Search(Combine(text, filters.Values), hits);
        }
        var docs = top.GetTopDocs().ScoreDocs;
        var page = docs.Skip(skip).Take(size).ToList();
        return new PassResult(top.TotalHits, page, docs.Length > skip + size, facets, sideways);
    }

    private Dictionary<string, IReadOnlyList<string>> Highlights(Document doc, List<string> fields, HighlightTerms terms)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var field in fields)
        {
            var text = doc.Get(field);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var fragments = highlighter.Highlight(field, text, terms);
            if (fragments.Count > 0)
            {
                result[field] = fragments;
            }
        }
        return result;
    }

    /// <summary>Filters by field; several filters on one field must all hold.</summary>
    private Dictionary<string, Query> BuildFilters(SearchRequest request)
    {
        if (request.Size is < 0 or > MaxSize)
        {
            throw new InvalidSearchRequestException($"Size must be between 0 and {MaxSize}.");
        }
        if (request.From is < 0 or > MaxFrom)
        {
            throw new InvalidSearchRequestException($"From must be between 0 and {MaxFrom}; page deeper with the cursor.");
        }
        var byField = new Dictionary<string, BooleanQuery>(StringComparer.Ordinal);
        foreach (var terms in request.Terms)
        {
            RequireField(terms.Field, "filter by values of", IndexFieldKind.Keyword);
            if (terms.Values is null || terms.Values.Count == 0)
            {
                continue;
            }
            var any = new BooleanQuery();
            foreach (var value in terms.Values.Distinct(StringComparer.Ordinal))
            {
                any.Add(new TermQuery(new Term(terms.Field, value)), Occur.SHOULD);
            }
            Add(byField, terms.Field, any);
        }
        foreach (var range in request.Ranges)
        {
            var field = RequireField(range.Field, "filter by range of", IndexFieldKind.Number, IndexFieldKind.Date);
            if (range.Min is { } min && range.Max is { } max && min > max)
            {
                throw new InvalidSearchRequestException($"Range on '{range.Field}' has Min greater than Max.");
            }
            Query query = field.Kind == IndexFieldKind.Number
                ? NumericRangeQuery.NewDoubleRange(range.Field, DocumentMapper.NumericPrecisionStep, range.Min, range.Max, true, true)
                : NumericRangeQuery.NewInt64Range(range.Field, DocumentMapper.NumericPrecisionStep, ToMillis(range.Min, floor: true), ToMillis(range.Max, floor: false), true, true);
            Add(byField, range.Field, query);
        }
        return byField.ToDictionary(kv => kv.Key, kv => (Query)kv.Value);

        static void Add(Dictionary<string, BooleanQuery> byField, string field, Query query)
        {
            if (!byField.TryGetValue(field, out var all))
            {
                all = [];
                byField[field] = all;
            }
            all.Add(query, Occur.MUST);
        }
    }

    // Inclusive bounds given as fractional milliseconds still include the whole millisecond they fall in.
    private static long? ToMillis(double? value, bool floor) =>
        value is null ? null : (long)Math.Clamp(floor ? Math.Ceiling(value.Value) : Math.Floor(value.Value), long.MinValue, long.MaxValue);

    /// <summary>Text AND every filter; filters match or not and add nothing to the score.</summary>
    private Query Combine(Query text, IEnumerable<Query> filters)
    {
        var list = filters.ToList();
        if (list.Count == 0)
        {
            return text;
        }
        var all = new BooleanQuery { { text, Occur.MUST } };
        foreach (var filter in list)
        {
            all.Add(new ConstantScoreQuery(Cached(filter)) { Boost = 0 }, Occur.MUST);
        }
        return all;
    }

    /// <summary>Most distinct filters whose matches are kept; past it the cache starts again.</summary>
    private const int MaxCachedFilters = 256;

    /// <summary>
    /// The same few filters (a stage, a region, SME-suitable, open now) come back in almost every
    /// search, and the multi-select counting tests each of them per document; their matching
    /// documents are kept per segment (CachingWrapperFilter, keyed by the segment's core, so a
    /// reader refresh recomputes only new segments). At 1M documents the date range behind "open"
    /// alone visited ~300k documents on every pass (bench `search-profile`).
    /// </summary>
    private Filter Cached(Query filter)
    {
        if (filterCache.TryGetValue(filter, out var cached))
        {
            return cached;
        }
        if (filterCache.Count >= MaxCachedFilters)
        {
            filterCache.Clear();
        }
        return filterCache.GetOrAdd(filter, f => new BitSetCachingFilter(new QueryWrapperFilter(f)));
    }

    private (Sort Sort, string Key, bool ByRelevance) BuildSort(SortSpec? spec)
    {
        var tiebreak = new SortField(DocumentMapper.IdField, SortFieldType.STRING);
        if (spec?.Field is null)
        {
            return (new Sort(SortField.FIELD_SCORE, tiebreak), "_score", true);
        }
        var field = RequireField(spec.Field, "sort by", IndexFieldKind.Number, IndexFieldKind.Date, IndexFieldKind.Keyword);
        var desc = spec.Descending;
        // Missing values go last in both directions: the missing stand-in is the value that sorts
        // last in the requested order (reversal flips comparisons, so the stand-in flips too).
        SortField sortField;
        switch (field.Kind)
        {
            case IndexFieldKind.Number:
                sortField = new SortField(field.Name, SortFieldType.DOUBLE, desc);
                sortField.SetMissingValue(J2N.Numerics.Double.GetInstance(desc ? double.MinValue : double.MaxValue));
                break;
            case IndexFieldKind.Date:
                sortField = new SortField(field.Name, SortFieldType.INT64, desc);
                sortField.SetMissingValue(J2N.Numerics.Int64.GetInstance(desc ? long.MinValue : long.MaxValue));
                break;
            default:
                sortField = new SortField(DocumentMapper.SortFieldOf(field.Name), SortFieldType.STRING, desc);
                sortField.SetMissingValue(desc ? SortField.STRING_FIRST : SortField.STRING_LAST);
                break;
        }
        return (new Sort(sortField, tiebreak), $"{field.Name}:{(desc ? "desc" : "asc")}", false);
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
