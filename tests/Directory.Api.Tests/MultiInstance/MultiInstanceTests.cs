using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Opportunities;
using Xunit.Abstractions;

namespace Thirty3.DirectoryApi.Tests.MultiInstance;

/// <summary>
/// Two API instances (each with its own Lucene index) sharing one PostgreSQL database, as behind a
/// load balancer. PostgreSQL only: SQLite is a single-instance store.
/// </summary>
public sealed class MultiInstanceTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);
    private readonly ITestOutputHelper _output;
    private readonly PostgresDirectoryApiFactory _a;
    private readonly PostgresDirectoryApiFactory _b;

    public MultiInstanceTests(ITestOutputHelper output)
    {
        _output = output;
        _a = new PostgresDirectoryApiFactory();
        _b = _a.AnotherInstance();
    }

    public void Dispose()
    {
        _b.Dispose();
        _b.DeleteData();
        _a.Dispose();
        _a.DeleteData();
    }

    [SkippableFact]
    public async Task Ingest_OnInstanceA_SearchableOnInstanceBWithinASecond()
    {
        var publisherA = await _a.CreatePublisherClientAsync();
        var readerB = _b.CreateClient();
        // Both hosts up and idle before the clock starts.
        await readerB.GetAsync("/api/opportunities?pageSize=1");

        var clock = Stopwatch.StartNew();
        var response = await publisherA.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-mi-1", "Parking enforcement platform"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var acknowledged = clock.Elapsed;
        var found = await PollAsync(async () =>
            (await readerB.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?q=parking", DirectoryJson.Options))!.Total == 1, Deadline);

        _output.WriteLine($"Acknowledged by A after {acknowledged.TotalMilliseconds:F0} ms; searchable on B after {clock.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.True(found, $"Not searchable on B within {Deadline.TotalMilliseconds} ms of the ingest on A.");
    }

    [SkippableFact]
    public async Task Ingest_OverlappingBatchesFromBothAtOnce_EachReleaseStoredOnce()
    {
        var publisherA = await _a.CreatePublisherClientAsync();
        var publisherB = await _b.CreatePublisherClientAsync();
        var releases = Enumerable.Range(0, 60).Select(i => Notices.Tender($"ocds-mi-o-{i}", $"Overlap notice {i}")).ToList();
        // A sends 0..39 and B 20..59, in slices, at the same time: 20 releases arrive from both.
        var fromA = Slices(releases[..40]).Select(batch => Post(publisherA, batch));
        var fromB = Slices(releases[20..]).Select(batch => Post(publisherB, batch));

        var results = await Task.WhenAll(fromA.Zip(fromB).SelectMany(pair => new[] { pair.First, pair.Second }));
        await Task.WhenAll(_a.IndexAsync(), _b.IndexAsync());

        Assert.Equal(60, results.Sum(r => r.Stored));
        Assert.Equal(20, results.Sum(r => r.Unchanged));
        Assert.Equal(0, results.Sum(r => r.Rejected));
        var (releasesStored, opportunities) = await StoreCountsAsync();
        Assert.Equal(60, releasesStored);
        Assert.Equal(60, opportunities);
        Assert.Equal(60, await IndexCountAsync(_a));
        Assert.Equal(60, await IndexCountAsync(_b));
    }

    [SkippableFact]
    public async Task Drain_BothInstancesAtOnceWhileIngesting_LosesAndDuplicatesNothing()
    {
        var publisherA = await _a.CreatePublisherClientAsync();
        var publisherB = await _b.CreatePublisherClientAsync();
        using var stop = new CancellationTokenSource();
        // Both instances drain in tight loops (besides their own background projectors) while both ingest.
        var drains = new[] { DrainUntil(_a, stop.Token), DrainUntil(_b, stop.Token), DrainUntil(_a, stop.Token), DrainUntil(_b, stop.Token) };
        var writes = new List<Task<IngestResult>>();
        for (var batch = 0; batch < 10; batch++)
        {
            var releases = Enumerable.Range(batch * 10, 10).Select(i => Notices.Tender($"ocds-mi-d-{i}", $"Drained notice {i}")).ToList();
            writes.Add(Post(batch % 2 == 0 ? publisherA : publisherB, releases));
        }
        var results = await Task.WhenAll(writes);
        await stop.CancelAsync();
        await Task.WhenAll(drains);
        await Task.WhenAll(_a.IndexAsync(), _b.IndexAsync());

        Assert.Equal(100, results.Sum(r => r.Stored));
        var (_, opportunities) = await StoreCountsAsync();
        Assert.Equal(100, opportunities);
        foreach (var instance in new[] { _a, _b })
        {
            var search = await instance.CreateClient().GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?q=drained&pageSize=1", DirectoryJson.Options);
            Assert.Equal(100, search!.Total);
            Assert.Equal(100, await IndexCountAsync(instance));
        }
    }

    [SkippableFact]
    public async Task Prune_AfterBothApplied_NewInstanceRebuildsInsteadOfReplayingAGap()
    {
        _a.ExtraSettings["Indexing:Retention"] = "00:00:00";
        _b.ExtraSettings["Indexing:Retention"] = "00:00:00";
        var publisherA = await _a.CreatePublisherClientAsync();
        _b.CreateClient();
        await Post(publisherA, Enumerable.Range(0, 5).Select(i => Notices.Tender($"ocds-mi-p-{i}", $"Pruned notice {i}")).ToList());
        await Task.WhenAll(_a.IndexAsync(), _b.IndexAsync());

        // Both report their watermarks; then the log holds nothing either still needs.
        await _b.Services.GetRequiredService<IndexProjector>().ReportAndPruneIfDueAsync(CancellationToken.None, force: true);
        await _a.Services.GetRequiredService<IndexProjector>().ReportAndPruneIfDueAsync(CancellationToken.None, force: true);
        await using (var scope = _a.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().IndexChanges.CountAsync());
        }
        using var c = _a.AnotherInstance();
        try
        {
            await c.IndexAsync();
            Assert.Equal(5, await IndexCountAsync(c));
        }
        finally
        {
            c.Dispose();
            c.DeleteData();
        }
    }

    private static IEnumerable<List<string>> Slices(List<string> releases) => releases.Chunk(5).Select(c => c.ToList());

    private static async Task<IngestResult> Post(HttpClient client, List<string> releases)
    {
        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package([.. releases])));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestResult>(DirectoryJson.Options))!;
    }

    private static async Task DrainUntil(DirectoryApiFactory instance, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await instance.IndexAsync();
            await Task.Yield();
        }
    }

    private async Task<(int Releases, int Opportunities)> StoreCountsAsync()
    {
        await using var scope = _a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return (await db.Releases.CountAsync(), await db.Opportunities.CountAsync());
    }

    private static Task<long> IndexCountAsync(DirectoryApiFactory instance) =>
        instance.Services.GetRequiredService<SearchIndexes>().Opportunities.CountAsync(CancellationToken.None);

    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(10);
        }
        return await condition();
    }
}
