using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Thirty3.DirectoryApi.Tests.Fuzz;

/// <summary>
/// Sends 10,000+ generated hostile requests to every ingest and query endpoint. The contract:
/// never a 5xx; every 4xx is <c>application/problem+json</c> (401, 403 and 404 included: the
/// pipeline answers empty error responses with problem details too); memory stays bounded.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("THIRTY3_FUZZ_INPUTS"), CultureInfo.InvariantCulture, out var n) && n >= 10_000 ? n : 10_000;
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static List<JsonObject> ReleaseSeeds()
    {
        var seeds = new List<JsonObject>
        {
            (JsonObject)JsonNode.Parse(Notices.Tender("ocds-seed-1", "Street lighting"))!,
            (JsonObject)JsonNode.Parse(Notices.Award("ocds-seed-1"))!,
            (JsonObject)JsonNode.Parse(Notices.Tender("ocds-seed-2", "Merton CRM", buyerId: "GB-CFS-18525", buyerName: "London Borough of Merton"))!,
        };
        return seeds;
    }

    /// <summary>Real notices (when ../shared/data is present) as mutation seeds; each file must still be accepted as sent.</summary>
    private async Task<List<JsonObject>> RealSeedsAsync(HttpClient publisher)
    {
        var seeds = new List<JsonObject>();
        var root = SharedDataRoot();
        if (root is null)
        {
            output.WriteLine("../shared/data not present: mutating the built-in notices only.");
            return seeds;
        }
        foreach (var file in SharedData.OcdsFiles(root))
        {
            var text = await File.ReadAllTextAsync(file);
            var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(text));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Real file {Path.GetFileName(file)} refused: {(int)response.StatusCode}");
            var node = JsonNode.Parse(text);
            var releases = node switch
            {
                JsonArray array => array,
                JsonObject { } o when o["releases"] is JsonArray r => r,
                JsonObject { } o when o["records"] is JsonArray records => records.OfType<JsonObject>().SelectMany(r => r["releases"] as JsonArray ?? []).ToJsonArray(),
                JsonObject { } o => new JsonArray(o.DeepClone()),
                _ => [],
            };
            seeds.AddRange(releases.OfType<JsonObject>().Take(20).Select(r => (JsonObject)r.DeepClone()));
        }
        return seeds;
    }

    private static string? SharedDataRoot()
    {
        try
        {
            return SharedData.Require();
        }
        catch (SkipException)
        {
            return null;
        }
    }

    [Fact]
    public async Task EveryEndpoint_GeneratedHostileInput_Never5xxAlwaysProblemJsonMemoryBounded()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("THIRTY3_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 3333;
        _factory.ExtraSettings["RateLimits:Enabled"] = "false";
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = _factory.CreateClient(),
            ["publisher"] = await _factory.CreatePublisherClientAsync(name: "fuzz-publisher"),
            ["admin"] = await _factory.CreatePublisherClientAsync(admin: true, name: "fuzz-admin"),
        };
        var seeds = ReleaseSeeds();
        seeds.AddRange(await RealSeedsAsync(clients["publisher"]));
        var inputs = new FuzzInputs(seed, seeds);

        // Warm up, then measure from a settled heap.
        for (var i = 0; i < 50; i++)
        {
            await SendAsync(clients, inputs.Create(-1 - i));
        }
        await _factory.IndexAsync();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        var counts = new ConcurrentDictionary<(string Endpoint, int Status), int>();
        var failures = new ConcurrentQueue<string>();
        var clientRefused = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Inputs), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var input = inputs.Create(i);
            HttpResponseMessage? response;
            try
            {
                response = await SendAsync(clients, input);
            }
            catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException or InvalidOperationException)
            {
                // HttpClient itself refused to build the request (e.g. a URL it cannot encode).
                Interlocked.Increment(ref clientRefused);
                return;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                counts.AddOrUpdate((input.Endpoint, status), 1, (_, n) => n + 1);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                {
                    failures.Enqueue($"#{i} {status} {input.Describe()}\n  -> {Cut(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && mediaType != "application/problem+json")
                {
                    failures.Enqueue($"#{i} {status} with '{mediaType}' instead of problem+json: {input.Describe()}");
                }
            }
        });
        await _factory.IndexAsync();
        var logged = _factory.Logs.Entries.Count;
        var warnings = _factory.Logs.Entries.GroupBy(e => e.Category).Select(g => $"{g.Key}:{g.Count()}").Take(5).ToList();
        // The test's own log capture is not the API's memory.
        _factory.Logs.Entries.Clear();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"fuzz (seed {seed}): {Inputs} inputs in {clock.Elapsed.TotalSeconds:F0} s, {clientRefused} refused by HttpClient before sending, {seeds.Count} release seeds");
        foreach (var endpoint in counts.GroupBy(c => c.Key.Endpoint).OrderBy(g => g.Key))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {endpoint.Key,-26} {endpoint.Sum(c => c.Value),5}  {string.Join(" ", endpoint.OrderBy(c => c.Key.Status).Select(c => $"{c.Key.Status}:{c.Value}"))}");
        }
        var byStatus = counts.GroupBy(c => c.Key.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Sum(c => c.Value)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  by status: {string.Join(" ", byStatus)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  warnings logged: {logged} ({string.Join(", ", warnings)})");
        report.AppendLine(CultureInfo.InvariantCulture, $"  5xx seen: {counts.Where(c => c.Key.Status >= 500).Sum(c => c.Value)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  managed heap: {heapBefore / 1_048_576} MB -> {heapAfter / 1_048_576} MB; working set {workingSetBefore / 1_048_576} MB -> {workingSetAfter / 1_048_576} MB");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-results.txt"), report.ToString());

        Assert.True(failures.IsEmpty, $"{failures.Count} bad responses; first ones:\n{string.Join("\n", failures.Take(15))}");
        Assert.True(counts.Values.Sum() >= Inputs - clientRefused);
        // Caches and Lucene's buffers level off at about 200 MB (the same at 25,000 inputs as at 10,000).
        Assert.True(heapAfter - heapBefore < 512L * 1_048_576, $"Managed heap grew by {(heapAfter - heapBefore) / 1_048_576} MB.");
        Assert.True(workingSetAfter - workingSetBefore < 1_536L * 1_048_576, $"Working set grew by {(workingSetAfter - workingSetBefore) / 1_048_576} MB.");
    }

    private static async Task<HttpResponseMessage> SendAsync(Dictionary<string, HttpClient> clients, FuzzCase input)
    {
        using var request = new HttpRequestMessage(input.Method, input.Url);
        if (input.Body is not null)
        {
            request.Content = new ByteArrayContent(input.Body);
            if (!string.IsNullOrEmpty(input.ContentType))
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
            }
        }
        var response = await clients[input.Client].SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";
}

/// <summary>Alone, so the memory it measures is its own and not that of tests running beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz";
}

internal static class JsonArrayExtensions
{
    public static JsonArray ToJsonArray(this IEnumerable<JsonNode?> nodes) => new(nodes.Select(n => n?.DeepClone()).ToArray());
}
