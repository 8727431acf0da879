using System.Diagnostics;
using System.Text;
using Thirty3.SampleData;

namespace Thirty3.Bench;

/// <summary>
/// Benchmarks of the directory: <c>generate</c>, <c>load</c>, <c>search</c>, <c>overhead</c>, <c>freshness</c>,
/// <c>rebuild</c>, <c>memory</c>, <c>profile</c> and <c>all</c>. Not part of the test suite; see bench/README.md.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var s = BenchSettings.Parse(args);
        var log = Console.Error;
        switch (args[0])
        {
            case "generate":
                Generate(s, args);
                return 0;
            case "load":
                await WithLoadedApiAsync(s, log, async (api, keys, load) => { await Task.CompletedTask; });
                return 0;
            case "search":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    var queries = QuerySet.Build(s.Seed, s.Now);
                    await Scenarios.SearchAsync(api.BaseAddress, queries, s.Clients, TimeSpan.FromSeconds(3));
                    for (var run = 0; run < s.Runs; run++)
                    {
                        Console.WriteLine($"search, {s.Clients} client(s), run {run + 1}: {await Scenarios.SearchAsync(api.BaseAddress, queries, s.Clients, TimeSpan.FromSeconds(s.Seconds), run * 97)}");
                    }
                });
                return 0;
            case "overhead":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    var queries = QuerySet.Build(s.Seed, s.Now);
                    var result = await Scenarios.OverheadAsync(api.BaseAddress, s.DataPath, queries, s.OverheadQueries);
                    Console.WriteLine($"HTTP:   {result.Http}\ndirect: {result.Direct}\nratio at p50: {result.Ratio:F2}");
                });
                return 0;
            case "freshness":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    var (visible, ack) = await Scenarios.FreshnessAsync(api.BaseAddress, keys.Publisher, s, s.FreshnessSamples, 0);
                    Console.WriteLine($"ack -> searchable: {visible}\nPOST (ack):        {ack}");
                });
                return 0;
            case "rebuild":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    var (seconds, counts) = await Scenarios.RebuildAsync(api.BaseAddress, keys.Admin);
                    Console.WriteLine(FormattableString.Invariant($"rebuild: {seconds:F1} s ({counts})"));
                });
                return 0;
            case "web":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    await using var web = await WebProcess.StartAsync(api.BaseAddress, s.Port + 1, Path.Combine(s.DataPath, "web.log"));
                    Console.WriteLine($"web search page: {await Scenarios.WebSearchPageAsync(web.BaseAddress, QuerySet.Build(s.Seed, s.Now), s.OverheadQueries)}");
                });
                return 0;
            case "memory":
                await WithLoadedApiAsync(s, log, async (api, keys, load) =>
                {
                    await Scenarios.SearchAsync(api.BaseAddress, QuerySet.Build(s.Seed, s.Now), 8, TimeSpan.FromSeconds(s.Seconds));
                    var (rss, peak) = api.Memory();
                    Console.WriteLine(FormattableString.Invariant($"API working set after load and 8-client search: {rss:F0} MiB (peak {peak:F0} MiB)"));
                });
                return 0;
            case "profile":
                IngestProfile.Run(s, Console.Out);
                return 0;
            case "search-profile":
                await SearchProfile.RunAsync(s, Console.Out);
                return 0;
            case "all":
                Console.WriteLine(await AllAsync(s, log));
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private const string Usage = """
        Thirty3.Bench COMMAND [options]
          generate   [--processes N] [--out FILE]      generate the OCDS processes (+ technologies) and report rate and size
          load       [--processes N] [--senders 4]     start the API on a fresh data folder, ingest via HTTP until searchable
          search     [--clients 1|8] [--seconds N]     load, then the mixed query set with N clients
          overhead   [--queries 200]                   load, then HTTP vs straight on a copy of the index, interleaved
          freshness  [--samples 30]                    load, then single releases: acknowledged -> searchable
          rebuild                                      load, then POST /api/admin/reindex, timed
          memory                                       load, search, report the API's working set
          web        [--queries 200]                   load, start the web site (Release), GET its search page with the query mix
          profile    [--processes N]                   in-process timing of the ingest phases (no HTTP, no store)
          search-profile --data DIR                    the query mix straight on a kept index, with parts switched off
          all        [--processes N] [--runs 3]        everything above on one load; prints one markdown table
        Common: --seed 33 --batch 500 --data DIR --port 5933 --now yyyy-MM-dd --keep (keep the data folder)
                --reuse (search/overhead/freshness/rebuild/memory/web on a folder a --keep run loaded, without loading)
        Build Release first (bench/run.sh does).
        """;

    private static void Generate(BenchSettings s, string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        using var writer = outIndex >= 0 && outIndex + 1 < args.Length ? new StreamWriter(args[outIndex + 1]) : null;
        var clock = Stopwatch.StartNew();
        long releases = 0, bytes = 0;
        foreach (var release in OcdsSampleGenerator.GenerateReleases(s.Processes, s.Seed, s.Now))
        {
            releases++;
            var json = release.ToJsonString();
            bytes += Encoding.UTF8.GetByteCount(json) + 1;
            writer?.WriteLine(json);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var technologies = TechnologySampleGenerator.Generate(s.Seed, DateOnly.FromDateTime(s.Now.UtcDateTime));
        Console.WriteLine(FormattableString.Invariant(
            $"{s.Processes:N0} processes, {releases:N0} releases ({releases / (double)s.Processes:F2} per process), {bytes / 1048576.0:F0} MiB of JSON in {seconds:F1} s ({s.Processes / seconds:N0} processes/s); {technologies.Count:N0} technology entries of {technologies.Select(t => t.Borough).Distinct().Count()} authorities"));
    }

    public sealed record Keys(string Publisher, string Admin);

    /// <summary>Fresh data folder, keys, API started, data loaded; then <paramref name="then"/>; API stopped.</summary>
    private static async Task WithLoadedApiAsync(BenchSettings s, TextWriter log, Func<ApiProcess, Keys, LoadResult, Task> then)
    {
        // --reuse: measure again on a folder a previous --keep run loaded (the 1M load takes a while).
        var reuse = s.Reuse && File.Exists(Path.Combine(s.DataPath, "directory.db"));
        if (!reuse)
        {
            PrepareDataFolder(s);
        }
        var keys = new Keys(await ApiProcess.CreateKeyAsync(s.DataPath, "bench", admin: false), await ApiProcess.CreateKeyAsync(s.DataPath, "bench-admin", admin: true));
        await using var api = await ApiProcess.StartAsync(s.DataPath, s.Port);
        LoadResult load;
        if (reuse)
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress };
            await log.WriteLineAsync($"API pid {api.Pid} on {api.BaseAddress}; reusing {s.DataPath} ({await ApiProcess.IndexedCountAsync(http):N0} processes indexed), nothing loaded");
            load = new LoadResult(0, s.Processes, 0, 0, 0, LatencyRun.From([], 0, 0));
        }
        else
        {
            await log.WriteLineAsync($"API pid {api.Pid} on {api.BaseAddress}; loading {s.Processes:N0} processes");
            load = await Scenarios.LoadAsync(api, keys.Publisher, s, log);
            Console.WriteLine(FormattableString.Invariant(
                $"load: {load.Releases:N0} releases of {load.Processes:N0} processes; acknowledged in {load.AckSeconds:F1} s, searchable after {load.SearchableSeconds:F1} s = {load.ReleasesPerSecond:F0} releases/s; POST of a batch: {load.Posts}"));
        }
        await then(api, keys, load);
        await api.DisposeAsync();
        if (!s.KeepData)
        {
            System.IO.Directory.Delete(s.DataPath, recursive: true);
        }
    }

    private static void PrepareDataFolder(BenchSettings s)
    {
        if (System.IO.Directory.Exists(s.DataPath))
        {
            System.IO.Directory.Delete(s.DataPath, recursive: true);
        }
        System.IO.Directory.CreateDirectory(s.DataPath);
    }

    private static async Task<string> AllAsync(BenchSettings s, TextWriter log)
    {
        if (s.Reuse)
        {
            throw new InvalidOperationException("'all' measures the load too: run it without --reuse.");
        }
        var report = new Report(s);
        var scale = s.Processes >= 1_000_000 ? "" : FormattableString.Invariant($" at {s.Processes:N0}");
        var queries = QuerySet.Build(s.Seed, s.Now);
        report.Note($"Query mix ({queries.Count} queries, cycled): {QuerySet.Describe(queries)}; each with 2 of stage/region/cpv division/sme/open; all 7 facets counted.");
        var memoryNotes = new List<string>();

        await WithLoadedApiAsync(s, log, async (api, keys, load) =>
        {
            report.Add("ingest through the HTTP API, batches of 500, until searchable", ">= 3,000 releases/s",
                FormattableString.Invariant($"{load.ReleasesPerSecond:N0} releases/s ({load.Releases:N0} releases in {load.SearchableSeconds:F0} s; acknowledged at {load.Releases / load.AckSeconds:N0}/s; batch POST p50 {load.Posts.P50:F0} ms, p99 {load.Posts.P99:F0} ms)"),
                load.ReleasesPerSecond >= 3_000, scale.Length > 0 ? "smaller store than 1M" : null);
            var (afterLoad, _) = api.Memory();
            memoryNotes.Add(FormattableString.Invariant($"after load {afterLoad:F0} MiB"));

            var one = new List<LatencyRun>();
            var eight = new List<LatencyRun>();
            await log.WriteLineAsync("warm-up");
            await Scenarios.SearchAsync(api.BaseAddress, queries, 2, TimeSpan.FromSeconds(5));
            for (var run = 0; run < s.Runs; run++)
            {
                one.Add(await Scenarios.SearchAsync(api.BaseAddress, queries, 1, TimeSpan.FromSeconds(s.Seconds), run * 101));
                await log.WriteLineAsync($"  search 1 client, run {run + 1}: {one[^1]}");
                eight.Add(await Scenarios.SearchAsync(api.BaseAddress, queries, 8, TimeSpan.FromSeconds(s.Seconds), run * 101 + 7));
                await log.WriteLineAsync($"  search 8 clients, run {run + 1}: {eight[^1]}");
            }
            var p50 = Stats.Median(one.Select(r => r.P50));
            var p99 = Stats.Median(one.Select(r => r.P99));
            report.Add($"search via HTTP{scale}, mixed queries + 2 filters + facets, 1 client", "p50 <= 15 ms, p99 <= 60 ms",
                FormattableString.Invariant($"p50 {p50:F1} ms, p95 {Stats.Median(one.Select(r => r.P95)):F1} ms, p99 {p99:F1} ms ({Stats.Median(one.Select(r => r.PerSecond)):F0}/s)"),
                p50 <= 15 && p99 <= 60, scale.Length > 0 ? "smaller index than 1M" : null);
            var rate8 = Stats.Median(eight.Select(r => r.PerSecond));
            var p99x8 = Stats.Median(eight.Select(r => r.P99));
            report.Add($"same{scale}, 8 concurrent clients", ">= 300/s with p99 <= 150 ms",
                FormattableString.Invariant($"{rate8:F0}/s, p50 {Stats.Median(eight.Select(r => r.P50)):F1} ms, p99 {p99x8:F1} ms, errors {eight.Sum(r => r.Errors)}"),
                rate8 >= 300 && p99x8 <= 150, scale.Length > 0 ? "smaller index than 1M" : null);
            var (afterSearch, _) = api.Memory();
            memoryNotes.Add(FormattableString.Invariant($"after search {afterSearch:F0} MiB"));

            var overhead = new List<OverheadResult>();
            for (var run = 0; run < s.Runs; run++)
            {
                overhead.Add(await Scenarios.OverheadAsync(api.BaseAddress, s.DataPath, queries, s.OverheadQueries));
                await log.WriteLineAsync(FormattableString.Invariant($"  overhead run {run + 1}: HTTP p50 {overhead[^1].Http.P50:F2} ms, direct p50 {overhead[^1].Direct.P50:F2} ms, ratio {overhead[^1].Ratio:F2}"));
            }
            var ratio = Stats.Median(overhead.Select(o => o.Ratio));
            report.Add($"API overhead{scale}: HTTP search vs same query on the index, same run", "<= 1.5x at p50",
                FormattableString.Invariant($"{ratio:F2}x (HTTP p50 {Stats.Median(overhead.Select(o => o.Http.P50)):F2} ms vs index p50 {Stats.Median(overhead.Select(o => o.Direct.P50)):F2} ms; {s.OverheadQueries} queries per run, interleaved)"),
                ratio <= 1.5);

            var pages = new List<LatencyRun>();
            await using (var web = await WebProcess.StartAsync(api.BaseAddress, s.Port + 1, Path.Combine(s.DataPath, "web.log")))
            {
                for (var run = 0; run < s.Runs; run++)
                {
                    pages.Add(await Scenarios.WebSearchPageAsync(web.BaseAddress, queries, s.OverheadQueries));
                    await log.WriteLineAsync($"  web search page run {run + 1}: {pages[^1]}");
                }
            }
            var pageP95 = Stats.Median(pages.Select(p => p.P95));
            report.Add($"web search page{scale}, server render", "p95 <= 100 ms",
                FormattableString.Invariant($"p50 {Stats.Median(pages.Select(p => p.P50)):F1} ms, p95 {pageP95:F1} ms, p99 {Stats.Median(pages.Select(p => p.P99)):F1} ms ({s.OverheadQueries} sequential GETs of /opportunities with the query mix per run, whole HTML); errors {pages.Sum(p => p.Errors)}"),
                pageP95 <= 100 && pages.Sum(p => p.Errors) == 0, scale.Length > 0 ? "smaller index than 1M" : null);

            var fresh = new List<(LatencyRun Visible, LatencyRun Ack)>();
            for (var run = 0; run < s.Runs; run++)
            {
                fresh.Add(await Scenarios.FreshnessAsync(api.BaseAddress, keys.Publisher, s, s.FreshnessSamples, run));
                await log.WriteLineAsync($"  freshness run {run + 1}: {fresh[^1].Visible}");
            }
            var freshP99 = Stats.Median(fresh.Select(f => f.Visible.P99));
            report.Add($"acknowledged release to searchable{scale}", "p99 <= 1 s",
                FormattableString.Invariant($"p50 {Stats.Median(fresh.Select(f => f.Visible.P50)):F0} ms, p99 {freshP99:F0} ms ({s.FreshnessSamples} single releases per run; POST itself p50 {Stats.Median(fresh.Select(f => f.Ack.P50)):F0} ms); errors {fresh.Sum(f => f.Visible.Errors)}"),
                freshP99 <= 1_000);

            if (!s.SkipRebuild)
            {
                var (seconds, counts) = await Scenarios.RebuildAsync(api.BaseAddress, keys.Admin);
                await log.WriteLineAsync(FormattableString.Invariant($"  rebuild: {seconds:F1} s ({counts})"));
                var perMillion = seconds * 1_000_000 / s.Processes;
                report.Add("full rebuild of the index from the store", "<= 5 min at 1M",
                    FormattableString.Invariant($"{seconds:F1} s for {s.Processes:N0} processes ({counts})") + (scale.Length > 0 ? FormattableString.Invariant($"; linear estimate at 1M: {perMillion / 60:F1} min") : ""),
                    perMillion <= 300, scale.Length > 0 ? "extrapolated" : null);
                var (afterRebuild, _) = api.Memory();
                memoryNotes.Add(FormattableString.Invariant($"after rebuild {afterRebuild:F0} MiB"));
            }
            var (rss, peak) = api.Memory();
            report.Add($"memory of the API process{scale}", "<= 2 GiB working set",
                FormattableString.Invariant($"peak {peak:F0} MiB (VmHWM); {string.Join(", ", memoryNotes)} (VmRSS)"),
                peak <= 2048, scale.Length > 0 ? "smaller store than 1M" : null);
            GC.KeepAlive(rss);
        });

        return report.ToMarkdown();
    }

}
