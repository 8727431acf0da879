using System.Net.Http.Json;
using System.Text.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>Rejected items hold other publishers' notices: a key reads only its own, an admin all.</summary>
public sealed class RejectionVisibilityTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    [Fact]
    public async Task ListRejections_OtherPublishersRejections_HiddenFromPublisherShownToAdmin()
    {
        var portalA = await _factory.CreatePublisherClientAsync(name: "portal-a");
        var portalB = await _factory.CreatePublisherClientAsync(name: "portal-b");
        var admin = await _factory.CreatePublisherClientAsync(admin: true, name: "ops");
        await portalA.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json($$"""[{{Notices.Tender("ocds-v-1", "Good")}}, {"id":"no-ocid","date":"2025-01-01T00:00:00Z"}]"""));

        var seenByA = await portalA.GetFromJsonAsync<JsonElement>("/api/ingest/rejections");
        var seenByB = await portalB.GetFromJsonAsync<JsonElement>("/api/ingest/rejections");
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>("/api/ingest/rejections");

        Assert.Equal(1, seenByA.GetArrayLength());
        Assert.Equal(0, seenByB.GetArrayLength());
        Assert.Equal(1, seenByAdmin.GetArrayLength());
    }
}
