using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Thirty3.Reliability.Tests;

/// <summary>
/// Pushes batches of notices to the real API while SIGKILLing it at random moments, restarts it,
/// and checks that nothing acknowledged was lost or duplicated and that the index always opens
/// (once it is corrupted between restarts and must be rebuilt from the store).
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 22;
    private const int BatchSize = 50;
    private const int Senders = 2;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "thirty3-reliability", Guid.NewGuid().ToString("n"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private static readonly Dictionary<string, string> Settings = new()
    {
        // The harness measures durability, not the limiter.
        ["RateLimits__Enabled"] = "false",
        ["Indexing__PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task PushWhileKilling_EveryAcknowledgedReleaseStoredOnceAndSearchable()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("THIRTY3_RELIABILITY_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 33;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(_dataPath);
        var key = (await ApiProcess.RunCliAsync(_dataPath, "keys", "create", "--name", "reliability-harness")).Split('\n')[^1].Trim();
        Assert.StartsWith("t33_", key, StringComparison.Ordinal);

        var acknowledged = new ConcurrentDictionary<string, byte>();
        var attempted = new ConcurrentDictionary<string, byte>();
        var nextBatch = 0;
        var kills = 0;
        var corruptedAt = -1;
        var rotatedAt = -1;
        var batchesAcknowledged = 0;
        var batchesCut = 0;

        for (var cycle = 0; cycle < Kills && clock.Elapsed < Budget; cycle++)
        {
            using var api = ApiProcess.Start(_dataPath, Settings);
            await api.WaitReadyAsync(_http, TimeSpan.FromSeconds(60));
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = Interlocked.Increment(ref nextBatch);
                    var ocids = Enumerable.Range(0, BatchSize).Select(i => $"ocds-rel-{batch:D6}-{i:D2}").ToList();
                    foreach (var ocid in ocids)
                    {
                        attempted.TryAdd(ocid, 0);
                    }
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, "api/ingest/releases"))
                        {
                            Content = new StringContent(Package(ocids), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                        };
                        request.Headers.Add("X-Api-Key", key);
                        using var response = await _http.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body}");
                        if (response.IsSuccessStatusCode)
                        {
                            foreach (var item in JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray())
                            {
                                if (item.GetProperty("status").GetString() is "stored" or "updated" or "unchanged")
                                {
                                    acknowledged.TryAdd(item.GetProperty("ocid").GetString()!, 0);
                                }
                            }
                            Interlocked.Increment(ref batchesAcknowledged);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The process died under this request: its batch is unacknowledged.
                        Interlocked.Increment(ref batchesCut);
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(random.Next(200, 2_000));
            api.Kill();
            kills++;
            await stop.CancelAsync();
            await Task.WhenAll(senders);

            if (cycle == Kills / 2)
            {
                CorruptIndex();
                corruptedAt = cycle;
            }
            if (cycle == Kills / 3)
            {
                // Rotation with the API down, as an operator would from the CLI: the new key carries on.
                var id = key.Split('_')[1];
                key = (await ApiProcess.RunCliAsync(_dataPath, "keys", "rotate", id, "--grace", "1h")).Split('\n')[^1].Trim();
                rotatedAt = cycle;
            }
        }

        using var final = ApiProcess.Start(_dataPath, Settings);
        await final.WaitReadyAsync(_http, TimeSpan.FromSeconds(60));
        var (found, duplicated) = await WaitForIndexAsync(final, acknowledged.Keys.ToHashSet(), TimeSpan.FromSeconds(90));
        var lost = acknowledged.Keys.Where(o => !found.Contains(o)).ToList();
        var unknown = found.Where(o => !attempted.ContainsKey(o)).ToList();
        var storedUnacknowledged = found.Count(o => !acknowledged.ContainsKey(o));
        var detailFailures = await CheckDetailsAsync(final, acknowledged.Keys.ToList());

        var report = string.Join(Environment.NewLine,
            $"kill-and-restart (seed {seed}, {clock.Elapsed.TotalSeconds:F0} s)",
            $"kills survived:               {kills}",
            $"batches acknowledged / cut:   {batchesAcknowledged} / {batchesCut}",
            $"releases attempted:           {attempted.Count}",
            $"releases acknowledged:        {acknowledged.Count}",
            $"stored but unacknowledged:    {storedUnacknowledged}",
            $"lost (acknowledged, missing): {lost.Count}",
            $"duplicated in search:         {duplicated}",
            $"detail lookups failed:        {detailFailures}",
            $"index corrupted after kill:   {corruptedAt}",
            $"key rotated after kill:       {rotatedAt}");
        output.WriteLine(report);
        var file = Path.Combine(AppContext.BaseDirectory, "reliability-kill-restart.txt");
        await File.WriteAllTextAsync(file, report + Environment.NewLine);
        output.WriteLine($"(written to {file})");

        Assert.True(kills >= 20, $"Only {kills} kills within the time budget.");
        Assert.True(acknowledged.Count > 0, "Nothing was acknowledged.");
        Assert.Empty(lost.Take(20));
        Assert.Equal(0, duplicated);
        Assert.Empty(unknown.Take(20));
        Assert.Equal(0, detailFailures);
    }

    /// <summary>Overwrites every file of the opportunities index: start-up must notice and rebuild from the store.</summary>
    private void CorruptIndex()
    {
        var folder = Path.Combine(_dataPath, "index", "opportunities");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            File.WriteAllBytes(file, [0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
        }
    }

    /// <summary>Pages through every opportunity with the cursor until all acknowledged ocids are searchable.</summary>
    private async Task<(HashSet<string> Found, int Duplicated)> WaitForIndexAsync(ApiProcess api, HashSet<string> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var url = $"api/opportunities?sort=newest&pageSize=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}";
                using var page = JsonDocument.Parse(await _http.GetStringAsync(new Uri(api.BaseAddress, url)));
                seen.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("opportunity").GetProperty("ocid").GetString()!));
                cursor = page.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);
            var found = seen.ToHashSet();
            if (expected.IsSubsetOf(found) || DateTime.UtcNow > deadline)
            {
                return (found, seen.Count - found.Count);
            }
            await Task.Delay(250);
        }
    }

    private async Task<int> CheckDetailsAsync(ApiProcess api, List<string> ocids)
    {
        var failures = 0;
        await Parallel.ForEachAsync(ocids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (ocid, cancellationToken) =>
        {
            using var response = await _http.GetAsync(new Uri(api.BaseAddress, $"api/opportunities/{ocid}"), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || !(await response.Content.ReadAsStringAsync(cancellationToken)).Contains(ocid, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }
        });
        return failures;
    }

    private static string Package(IEnumerable<string> ocids)
    {
        var releases = ocids.Select(ocid => $$$"""
            {"ocid":"{{{ocid}}}","id":"{{{ocid}}}-tender","date":"2025-01-10T09:00:00Z","tag":["tender"],"initiationType":"tender",
             "parties":[{"id":"GB-CFS-1","name":"Testshire County Council","roles":["buyer"]}],
             "buyer":{"id":"GB-CFS-1","name":"Testshire County Council"},
             "tender":{"id":"T1","title":"Resilience test {{{ocid}}}","description":"Kill and restart.","status":"active",
               "classification":{"scheme":"CPV","id":"72000000","description":"IT services"},
               "value":{"amount":1000,"currency":"GBP"},"tenderPeriod":{"endDate":"2099-01-01T12:00:00Z"}} }
            """);
        return $$"""{"uri":"https://example.test/p","publishedDate":"2025-03-01T00:00:00Z","publisher":{"name":"Harness"},"version":"1.1","releases":[{{string.Join(",", releases)}}]}""";
    }
}
