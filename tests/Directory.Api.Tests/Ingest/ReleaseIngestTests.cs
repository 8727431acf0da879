using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Opportunities;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>Runs against every store: SQLite always, PostgreSQL when <c>THIRTY3_TEST_POSTGRES</c> is set.</summary>
public abstract class ReleaseIngestTests(DirectoryApiFactory factory) : IDisposable
{
    private readonly DirectoryApiFactory _factory = factory;

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static async Task<IngestResult> ReadResult(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<IngestResult>(DirectoryJson.Options))!;

    [SkippableFact]
    public async Task IngestReleases_SameReleaseTwice_StoredThenUnchanged()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = Notices.Package(Notices.Tender("ocds-test-1", "Library management system"));

        var first = await ReadResult(await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body)));
        var second = await ReadResult(await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body)));

        Assert.Equal(1, first.Stored);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(0, second.Stored);
    }

    [SkippableFact]
    public async Task IngestReleases_TenderThenAward_OneOpportunityAtAwardStage()
    {
        var client = await _factory.CreatePublisherClientAsync();
        await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-test-2", "Revenues and benefits system"))));
        await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Award("ocds-test-2"))));
        await _factory.IndexAsync();

        var detail = await client.GetFromJsonAsync<OpportunityDetail>("/api/opportunities/ocds-test-2", DirectoryJson.Options);
        var search = await client.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?q=revenues", DirectoryJson.Options);

        Assert.Equal(Stages.Award, detail!.Summary.Stage);
        Assert.Equal("Revenues and benefits system", detail.Summary.Title);
        Assert.Equal(2, detail.Notices.Count);
        Assert.Equal("Acme Software Ltd", Assert.Single(detail.Summary.Suppliers).Name);
        Assert.Equal(1, search!.Total);
        Assert.Equal(Stages.Award, search.Items[0].Opportunity.Stage);
    }

    [SkippableFact]
    public async Task IngestReleases_ConcurrentBatchesOfOneProcess_CompiledFromEveryRelease()
    {
        // Batches are planned (compiled) before they enter the write gate; each must still see the
        // releases another batch committed meanwhile, or the process would lose notices.
        var client = await _factory.CreatePublisherClientAsync();
        var posts = Enumerable.Range(1, 12).Select(i => client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(
            Notices.Tender("ocds-test-concurrent", $"Amendment {i:00} of the parking permits system", date: $"2025-01-{i:00}T09:00:00Z", id: $"tender-{i}")))));

        var responses = await Task.WhenAll(posts);
        await _factory.IndexAsync();
        var detail = await client.GetFromJsonAsync<OpportunityDetail>("/api/opportunities/ocds-test-concurrent", DirectoryJson.Options);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(12, detail!.Notices.Count);
        Assert.Equal("Amendment 12 of the parking permits system", detail.Summary.Title);
    }

    [SkippableFact]
    public async Task IngestReleases_SupplierLaterNamedAsBuyer_OrganisationKeepsBothRolesAndScale()
    {
        var client = await _factory.CreatePublisherClientAsync();
        await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(
            Notices.Tender("ocds-test-roles-1", "Grounds maintenance"), Notices.Award("ocds-test-roles-1"))));
        // The same company (by Companies House number) buys something later, without a scale this time.
        await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(
            Notices.Tender("ocds-test-roles-2", "Office cleaning", buyerId: "GB-COH-1234567", buyerName: "Acme Software Limited"))));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Thirty3.DirectoryApi.Store.DirectoryDbContext>();
        var acme = await db.Organisations.SingleAsync(o => o.Id.Contains("1234567"));
        var council = await db.Organisations.SingleAsync(o => o.Name == "Testshire County Council");

        Assert.True(acme.IsSupplier);
        Assert.True(acme.IsBuyer);
        Assert.Equal("sme", acme.Scale);
        Assert.Equal("Acme Software Limited", acme.Name);
        Assert.True(council.IsBuyer);
        Assert.False(council.IsSupplier);
    }

    [SkippableFact]
    public async Task IngestReleases_MixedBatch_ReportsEachItemWithReasonAndPath()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = $$"""[{{Notices.Tender("ocds-test-3", "Good one")}}, {"id":"x","date":"2025-01-01T00:00:00Z"}, 42]""";

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));
        var result = await ReadResult(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IngestItemStatus.Stored, result.Items[0].Status);
        Assert.Equal(IngestItemStatus.Rejected, result.Items[1].Status);
        Assert.Equal("$[1].ocid", result.Items[1].Path);
        Assert.Equal("$[2]", result.Items[2].Path);
        Assert.Contains("object", result.Items[2].Reason, StringComparison.Ordinal);

        var rejections = await client.GetFromJsonAsync<JsonElement>("/api/ingest/rejections");
        Assert.Equal(2, rejections.GetArrayLength());
    }

    [SkippableFact]
    public async Task IngestReleases_AllRejected_422ProblemWithItems()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json("""[{"ocid":"ocds-x","date":"nope"}]"""));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("$[0].date", problem.GetProperty("items")[0].GetProperty("path").GetString());
    }

    [SkippableTheory]
    [InlineData("{\"releases\": [", "line 1")]
    [InlineData("{\"hello\": \"world\"}", "OCDS")]
    [InlineData("\"just a string\"", "JSON object or array")]
    public async Task IngestReleases_BadBody_400ProblemSayingWhatAndWhere(string body, string expected)
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task IngestReleases_WrongContentType_415Problem()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.PostAsync("/api/ingest/releases", new StringContent("<xml/>", System.Text.Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [SkippableFact]
    public async Task IngestReleases_DeeplyNestedJson_400NotCrash()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = new string('[', 5_000) + new string(']', 5_000);

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task IngestReleases_AcknowledgedRelease_SurvivesRestartAndIsSearchable()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-test-9", "Highways resurfacing framework"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _factory.Dispose();

        using var restarted = _factory.Restart();
        var again = restarted.CreateClient();
        await restarted.IndexAsync();
        var detail = await again.GetAsync("/api/opportunities/ocds-test-9");
        var search = await again.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?q=resurfacing", DirectoryJson.Options);

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal("ocds-test-9", search!.Items.Single().Opportunity.Ocid);
    }

    [SkippableFact]
    public async Task IngestReleases_EveryRealFile_EachReleaseStoredOrRejectedWithReason()
    {
        var root = SharedData.Require();
        // Below: one search per real process, faster than a client's read limit allows.
        _factory.ExtraSettings["RateLimits:Enabled"] = "false";
        var client = await _factory.CreatePublisherClientAsync();
        var received = 0;
        var stored = 0;
        foreach (var file in SharedData.OcdsFiles(root))
        {
            var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(await File.ReadAllTextAsync(file)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = await ReadResult(response);
            Assert.All(result.Items.Where(i => i.Status == IngestItemStatus.Rejected), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
            received += result.Received;
            stored += result.Stored;
        }
        await _factory.IndexAsync();
        var all = await client.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?pageSize=1", DirectoryJson.Options);

        var cf2015Files = Directory.GetFiles(Path.Combine(root, "ocds", "contracts-finder-2015"), "*.json").Length;
        Assert.Equal(cf2015Files + 101 + 90, received);
        Assert.Equal(received, stored);
        // One process per CF 2015 file, 95 CF 2025 processes (some with several releases), 90 PCS processes.
        Assert.Equal(cf2015Files + 95 + 90, all!.Total);

        // Each real notice is found first by its own title (or tied with one of the same title).
        var everything = new List<OpportunitySummary>();
        for (var page = 1; page <= 3; page++)
        {
            everything.AddRange((await client.GetFromJsonAsync<OpportunitySearchResult>($"/api/opportunities?pageSize=100&sort=newest&page={page}", DirectoryJson.Options))!.Items.Select(i => i.Opportunity));
        }
        Assert.Equal(all.Total, everything.Count);
        var misses = new List<string>();
        foreach (var opportunity in everything)
        {
            var q = Uri.EscapeDataString(opportunity.Title.Length > 200 ? opportunity.Title[..200] : opportunity.Title);
            var found = await client.GetFromJsonAsync<OpportunitySearchResult>($"/api/opportunities?q={q}&pageSize=5", DirectoryJson.Options);
            if (!string.Equals(found!.Items.FirstOrDefault()?.Opportunity.Title, opportunity.Title, StringComparison.OrdinalIgnoreCase))
            {
                misses.Add($"{opportunity.Ocid} '{opportunity.Title}' -> '{found.Items.FirstOrDefault()?.Opportunity.Title}'");
            }
        }
        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }
}

public sealed class SqliteReleaseIngestTests() : ReleaseIngestTests(new DirectoryApiFactory());

public sealed class PostgresReleaseIngestTests() : ReleaseIngestTests(new PostgresDirectoryApiFactory());
