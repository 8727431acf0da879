using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.Domain.Opportunities;
using Thirty3.SampleData;
using Thirty3.Search.Lucene;

namespace Thirty3.Bench;

public sealed record LoadResult(long Releases, int Processes, int Technologies, double AckSeconds, double SearchableSeconds, LatencyRun Posts)
{
    public double ReleasesPerSecond => Releases / SearchableSeconds;
}

public sealed record OverheadResult(LatencyRun Http, LatencyRun Direct)
{
    public double Ratio => Http.P50 / Direct.P50;
}

/// <summary>The measured scenarios, each against a running API.</summary>
public static class Scenarios
{
    public static HttpClient Client(Uri baseAddress, int connections, string? apiKey = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromHours(2),
        };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return http;
    }

    /// <summary>
    /// Posts the generated release packages with several senders, then polls search until every process is
    /// searchable. Packages are generated on the fly by a producer ahead of the senders (the generator is
    /// ~50k processes/s, far ahead of ingest), so the figure is the API's, not a pre-built file's.
    /// </summary>
    public static async Task<LoadResult> LoadAsync(ApiProcess api, string key, BenchSettings s, TextWriter log)
    {
        using var http = Client(api.BaseAddress, s.Senders + 1, key);
        var technologies = TechnologySampleGenerator.Generate(s.Seed, DateOnly.FromDateTime(s.Now.UtcDateTime));
        foreach (var chunk in technologies.Chunk(2_000))
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/ingest/technologies?source=bench", UriKind.Relative), chunk, Thirty3.Domain.DirectoryJson.Options);
            response.EnsureSuccessStatusCode();
        }

        var channel = Channel.CreateBounded<(byte[] Body, int Releases)>(new BoundedChannelOptions(s.Senders * 2) { SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            foreach (var package in OcdsSampleGenerator.GenerateReleasePackages(s.Processes, s.Seed, s.Now, s.BatchSize))
            {
                var count = ((JsonArray)package["releases"]!).Count;
                await channel.Writer.WriteAsync((Encoding.UTF8.GetBytes(package.ToJsonString()), count));
            }
            channel.Writer.Complete();
        });

        long releases = 0, stored = 0;
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = 0L;
        var senders = Enumerable.Range(0, s.Senders).Select(_ => Task.Run(async () =>
        {
            await foreach (var (body, count) in channel.Reader.ReadAllAsync())
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri("/api/ingest/releases?source=bench", UriKind.Relative), content);
                var text = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    await log.WriteLineAsync($"  ingest {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
                    continue;
                }
                using var result = JsonDocument.Parse(text);
                Interlocked.Add(ref stored, result.RootElement.GetProperty("stored").GetInt32() + result.RootElement.GetProperty("updated").GetInt32());
                var total = Interlocked.Add(ref releases, count);
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (total - lastReport >= 100_000)
                    {
                        lastReport = total;
                        log.WriteLine(FormattableString.Invariant($"  {total:N0} releases acknowledged, {total / clock.Elapsed.TotalSeconds:F0}/s, last batch {ms:F0} ms"));
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(senders.Append(producer));
        var acked = clock.Elapsed.TotalSeconds;

        // Searchable: the index holds every process (search's match-all total).
        while (await ApiProcess.IndexedCountAsync(http) < s.Processes)
        {
            if (clock.Elapsed > TimeSpan.FromHours(3))
            {
                throw new TimeoutException("The index did not catch up within 3 hours.");
            }
            await Task.Delay(50);
        }
        var searchable = clock.Elapsed.TotalSeconds;
        if (stored != releases || errors > 0)
        {
            await log.WriteLineAsync($"  warning: {releases} releases sent, {stored} stored or updated, {errors} failed batches");
        }
        return new LoadResult(releases, s.Processes, technologies.Count, acked, searchable, LatencyRun.From(latencies, errors, acked));
    }

    /// <summary><paramref name="clients"/> closed-loop clients send the query mix for a fixed time.</summary>
    public static async Task<LatencyRun> SearchAsync(Uri baseAddress, IReadOnlyList<BenchQuery> queries, int clients, TimeSpan duration, int startAt = 0)
    {
        using var http = Client(baseAddress, clients);
        var urls = queries.Select(q => new Uri(q.Url(), UriKind.Relative)).ToArray();
        var next = startAt;
        var errors = 0;
        var samples = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = [];
            while (clock.Elapsed < duration)
            {
                var url = urls[(Interlocked.Increment(ref next) & int.MaxValue) % urls.Length];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    mine.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return LatencyRun.From(samples.SelectMany(x => x).ToList(), errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The web site's search page for each query of the mix (same text and filters as the API search), one
    /// client, sequential GETs of the whole server-rendered HTML after a warm-up: what an SME waits for.
    /// </summary>
    public static async Task<LatencyRun> WebSearchPageAsync(Uri webAddress, IReadOnlyList<BenchQuery> queries, int count)
    {
        using var http = Client(webAddress, 1);
        var urls = queries.Select(q => new Uri("/opportunities" + q.Url()["/api/opportunities".Length..], UriKind.Relative)).ToArray();
        for (var i = 0; i < 20; i++)
        {
            using var warm = await http.GetAsync(urls[(i * 7) % urls.Length]);
        }
        var samples = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(urls[i % urls.Length], HttpCompletionOption.ResponseContentRead);
            var html = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // A page that could not reach the directory still renders 200 with an error panel: count it as an error.
            if (response.IsSuccessStatusCode && !html.Contains("data-testid=\"directory-unavailable\"", StringComparison.Ordinal))
            {
                samples.Add(ms);
            }
            else
            {
                errors++;
            }
        }
        return LatencyRun.From(samples, errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The same queries through HTTP and straight on a Lucene index opened on a copy of the API's index
    /// folder, interleaved query by query (alternating which side goes first) so both see the same machine state.
    /// </summary>
    public static async Task<OverheadResult> OverheadAsync(Uri baseAddress, string dataPath, IReadOnlyList<BenchQuery> queries, int count)
    {
        var copy = Path.Combine(dataPath, "index-copy");
        LuceneSearchIndex.DeleteFolder(copy);
        CopyFolder(Path.Combine(dataPath, "index", OpportunityIndex.Schema.Name), copy);
        using var index = new LuceneSearchIndex(copy, OpportunityIndex.Schema);
        using var http = Client(baseAddress, 1);
        var now = DateTimeOffset.UtcNow;

        async Task<double> Http(BenchQuery q)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(q.Url(), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        async Task<double> Direct(BenchQuery q)
        {
            var started = Stopwatch.GetTimestamp();
            var request = OpportunitySearchService.BuildRequest(q.ToQuery(), now);
            var response = await index.SearchAsync(request, CancellationToken.None);
            GC.KeepAlive(response);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        for (var i = 0; i < Math.Min(50, queries.Count); i++)
        {
            await Http(queries[i]);
            await Direct(queries[i]);
        }
        var httpMs = new List<double>(count);
        var directMs = new List<double>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var q = queries[(i + 50) % queries.Count];
            if (i % 2 == 0)
            {
                httpMs.Add(await Http(q));
                directMs.Add(await Direct(q));
            }
            else
            {
                directMs.Add(await Direct(q));
                httpMs.Add(await Http(q));
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        index.Dispose();
        LuceneSearchIndex.DeleteFolder(copy);
        return new OverheadResult(LatencyRun.From(httpMs, 0, seconds), LatencyRun.From(directMs, 0, seconds));
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            if (Path.GetFileName(file) != "write.lock")
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>
    /// Posts single new releases one at a time and measures from the acknowledgement (200 received) to the
    /// moment a search finds them. Each carries a unique made-up word in its title to search for.
    /// </summary>
    public static async Task<(LatencyRun Visible, LatencyRun Ack)> FreshnessAsync(Uri baseAddress, string key, BenchSettings s, int samples, int round)
    {
        using var http = Client(baseAddress, 2, key);
        var first = s.Processes + 10_000_000 + round * 100_000;
        var visible = new List<double>();
        var acks = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var index = first + i;
            var release = OcdsSampleGenerator.GenerateProcess(index, s.Seed, s.Now)[0];
            var ocid = release["ocid"]!.GetValue<string>();
            var token = Token(index);
            if (release["tender"] is JsonObject tender)
            {
                tender["title"] = $"{tender["title"]?.GetValue<string>()} {token}";
            }
            else
            {
                release["tender"] = new JsonObject { ["id"] = "fresh-" + token, ["title"] = token };
            }
            var started = Stopwatch.GetTimestamp();
            using (var content = new StringContent(release.ToJsonString(), Encoding.UTF8, "application/json"))
            using (var response = await http.PostAsync(new Uri("/api/ingest/releases?source=bench-freshness", UriKind.Relative), content))
            {
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    continue;
                }
            }
            var acked = Stopwatch.GetTimestamp();
            acks.Add(Stopwatch.GetElapsedTime(started, acked).TotalMilliseconds);
            var url = new Uri($"/api/opportunities?q={token}&pageSize=5", UriKind.Relative);
            while (true)
            {
                var body = await http.GetStringAsync(url);
                if (body.Contains(ocid, StringComparison.Ordinal))
                {
                    visible.Add(Stopwatch.GetElapsedTime(acked).TotalMilliseconds);
                    break;
                }
                if (Stopwatch.GetElapsedTime(acked) > TimeSpan.FromSeconds(60))
                {
                    errors++;
                    break;
                }
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return (LatencyRun.From(visible, errors, seconds), LatencyRun.From(acks, errors, seconds));

        static string Token(int index)
        {
            // Letters only, 12 of them, spread by a hash so no two are within a typo of each other in practice.
            var rng = new Random(index * 7919);
            var chars = new char[12];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)('a' + rng.Next(26));
            }
            return "zz" + new string(chars);
        }
    }

    /// <summary>POST /api/admin/reindex: both indexes rebuilt from the store; returns seconds and documents.</summary>
    public static async Task<(double Seconds, string Counts)> RebuildAsync(Uri baseAddress, string adminKey)
    {
        using var http = Client(baseAddress, 1, adminKey);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("/api/admin/reindex", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        var seconds = clock.Elapsed.TotalSeconds;
        using var doc = JsonDocument.Parse(body);
        var counts = string.Join(", ", doc.RootElement.EnumerateArray().Select(e => $"{e.GetProperty("index").GetString()} {e.GetProperty("documents").GetInt64().ToString("N0", CultureInfo.InvariantCulture)}"));
        return (seconds, counts);
    }
}
