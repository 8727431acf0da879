using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Sources;

namespace Thirty3.DirectoryApi.Tests.Auth;

/// <summary>
/// OWASP API1 (broken object level authorisation) for every write endpoint: a key scoped to some
/// organisations cannot write for others, nor take over what they published, and each refusal is
/// logged with the key id, the organisation and the path. Admin endpoints need an admin key.
/// </summary>
public abstract class ObjectLevelAuthorisationTests(DirectoryApiFactory factory) : IDisposable
{
    private const string Lambeth = "E09000022";
    private const string Merton = "E09000024";
    private readonly DirectoryApiFactory _factory = factory;

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static string TechnologyJson(string borough, string? id = null, string product = "Civica Revenues") =>
        JsonSerializer.Serialize(new[] { new { id, borough, serviceArea = "Revenues", function = "Council tax", product, supplier = "Civica" } });

    private void AssertRefusalLogged(string keyId, string buyer, string path)
    {
        var entry = _factory.Logs.Entries.FirstOrDefault(e => e.EventId.Id == WriteAudit.RefusedEventId && Equals(e.Properties["KeyId"], keyId));
        Assert.True(entry is not null, $"No refusal logged for key {keyId}; logged: {string.Join(" | ", _factory.Logs.Entries.Select(e => e.Message))}");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Equal(buyer, entry.Properties["Buyer"]);
        Assert.Equal(path, entry.Properties["Path"]);
    }

    [SkippableFact]
    public async Task IngestReleases_OtherBuyer_403AndLogged()
    {
        var key = await _factory.CreateKeyAsync(allowedBuyers: "GB-CFS-2");

        var response = await _factory.CreateClientWithKey(key.Key).PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-b-1", "T", buyerId: "GB-CFS-1"))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertRefusalLogged(key.Id, "GB-CFS-1", "/api/ingest/releases");
    }

