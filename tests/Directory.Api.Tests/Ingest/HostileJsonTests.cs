using System.Net;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>Hostile JSON inside one release of a batch: that item is refused with a reason, the rest are kept.</summary>
public sealed class HostileJsonTests : IDisposable
{
    private readonly DirectoryApiFactory factory = new();

    [Theory]
    [InlineData("""{"ocid":"ocds-h-2","ocid":"ocds-h-3","id":"1","date":"2025-01-01T00:00:00Z","tag":["tender"]}""", "names the same member twice")]
    [InlineData("""{"ocid":"ocds-h-2","id":"1","date":"2025-01-01T00:00:00Z","tag":["tender"],"tender":{"title":"a","title":"b"}}""", "names the same member twice")]
    [InlineData("""{"ocid":"ocds-h-2","id":"1","date":"2025-01-01T00:00:00Z","tag":["tender"],"tender":{"title":"lone \ud800 surrogate"}}""", "unpaired surrogate")]
    public async Task Ingest_OneHostileRelease_RefusedOthersStored(string hostile, string reason)
    {
        var publisher = await factory.CreatePublisherClientAsync();
        var body = $$"""{"uri":"u","publishedDate":"2025-01-01T00:00:00Z","publisher":{"name":"t"},"version":"1.1","releases":[{{Notices.Tender("ocds-h-1", "Kept")}},{{hostile}}]}""";

        var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("\"stored\":1", text, StringComparison.Ordinal);
        Assert.Contains("\"rejected\":1", text, StringComparison.Ordinal);
        Assert.Contains("$.releases[1]", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
