using System.Diagnostics;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Search.Lucene;

namespace Thirty3.Bench;

/// <summary>
/// Where search time goes, straight on a kept index (no API running): the query mix run single-threaded
/// as the API builds it, then with parts switched off (facets, multi-select passes, highlights), per query kind.
/// </summary>
public static class SearchProfile
{
    public static async Task RunAsync(BenchSettings s, TextWriter output)
    {
        var folder = Path.Combine(s.DataPath, "index", OpportunityIndex.Schema.Name);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new InvalidOperationException($"No index at {folder}: load with --keep first (e.g. bench/run.sh 1000000 --keep --data {s.DataPath}).");
        }
        using var index = new LuceneSearchIndex(folder, OpportunityIndex.Schema);
        var queries = QuerySet.Build(s.Seed, s.Now);
        var now = DateTimeOffset.UtcNow;
        await output.WriteLineAsync(FormattableString.Invariant($"index {folder}: {await index.CountAsync(CancellationToken.None):N0} documents; {queries.Count} queries, single thread"));

        var variants = new (string Name, Func<SearchRequest, SearchRequest> Change)[]
        {
            ("as the API sends it", r => r),
            ("no highlights", r => r with { Highlight = false }),
            ("no facets", r => r with { Facets = [] }),
            ("facets only of unfiltered fields (no multi-select passes)", r => r with { Facets = [.. r.Facets.Where(f => !r.Terms.Any(t => t.Field == f))] }),
            ("no text (filters + facets)", r => r with { Text = null, Highlight = false }),
            ("as the API sends it (again)", r => r),
        };
        foreach (var (name, change) in variants)
        {
            var byKind = new Dictionary<string, List<double>>();
            var all = new List<double>();
            long totalHits = 0;
            foreach (var q in queries)
            {
                var request = change(OpportunitySearchService.BuildRequest(q.ToQuery(), now));
                var started = Stopwatch.GetTimestamp();
                var response = await index.SearchAsync(request, CancellationToken.None);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                totalHits += response.Total;
                all.Add(ms);
                (byKind.TryGetValue(q.Kind, out var list) ? list : byKind[q.Kind] = []).Add(ms);
            }
            var kinds = string.Join(", ", byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => FormattableString.Invariant($"{k.Key} {Stats.Percentile(k.Value, 50):F1}")));
            await output.WriteLineAsync(FormattableString.Invariant(
                $"  {name,-58} p50 {Stats.Percentile(all, 50),6:F1} ms  p95 {Stats.Percentile(all, 95),6:F1}  p99 {Stats.Percentile(all, 99),6:F1}  mean hits {totalHits / queries.Count:N0}  | p50 by kind: {kinds}"));
        }
    }
}
