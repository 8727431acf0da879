using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Auth;

public sealed class KeyRotationTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private async Task<(string Id, string Key)> CreateViaApiAsync(HttpClient admin, string buyers)
    {
        var created = await (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "portal", allowedBuyers = buyers })).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    private Task<HttpResponseMessage> PushAsync(string key, string ocid, string buyer = "GB-CFS-1") =>
        _factory.CreateClientWithKey(key).PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender(ocid, "T", buyerId: buyer))));

    [Fact]
    public async Task Rotate_NoGrace_NewKeySameScopeAndOldKeepsWorkingUntilRevoked()
    {
        var admin = await _factory.CreatePublisherClientAsync(admin: true);
        var (oldId, oldKey) = await CreateViaApiAsync(admin, "GB-CFS-1");

        var response = await admin.PostAsync($"/api/admin/keys/{oldId}/rotate", null);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        var newKey = rotated.GetProperty("key").GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("portal", rotated.GetProperty("key").GetProperty("name").GetString());
        Assert.Equal(oldId, rotated.GetProperty("replaces").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(oldKey, "ocds-r-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(newKey, "ocds-r-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PushAsync(newKey, "ocds-r-3", buyer: "GB-CFS-2")).StatusCode);

        await admin.DeleteAsync($"/api/admin/keys/{oldId}");
        using var restarted = _factory.Restart();
        var push = (string key) => restarted.CreateClientWithKey(key).PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-r-4", "T"))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await push(oldKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await push(newKey)).StatusCode);
    }

    [Fact]
    public async Task Rotate_GraceElapsed_OldKeyRefusedNewKeyWorks()
    {
        var admin = await _factory.CreatePublisherClientAsync(admin: true);
        var (oldId, oldKey) = await CreateViaApiAsync(admin, "*");

        // A zero grace period: the old key expires at once (a key not yet cached by this host).
        var rotated = await (await admin.PostAsync($"/api/admin/keys/{oldId}/rotate?grace=0s", null)).Content.ReadFromJsonAsync<JsonElement>();
        var newKey = rotated.GetProperty("key").GetProperty("key").GetString()!;
        var listed = await admin.GetStringAsync("/api/admin/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(oldKey, "ocds-r-5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(newKey, "ocds-r-6")).StatusCode);
        Assert.Contains("\"expires\":\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_Grace24h_OldKeyStillWorks()
    {
        var admin = await _factory.CreatePublisherClientAsync(admin: true);
        var (oldId, oldKey) = await CreateViaApiAsync(admin, "*");

        var rotated = await (await admin.PostAsync($"/api/admin/keys/{oldId}/rotate?grace=24h", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(rotated.GetProperty("replacedKeyExpires").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(oldKey, "ocds-r-7")).StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/keys/nope/rotate", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/keys/nope/rotate?grace=soon", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/keys/nope/rotate?grace=20000000d", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/keys/nope/rotate?grace=1e300s", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/keys/nope/rotate?grace=-1h", HttpStatusCode.BadRequest)]
    public async Task Rotate_UnknownKeyOrBadGrace_4xx(string path, HttpStatusCode expected)
    {
        var admin = await _factory.CreatePublisherClientAsync(admin: true);

        Assert.Equal(expected, (await admin.PostAsync(path, null)).StatusCode);
    }

    [Theory]
    [InlineData("24h", 24 * 3600)]
    [InlineData("30m", 1800)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("1.00:00:00", 86400)]
    public void TryParseGrace_Forms_Seconds(string text, int seconds)
    {
        Assert.True(ApiKeyStore.TryParseGrace(text, out var grace));
        Assert.Equal(TimeSpan.FromSeconds(seconds), grace);
    }
}
