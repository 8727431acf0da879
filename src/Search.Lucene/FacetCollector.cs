using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>
/// Counts keyword values of matching documents from their SortedSet doc values: per segment in an
/// array indexed by ordinal, turned into labels once per segment, so counting is exact and cheap.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, long>[] totals = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private readonly SortedSetDocValues?[] segmentValues = new SortedSetDocValues?[fields.Count];
    /// <summary>
    /// The same values when the segment holds at most one per document (stage, status, region, SME...):
    /// reading one ordinal is cheaper than walking a set, and facets were half of a search at 1M.
    /// </summary>
    private readonly SortedDocValues?[] segmentSingle = new SortedDocValues?[fields.Count];
    private readonly long[][] segmentCounts = new long[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var f = 0; f < fields.Count; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
            segmentValues[f] = values;
            segmentSingle[f] = values is null ? null : DocValues.UnwrapSingleton(values);
            segmentCounts[f] = values is null ? [] : new long[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < fields.Count; f++)
        {
            if (segmentSingle[f] is { } single)
            {
                var only = single.GetOrd(doc);
                if (only >= 0)
                {
                    segmentCounts[f][only]++;
                }
                continue;
            }
            var values = segmentValues[f];
            if (values is null)
            {
                continue;
            }
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                segmentCounts[f][ord]++;
            }
        }
    }

    /// <summary>Top <paramref name="size"/> values of each field by count, ties by value.</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result(int size)
    {
        FlushSegment();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        for (var f = 0; f < fields.Count; f++)
        {
            result[fields[f]] = [.. totals[f]
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(size)
                .Select(kv => new FacetValue(kv.Key, kv.Value))];
        }
        return result;
    }

    private void FlushSegment()
    {
        var label = new BytesRef();
        for (var f = 0; f < fields.Count; f++)
        {
            var values = segmentValues[f];
            var counts = segmentCounts[f];
            if (values is null || counts is null)
            {
                continue;
            }
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }
                values.LookupOrd(ord, label);
                var key = label.Utf8ToString();
                totals[f][key] = totals[f].GetValueOrDefault(key) + counts[ord];
            }
            segmentValues[f] = null;
            segmentSingle[f] = null;
        }
    }
}
