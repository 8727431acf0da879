using System.Net;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>An ocid is part of the opportunity's address: one that could not be opened is refused, and the rest of the batch is kept.</summary>
public sealed class OcidAddressTests : IDisposable
{
    private readonly DirectoryApiFactory factory = new();

    [Fact]
    public async Task Ingest_OcidsWithSlashOrNul_RefusedWithReasonOthersStoredAndOpenable()
    {
        var publisher = await factory.CreatePublisherClientAsync();
        var body = Notices.Package(
            Notices.Tender("ocds-addr-1", "Kept"),
            Notices.Tender("ocds-addr/2", "Slash"),
            Notices.Tender("ocds-addr\\u00003", "Nul"));

        var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));
        var result = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"stored\":1", result, StringComparison.Ordinal);
        Assert.Contains("\"rejected\":2", result, StringComparison.Ordinal);
        Assert.Contains("$.releases[1].ocid", result, StringComparison.Ordinal);
        Assert.Contains("U+0000", result, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/opportunities/ocds-addr-1")).StatusCode);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