    [SkippableFact]
    public async Task IngestReleases_AllowedBuyerNamedOnAnotherBuyersProcess_403AndProcessUntouched()
    {
        var owner = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-CFS-1");
        (await owner.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-b-2", "Original title", buyerId: "GB-CFS-1"))))).EnsureSuccessStatusCode();
        var intruder = await _factory.CreateKeyAsync(allowedBuyers: "GB-CFS-2");

        var hijack = Notices.Tender("ocds-b-2", "Hijacked title", buyerId: "GB-CFS-2", buyerName: "Elsewhere Council", id: "tender-2", date: "2025-02-01T09:00:00Z");
        var response = await _factory.CreateClientWithKey(intruder.Key).PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(hijack)));
        var detail = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/opportunities/ocds-b-2");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Original title", detail.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hijacked", detail.ToString(), StringComparison.Ordinal);
        AssertRefusalLogged(intruder.Id, "GB-CFS-1", "/api/ingest/releases");
    }

    [SkippableFact]
    public async Task IngestReleases_OwnProcessUpdatedBySameScope_Accepted()
    {
        var client = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-CFS-1");
        (await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-b-3", "T"))))).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Award("ocds-b-3"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task IngestTechnologiesJson_OtherCouncil_403AndLogged()
    {
        var key = await _factory.CreateKeyAsync(allowedBuyers: $"GB-GSS-{Merton}");

        var response = await _factory.CreateClientWithKey(key.Key).PostAsync("/api/ingest/technologies", DirectoryApiFactory.Json(TechnologyJson(Lambeth)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertRefusalLogged(key.Id, $"GB-GSS-{Lambeth}", "/api/ingest/technologies");
    }

    [SkippableFact]
    public async Task IngestTechnologiesJson_IdOfAnotherCouncilsEntry_403AndEntryUntouched()
    {
        var owner = await _factory.CreatePublisherClientAsync(allowedBuyers: $"GB-GSS-{Lambeth}");
        (await owner.PostAsync("/api/ingest/technologies", DirectoryApiFactory.Json(TechnologyJson(Lambeth, id: "entry-1")))).EnsureSuccessStatusCode();
        var intruder = await _factory.CreateKeyAsync(allowedBuyers: $"GB-GSS-{Merton}");

        var response = await _factory.CreateClientWithKey(intruder.Key).PostAsync("/api/ingest/technologies", DirectoryApiFactory.Json(TechnologyJson(Merton, id: "entry-1", product: "Hijacked")));
        var entry = await _factory.CreateClient().GetStringAsync("/api/technologies/entry-1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Civica Revenues", entry, StringComparison.Ordinal);
        AssertRefusalLogged(intruder.Id, $"GB-GSS-{Lambeth}", "/api/ingest/technologies");
    }

    [SkippableFact]
    public async Task IngestTechnologiesCsv_OtherCouncil_403AndLogged()
    {
        var key = await _factory.CreateKeyAsync(allowedBuyers: $"GB-GSS-{Merton}");
        var csv = "borough,service_area,function,product,supplier\n" + $"{Lambeth},Revenues,Council tax,Civica Revenues,Civica\n";

        var response = await _factory.CreateClientWithKey(key.Key).PostAsync("/api/ingest/technologies/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertRefusalLogged(key.Id, $"GB-GSS-{Lambeth}", "/api/ingest/technologies/csv");
    }

    [SkippableFact]
    public async Task ReportSourceStatus_SourceOfAnotherPublisher_403AndLogged_OwnerAndAdminMayReport()
    {
        var report = new SourceStatusReport("proactis", "proactis", true, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 10, 10, 0, null, null, TimeSpan.Zero);
        var connector = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-CFS-1", name: "connectors");
        var other = await _factory.CreateKeyAsync(allowedBuyers: "*", name: "someone-else");
        var admin = await _factory.CreatePublisherClientAsync(admin: true, name: "ops");

        var first = await connector.PutAsJsonAsync("/api/sources/proactis/status", report, DirectoryJson.Options);
        var refused = await _factory.CreateClientWithKey(other.Key).PutAsJsonAsync("/api/sources/proactis/status", report with { Accepted = 0 }, DirectoryJson.Options);
        var again = await connector.PutAsJsonAsync("/api/sources/proactis/status", report, DirectoryJson.Options);
        var byAdmin = await admin.PutAsJsonAsync("/api/sources/proactis/status", report, DirectoryJson.Options);
        var afterAdmin = await connector.PutAsJsonAsync("/api/sources/proactis/status", report, DirectoryJson.Options);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, afterAdmin.StatusCode);
        AssertRefusalLogged(other.Id, "source proactis", "/api/sources/proactis/status");
    }

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/api/admin/reindex" },
        { "POST", "/api/admin/keys" },
        { "GET", "/api/admin/keys" },
        { "DELETE", "/api/admin/keys/abc" },
        { "POST", "/api/admin/keys/abc/rotate" },
        { "POST", "/api/admin/cpv/import" },
    };

    [SkippableTheory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_PublisherKey403_NoKey401(string method, string path)
    {
        var publisher = await _factory.CreatePublisherClientAsync();
        // Each with the content type it accepts: routing answers 415 to another before authorisation runs.
        HttpContent? Body() => method != "POST" ? null
            : path.EndsWith("/import", StringComparison.Ordinal) ? new StringContent("CODE,EN\n72000000,IT services\n", Encoding.UTF8, "text/csv")
            : new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json");
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = Body() };

        var asPublisher = await publisher.SendAsync(Request());
        var anonymous = await _factory.CreateClient().SendAsync(Request());

        Assert.Equal(HttpStatusCode.Forbidden, asPublisher.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Reads_NoKey_Public()
    {
        var client = _factory.CreateClient();

        foreach (var path in new[] { "/api/opportunities", "/api/technologies", "/api/boroughs", "/api/stats", "/api/sources" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }
}

public sealed class SqliteObjectLevelAuthorisationTests() : ObjectLevelAuthorisationTests(new DirectoryApiFactory());

public sealed class PostgresObjectLevelAuthorisationTests() : ObjectLevelAuthorisationTests(new PostgresDirectoryApiFactory());
