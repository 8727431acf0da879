using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Thirty3.DirectoryApi;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;
using Thirty3.SampleData;
using Thirty3.Search.Lucene;

namespace Thirty3.Bench;

/// <summary>
/// Where ingest time goes, without HTTP: (1) the CPU phases of ReleaseIngestService and the projector
/// replayed one by one with a stopwatch, (2) the real ReleaseIngestService and IndexProjector.DrainAsync
/// hosted in this process on a real data folder, timed as a whole; the difference between (2) and the CPU
/// phases is EF Core + SQLite (+ fsync) and Lucene commit.
/// </summary>
public static class IngestProfile
{
    public static void Run(BenchSettings s, TextWriter output) => RunAsync(s, output).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchSettings s, TextWriter output)
    {
        var packages = OcdsSampleGenerator.GenerateReleasePackages(s.Processes, s.Seed, s.Now, s.BatchSize)
            .Select(p => Encoding.UTF8.GetBytes(p.ToJsonString())).ToList();
        long releases = 0;

        // (1) CPU phases, in the order the service runs them.
        var t = new Dictionary<string, double>();
        void Time(string phase, Action action)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            t[phase] = t.GetValueOrDefault(phase) + Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var labels = new CpvLabelCache();
        var documents = 0;
        const string luceneFolder = "/dev/shm/thirty3-bench-lucene";
        LuceneSearchIndex.DeleteFolder(luceneFolder);
        var lucene = new LuceneSearchIndex(luceneFolder, OpportunityIndex.Schema);
        long watermark = 0;
        foreach (var body in packages)
        {
            JsonNode? root = null;
            IReadOnlyList<PayloadRelease> items = [];
            var normalised = new List<NormalisedRelease>();
            var stored = new List<(NormalisedRelease Release, string Json)>();
            var compiled = new List<CompiledOpportunity>();
            var details = new List<string>();
            Time("1 JSON parse of the request body (JsonNode.Parse)", () => root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }));
            Time("2 OcdsPayload.Read", () => items = OcdsPayload.Read(root).Releases);
            Time("3 ReleaseNormaliser.Normalise (DeepClone, ids, tags)", () => normalised.AddRange(items.Select(i => ReleaseNormaliser.Normalise(i).Release!)));
            Time("4 release ToJsonString + SHA-256 content hash", () =>
            {
                foreach (var r in normalised)
                {
                    var json = r.Json.ToJsonString();
                    _ = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
                    stored.Add((r, json));
                }
            });
            Time("5 re-parse stored releases for compile (ToStored: JsonNode.Parse)", () =>
            {
                for (var i = 0; i < stored.Count; i++)
                {
                    var r = stored[i].Release;
                    stored[i] = (r with { Json = (JsonObject)JsonNode.Parse(stored[i].Json)! }, stored[i].Json);
                }
            });
            Time("6 OpportunityCompiler.Compile (OCDS merge + summary)", () =>
            {
                foreach (var process in stored.GroupBy(r => r.Release.Ocid))
                {
                    compiled.Add(OpportunityCompiler.Compile(process.Select(p => new StoredRelease(p.Release, "bench")).ToList(), labels));
                }
            });
            Time("7 serialise detail + compiled release for the store", () =>
            {
                foreach (var c in compiled)
                {
                    details.Add(JsonSerializer.Serialize(c.Detail, DirectoryJson.Options));
                    _ = c.CompiledRelease.ToJsonString();
                }
            });
            var batchDocuments = new List<Thirty3.Domain.Search.IndexDocument>();
            Time("8 projector: deserialise detail + OpportunityDocuments.ToDocument", () =>
            {
                foreach (var d in details)
                {
                    batchDocuments.Add(OpportunityDocuments.ToDocument(JsonSerializer.Deserialize<OpportunityDetail>(d, DirectoryJson.Options)!));
                    documents++;
                }
            });
            Time("9 projector: Lucene ApplyAsync of the batch's documents (/dev/shm, NRT refresh)", () =>
                lucene.ApplyAsync(batchDocuments, [], ++watermark, CancellationToken.None).GetAwaiter().GetResult());
            releases += items.Count;
        }
        lucene.Dispose();
        LuceneSearchIndex.DeleteFolder(luceneFolder);
        var cpu = t.Values.Sum();
        await output.WriteLineAsync(FormattableString.Invariant($"CPU phases, {releases:N0} releases in {packages.Count} batches of {s.BatchSize} ({documents:N0} process compilations), single thread:"));
        foreach (var (phase, ms) in t.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(FormattableString.Invariant($"  {phase,-70} {ms,8:F0} ms  {ms / releases * 1000,7:F1} µs/release"));
        }
        await output.WriteLineAsync(FormattableString.Invariant($"  {"total CPU phases",-70} {cpu,8:F0} ms  {cpu / releases * 1000,7:F1} µs/release  => at most {releases / (cpu / 1000):F0} releases/s on one core"));

        // (2) The real service and projector in this process, on a real data folder.
        foreach (var folder in new[] { s.DataPath, "/dev/shm/thirty3-bench-profile" }.Distinct())
        {
            if (folder.StartsWith("/dev/shm", StringComparison.Ordinal) && !System.IO.Directory.Exists("/dev/shm"))
            {
                continue;
            }
            await HostedAsync(folder, packages, releases, output);
        }
    }

    private static async Task HostedAsync(string folder, List<byte[]> packages, long releases, TextWriter output)
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        var builder = WebApplication.CreateBuilder(["--Data:Path=" + folder]);
        builder.Logging.ClearProviders();
        builder.AddDirectory();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        var projector = app.Services.GetRequiredService<IndexProjector>();
        var publisher = new Publisher("bench", "bench", false, null);

        double ingestMs = 0, drainMs = 0, parseMs = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var body in packages)
        {
            var started = Stopwatch.GetTimestamp();
            var payload = JsonNode.Parse(body);
            parseMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ReleaseIngestService>().IngestAsync(payload, "bench", publisher, CancellationToken.None);
            }
            ingestMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // The projector drains up to 1,000 processes per Lucene commit; draining every other batch of 500 releases
            // (~200 processes each) is close to what it does while HTTP ingest runs.
            started = Stopwatch.GetTimestamp();
            await projector.DrainAsync(CancellationToken.None);
            drainMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        app.Services.GetRequiredService<SearchIndexes>().Dispose();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var total = parseMs + ingestMs + drainMs;
        await output.WriteLineAsync(FormattableString.Invariant($"Hosted in-process on {folder} (real ReleaseIngestService + IndexProjector.DrainAsync after each batch), single sender:"));
        await output.WriteLineAsync(FormattableString.Invariant($"  {"parse body",-70} {parseMs,8:F0} ms  {parseMs / total * 100,5:F1}%"));
        await output.WriteLineAsync(FormattableString.Invariant($"  {"ReleaseIngestService.IngestAsync (CPU phases 2-7 + EF + SQLite commit)",-70} {ingestMs,8:F0} ms  {ingestMs / total * 100,5:F1}%"));
        await output.WriteLineAsync(FormattableString.Invariant($"  {"IndexProjector.DrainAsync (load details, ToDocument, Lucene apply + commit)",-70} {drainMs,8:F0} ms  {drainMs / total * 100,5:F1}%"));
        await output.WriteLineAsync(FormattableString.Invariant($"  {"total",-70} {total,8:F0} ms  => {releases / (total / 1000):F0} releases/s"));
        await output.WriteLineAsync(FormattableString.Invariant($"  {"CPU time of this process (all threads: merges, GC)",-70} {cpuMs,8:F0} ms  => {cpuMs * 1000 / releases:F0} µs/release"));
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
