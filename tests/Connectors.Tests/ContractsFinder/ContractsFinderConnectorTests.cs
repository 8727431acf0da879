using System.Net;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.ContractsFinder;

public sealed class ContractsFinderConnectorTests : IDisposable
{
    private const string SearchPath = "/Published/Notices/OCDS/Search";
    private readonly WireMockServer _server = WireMockServer.Start();
    // Two windows: [start, start+1h) with two pages, then [start+1h, now) which is empty.
    private readonly DateTimeOffset _start = Truncate(DateTimeOffset.UtcNow).AddMinutes(-90);

    public void Dispose() => _server.Stop();

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private ConnectorHarness Harness(RecordingDirectory? directory = null, string? dataFolder = null, params (string, string)[] extra)
        => new(ConnectorHarness.Source("cf", SourceTypes.ContractsFinder, new Uri(_server.Url!),
            [("BackfillFrom", _start.ToString("O")), ("WindowHours", "1"), ("RateLimitPause", "00:00:01"), .. extra]), directory, dataFolder);

    private void ServeTwoPagesThenEmptyWindow()
    {
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("publishedFrom", WindowedOcdsConnector.Format(_start)).UsingGet()).AtPriority(5)
            .RespondWith(Json(Recorded.Text("ContractsFinder", "search-page1.json", _server.Url!)));
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("cursor", "cf-page-2").UsingGet()).AtPriority(1)
            .RespondWith(Json(Recorded.Text("ContractsFinder", "search-page2.json")));
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("publishedFrom", WindowedOcdsConnector.Format(_start.AddHours(1))).UsingGet()).AtPriority(5)
            .RespondWith(Json(Recorded.Text("ContractsFinder", "search-empty.json")));
    }

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    [Fact]
    public async Task Run_MultiPageCursorThenEmptyWindow_ForwardsEveryReleaseAndAdvancesWatermark()
    {
        ServeTwoPagesThenEmptyWindow();
        using var sut = Harness();

        var status = await sut.RunAsync("cf");

        Assert.Null(status.LastError);
        Assert.Equal(5, status.Fetched);
        Assert.Equal(5, status.Accepted);
        Assert.Equal(5, sut.Directory.Stored.Count);
        Assert.Empty(sut.Directory.Duplicates);
        Assert.All(sut.Directory.Sources, s => Assert.Equal("cf", s));
        var checkpoint = await sut.CheckpointAsync("cf");
        Assert.Null(checkpoint.Cursor);
        Assert.True(checkpoint.Watermark > _start.AddHours(1), $"watermark {checkpoint.Watermark} should pass the empty second window");
        Assert.Contains(_server.LogEntries, e => e.RequestMessage.Query!.TryGetValue("limit", out var limit) && limit.Contains("100"));
    }

    [Fact]
    public async Task Run_SameWindowTwice_ChangesNothing()
    {
        ServeTwoPagesThenEmptyWindow();
        var directory = new RecordingDirectory();
        using (var first = Harness(directory))
        {
            await first.RunAsync("cf");
            // Re-running from the same start (a fresh data folder): the directory sees the same releases, unchanged.
            using var again = Harness(directory);
            var status = await again.RunAsync("cf");
            Assert.Null(status.LastError);
        }
        Assert.Equal(5, directory.Stored.Count);
        Assert.All(directory.Received.Values, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task Run_RateLimit403_PausesThenRetries()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("limit").WillSetStateTo("open").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.Forbidden).WithBody("Rate limit exceeded"));
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("limit").WhenStateIs("open").AtPriority(1)
            .RespondWith(Json(Recorded.Text("ContractsFinder", "search-page2.json")));
        using var sut = Harness();

        var status = await sut.RunAsync("cf");

        Assert.Null(status.LastError);
        var times = _server.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(950), $"paused only {times[1] - times[0]}");
        Assert.Equal(2, sut.Directory.Stored.Count);
    }

    [Fact]
    public async Task Run_TruncatedPage_RetriesAndNeverAdvancesCheckpoint()
    {
        var page = Recorded.Text("ContractsFinder", "search-page1.json", _server.Url!);
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Json(page[..(page.Length / 2)]));
        using var sut = Harness(extra: ("MalformedPageAttempts", "2"));

        var status = await sut.RunAsync("cf");

        Assert.Contains("well-formed", status.LastError);
        Assert.Equal(2, _server.LogEntries.Count());
        Assert.Equal(0, sut.Directory.Calls);
        var checkpoint = await sut.CheckpointAsync("cf");
        Assert.Null(checkpoint.Watermark);
        Assert.Null(checkpoint.Cursor);
    }

    [Fact]
    public async Task Run_CrashAfterFirstPageThenRestart_ResumesFromCursorWithoutLossOrDuplicates()
    {
        ServeTwoPagesThenEmptyWindow();
        var directory = new RecordingDirectory { FailOn = call => call == 2 ? new InvalidOperationException("process crashed") : null };
        var folder = Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var crashed = Harness(directory, folder))
            {
                var status = await crashed.RunAsync("cf");
                Assert.Contains("crashed", status.LastError);
                var checkpoint = await crashed.CheckpointAsync("cf");
                Assert.Equal("cf-page-2", checkpoint.Cursor);
                Assert.Equal(_start, checkpoint.Watermark);
            }
            directory.FailOn = null;
            using var restarted = Harness(directory, folder);

            var resumed = await restarted.RunAsync("cf");

            Assert.Null(resumed.LastError);
            Assert.Equal(5, directory.Stored.Count);
            Assert.Empty(directory.Duplicates);
            // The first page was fetched once: the restart began at the saved cursor.
            Assert.Single(_server.LogEntries, e => !e.RequestMessage.Query!.ContainsKey("cursor") && e.RequestMessage.Query["publishedFrom"].Contains(WindowedOcdsConnector.Format(_start)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_CancelledMidBackfill_RestartResumesWithoutLossOrDuplicates()
    {
        ServeTwoPagesThenEmptyWindow();
        using var cancel = new CancellationTokenSource();
        var directory = new RecordingDirectory { AfterCall = call => { if (call == 1) { cancel.Cancel(); } } };
        var folder = Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var stopped = Harness(directory, folder))
            {
                var status = await stopped.RunAsync("cf", cancel.Token);
                Assert.Contains("Cancelled", status.LastError);
            }
            directory.AfterCall = null;
            using var restarted = Harness(directory, folder);

            await restarted.RunAsync("cf");

            Assert.Equal(5, directory.Stored.Count);
            Assert.Empty(directory.Duplicates);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
