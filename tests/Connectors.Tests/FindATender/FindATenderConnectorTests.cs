using System.Net;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.FindATender;

public sealed class FindATenderConnectorTests : IDisposable
{
    private const string PackagesPath = "/api/1.0/ocdsReleasePackages";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-30);

    public void Dispose() => _server.Stop();

    private ConnectorHarness Harness(params (string, string)[] extra)
        => new(ConnectorHarness.Source("fts", SourceTypes.FindATender, new Uri(_server.Url!),
            [("BackfillFrom", _start.ToString("O")), ("WindowHours", "1"), ("TimeoutSeconds", "1"), .. extra]));

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>First answer <paramref name="first"/>, then the two recorded pages.</summary>
    private void ServeAfter(IResponseBuilder first)
    {
        _server.Given(Request.Create().WithPath(PackagesPath).UsingGet()).InScenario("s").WillSetStateTo("ok").AtPriority(5).RespondWith(first);
        _server.Given(Request.Create().WithPath(PackagesPath).UsingGet()).InScenario("s").WhenStateIs("ok").AtPriority(5)
            .RespondWith(Json(Recorded.Text("FindATender", "packages-page1.json", _server.Url!)));
        _server.Given(Request.Create().WithPath(PackagesPath).WithParam("cursor", "fts-page-2").UsingGet()).AtPriority(1)
            .RespondWith(Json(Recorded.Text("FindATender", "packages-page2.json")));
    }

    private TimeSpan GapBetweenFirstTwoRequests()
    {
        var times = _server.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        return times[1] - times[0];
    }

    [Fact]
    public async Task Run_MultiPage_SendsUpdatedWindowAndFollowsCursor()
    {
        ServeAfter(Json(Recorded.Text("FindATender", "packages-page1.json", _server.Url!)));
        using var sut = Harness(("Stages", "tender,award"));

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.Equal(5, sut.Directory.Stored.Count);
        var first = _server.LogEntries.First().RequestMessage.Query!;
        Assert.Equal(WindowedOcdsConnector.Format(_start), first["updatedFrom"].Single());
        Assert.Equal("tender,award", first["stages"].Single());
        Assert.True(status.Lag < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Run_EmptyWindow_AdvancesWatermarkAndSendsNothing()
    {
        _server.Given(Request.Create().WithPath(PackagesPath).UsingGet()).RespondWith(Json(Recorded.Text("FindATender", "packages-empty.json")));
        using var sut = Harness();

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.Equal(0, sut.Directory.Calls);
        Assert.True((await sut.CheckpointAsync("fts")).Watermark > _start);
    }

    [Fact]
    public async Task Run_429WithRetryAfterSeconds_WaitsThatLong()
    {
        ServeAfter(Response.Create().WithStatusCode(HttpStatusCode.TooManyRequests).WithHeader("Retry-After", "1"));
        using var sut = Harness();

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.True(GapBetweenFirstTwoRequests() >= TimeSpan.FromMilliseconds(950), $"waited only {GapBetweenFirstTwoRequests()}");
        Assert.Equal(5, sut.Directory.Stored.Count);
    }

    [Fact]
    public async Task Run_503ThenSuccess_Retries()
    {
        ServeAfter(Response.Create().WithStatusCode(HttpStatusCode.ServiceUnavailable));
        using var sut = Harness();

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.Equal(5, sut.Directory.Stored.Count);
    }

    [Fact]
    public async Task Run_AttemptTimesOut_RetriesAndSucceeds()
    {
        ServeAfter(Json(Recorded.Text("FindATender", "packages-empty.json")).WithDelay(TimeSpan.FromSeconds(3)));
        using var sut = Harness();

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.Equal(5, sut.Directory.Stored.Count);
    }

    [Fact]
    public async Task Run_PersistentFailure_FailsRunWithoutAdvancing()
    {
        _server.Given(Request.Create().WithPath(PackagesPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(HttpStatusCode.ServiceUnavailable));
        using var sut = Harness(("MaxRetries", "1"));

        var status = await sut.RunAsync("fts");

        Assert.Contains("503", status.LastError);
        Assert.Null((await sut.CheckpointAsync("fts")).Watermark);
    }

    [Fact]
    public async Task Run_MalformedReleaseInPage_IsReportedAndOthersForwarded()
    {
        _server.Given(Request.Create().WithPath(PackagesPath).UsingGet()).RespondWith(Json(Recorded.Text("FindATender", "packages-malformed-release.json")));
        using var sut = Harness();

        var status = await sut.RunAsync("fts");

        Assert.Null(status.LastError);
        Assert.Equal(4, status.Fetched);
        Assert.Equal(2, status.Accepted);
        Assert.Equal(2, status.Rejected);
        Assert.Equal(2, sut.Directory.Stored.Count);
        Assert.True((await sut.CheckpointAsync("fts")).Watermark > _start, "rejections are reported, not retried forever");
    }

    [Fact]
    public async Task Run_DirectoryFails_CheckpointNotAdvanced()
    {
        ServeAfter(Json(Recorded.Text("FindATender", "packages-page1.json", _server.Url!)));
        using var sut = Harness();
        sut.Directory.FailOn = _ => new HttpRequestException("directory down", null, HttpStatusCode.ServiceUnavailable);

        var status = await sut.RunAsync("fts");

        Assert.Contains("directory down", status.LastError);
        Assert.Null((await sut.CheckpointAsync("fts")).Watermark);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("0", 0)]
    public void RetryAfter_DeltaSeconds_IsRead(string header, int seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.True(Thirty3.Connectors.Scheduling.RetryAfter.TryGet(response, DateTimeOffset.UtcNow, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
    }

    [Fact]
    public void RetryAfter_HttpDate_IsReadRelativeToNow()
    {
        var now = new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 03 Feb 2025 10:02:30 GMT");

        Assert.True(Thirty3.Connectors.Scheduling.RetryAfter.TryGet(response, now, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(150), wait);
    }
}
