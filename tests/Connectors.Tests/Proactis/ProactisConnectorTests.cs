using Thirty3.Connectors.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.Proactis;

public sealed class ProactisConnectorTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private static readonly string ThisMonth = DateTimeOffset.UtcNow.ToString("MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string LastMonth = DateTimeOffset.UtcNow.AddMonths(-1).ToString("MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _server.Stop();

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private void Serve(string month, int noticeType, string body)
        => _server.Given(Request.Create().WithPath("/v1/Notices").WithParam("dateFrom", month).WithParam("noticeType", noticeType.ToString(System.Globalization.CultureInfo.InvariantCulture)).WithParam("outputType", "0").UsingGet())
            .RespondWith(Json(body));

    private ConnectorHarness Harness()
        => new(ConnectorHarness.Source("pcs", SourceTypes.Proactis, new Uri(_server.Url!),
            ("BackfillFrom", DateTimeOffset.UtcNow.AddMonths(-1).ToString("O")), ("NoticeTypes:0", "1"), ("NoticeTypes:1", "2")));

    [Fact]
    public async Task Run_MonthsAndNoticeTypes_DerivesStableIdsAndRerunChangesNothing()
    {
        Serve(LastMonth, 1, Recorded.Text("Proactis", "notices-type1.json"));
        Serve(LastMonth, 2, Recorded.Text("Proactis", "notices-type2.json"));
        Serve(ThisMonth, 1, Recorded.Text("Proactis", "notices-empty.json"));
        Serve(ThisMonth, 2, Recorded.Text("Proactis", "notices-empty.json"));
        using var sut = Harness();

        var status = await sut.RunAsync("pcs");
        var again = await sut.RunAsync("pcs");

        Assert.Null(status.LastError);
        Assert.Equal(5, status.Accepted);
        Assert.Equal(5, sut.Directory.Stored.Count);
        Assert.Contains(("ocds-r6ebe6-0000581861", "ocds-r6ebe6-0000581861-tender-20190401T000000Z"), sut.Directory.Stored.Keys);
        // The second run starts at the current month: last month is not fetched again.
        Assert.Null(again.LastError);
        Assert.Equal(4, _server.LogEntries.Count(e => e.RequestMessage.Query!["dateFrom"].Contains(ThisMonth)));
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Query!["dateFrom"].Contains(LastMonth)));
        var checkpoint = await sut.CheckpointAsync("pcs");
        Assert.Equal(DateTimeOffset.UtcNow.Month, checkpoint.Watermark!.Value.Month);
    }

    [SkippableFact]
    public async Task Run_RealPublicContractsScotlandReleases_AllArriveWithDerivedUniqueIds()
    {
        var file = Path.Combine(SharedData.RequireOcds("public-contracts-scotland-2019"), "releases.json");
        // The real file is a bare release array; the portal's API wraps releases in a package.
        var body = $"{{\"uri\":\"https://api.publiccontractsscotland.gov.uk\",\"publishedDate\":\"2019-05-01T00:00:00Z\",\"publisher\":{{\"name\":\"Public Contracts Scotland\"}},\"releases\":{await File.ReadAllTextAsync(file)}}}";
        Serve(LastMonth, 1, body);
        Serve(LastMonth, 2, Recorded.Text("Proactis", "notices-empty.json"));
        Serve(ThisMonth, 1, Recorded.Text("Proactis", "notices-empty.json"));
        Serve(ThisMonth, 2, Recorded.Text("Proactis", "notices-empty.json"));
        using var sut = Harness();

        var status = await sut.RunAsync("pcs");

        Assert.Null(status.LastError);
        Assert.Equal(90, status.Fetched);
        Assert.Equal(90, sut.Directory.Stored.Count);
        Assert.Equal(0, status.Rejected);
        Assert.Empty(sut.Directory.Duplicates);
    }
}
