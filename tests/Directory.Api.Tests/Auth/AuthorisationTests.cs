using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Auth;

/// <summary>Runs against every store: SQLite always, PostgreSQL when <c>THIRTY3_TEST_POSTGRES</c> is set.</summary>
public abstract class AuthorisationTests(DirectoryApiFactory factory) : IDisposable
{
    private readonly DirectoryApiFactory _factory = factory;

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    [SkippableFact]
    public async Task IngestReleases_NoKey_401Problem()
    {
        var response = await _factory.CreateClient().PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-a-1", "T"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task IngestReleases_ForgedKey_401()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "t33_aaaaaaaaaaaa_not-the-secret");

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-a-2", "T"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task IngestReleases_KeyScopedToAnotherBuyer_403AndNothingStored()
    {
        var client = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-CFS-999");

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-a-3", "T", buyerId: "GB-CFS-1"))));
        var detail = await client.GetAsync("/api/opportunities/ocds-a-3");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
    }

    [SkippableFact]
    public async Task IngestReleases_KeyScopedToLondonBorough_AcceptsThatBoroughOnly()
    {
        var client = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-GSS-E09000024");
        var merton = Notices.Tender("ocds-a-4", "Merton tender", buyerId: "GB-CFS-18525", buyerName: "London Borough of Merton");
        var kent = Notices.Tender("ocds-a-5", "Kent tender", buyerId: "GB-CFS-2", buyerName: "Kent County Council");

        var response = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json($"[{merton},{kent}]"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stored", result.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal("rejected", result.GetProperty("items")[1].GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Reindex_PublisherKey_403()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.PostAsync("/api/admin/reindex", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Keys_CreateUseRevoke_RevokedKeyRefused()
    {
        var admin = await _factory.CreatePublisherClientAsync(admin: true);
        var created = await (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "portal", allowedBuyers = "*" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        var portal = _factory.CreateClient();
        portal.DefaultRequestHeaders.Add("X-Api-Key", key);

        var before = await portal.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-a-6", "T"))));
        await admin.DeleteAsync($"/api/admin/keys/{id}");
        using var restarted = _factory.Restart();
        var portalAfter = restarted.CreateClient();
        portalAfter.DefaultRequestHeaders.Add("X-Api-Key", key);
        var after = await portalAfter.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-a-7", "T"))));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(key, await (await admin.GetAsync("/api/admin/keys")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteAuthorisationTests() : AuthorisationTests(new DirectoryApiFactory());

public sealed class PostgresAuthorisationTests() : AuthorisationTests(new PostgresDirectoryApiFactory());
