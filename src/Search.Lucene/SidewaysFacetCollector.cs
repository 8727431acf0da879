using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>
/// Counts the facets of filtered fields for multi-select in the pass that finds the hits. It is fed
/// the documents that match the text and all filters but at most one; per document it checks each
/// filter's bits: a document matching every filter is a hit (passed on to <c>matchingAll</c>) and
/// counts for every filtered facet, one failing exactly the filter of facet F counts for F only (F's
/// own filter must not narrow F's counts), any other is skipped.
/// </summary>
internal sealed class SidewaysFacetCollector : ICollector
{
    private readonly IReadOnlyList<Filter> filters;
    private readonly IBits?[] bits;
    /// <summary>For each filter, the facet it frees (index into <see cref="facets"/>), or -1 when its field is not a facet.</summary>
    private readonly int[] facetOfFilter;
    private readonly FacetCollector[] facets;
    private readonly IReadOnlyList<string> facetFields;
    private readonly ICollector matchingAll;

    public SidewaysFacetCollector(IReadOnlyList<string> filterFields, IReadOnlyList<Filter> filters, IReadOnlyList<string> facetFields, ICollector matchingAll)
    {
        this.matchingAll = matchingAll;
        this.filters = filters;
        this.facetFields = facetFields;
        bits = new IBits?[filters.Count];
        facetOfFilter = [.. filterFields.Select(f => facetFields.ToList().IndexOf(f))];
        facets = [.. facetFields.Select(f => new FacetCollector([f]))];
    }

    public bool AcceptsDocsOutOfOrder => matchingAll.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => matchingAll.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            // Deleted documents never reach Collect, so the bits need no live-docs check.
            bits[i] = filters[i].GetDocIdSet(context, null)?.Bits ?? new Bits.MatchNoBits(context.AtomicReader.MaxDoc);
        }
        foreach (var facet in facets)
        {
            facet.SetNextReader(context);
        }
        matchingAll.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i]!.Get(doc))
            {
                continue;
            }
            if (failed >= 0)
            {
                return;
            }
            failed = i;
        }
        if (failed < 0)
        {
            matchingAll.Collect(doc);
            foreach (var facet in facets)
            {
                facet.Collect(doc);
            }
        }
        else if (facetOfFilter[failed] is var facet and >= 0)
        {
            facets[facet].Collect(doc);
        }
    }

    public Dictionary<string, IReadOnlyList<FacetValue>> Result(int size)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        for (var i = 0; i < facets.Length; i++)
        {
            result[facetFields[i]] = facets[i].Result(size)[facetFields[i]];
        }
        return result;
    }
}
