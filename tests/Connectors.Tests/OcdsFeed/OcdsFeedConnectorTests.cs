using System.Text.Json.Nodes;
using Thirty3.Connectors.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.OcdsFeed;

public sealed class OcdsFeedConnectorTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private ConnectorHarness Harness(string firstPage = "/feed/1")
        => new(ConnectorHarness.Source("feed", SourceTypes.OcdsFeed, new Uri(new Uri(_server.Url!), firstPage)));

    /// <summary>Serves each real Contracts Finder 2015 package as one feed page, chained by links.next.</summary>
    [SkippableFact]
    public async Task Run_RealContractsFinderPackagesAsFeed_NothingDropped()
    {
        var files = Directory.GetFiles(SharedData.RequireOcds("contracts-finder-2015"), "*.json").Order(StringComparer.Ordinal).ToList();
        var expected = new HashSet<(string, string)>();
        for (var i = 0; i < files.Count; i++)
        {
            var package = JsonNode.Parse(await File.ReadAllTextAsync(files[i]))!.AsObject();
            foreach (var release in package["releases"]!.AsArray())
            {
                expected.Add((release!["ocid"]!.ToString(), release["id"]!.ToString()));
            }
            if (i + 1 < files.Count)
            {
                package["links"] = new JsonObject { ["next"] = $"{_server.Url}/feed/{i + 2}" };
            }
            _server.Given(Request.Create().WithPath($"/feed/{i + 1}").UsingGet()).RespondWith(Json(package.ToJsonString()));
        }
        using var sut = Harness();

        var status = await sut.RunAsync("feed");

        Assert.Null(status.LastError);
        Assert.Equal(expected.Count, sut.Directory.Stored.Count);
        Assert.Superset(expected, sut.Directory.Stored.Keys.ToHashSet());
        Assert.Empty(sut.Directory.Duplicates);
        Assert.Equal($"{_server.Url}/feed/{files.Count}", (await sut.CheckpointAsync("feed")).Cursor);
    }

    [SkippableFact]
    public async Task Run_RealContractsFinderReleaseArray_NothingDropped()
    {
        var file = Path.Combine(SharedData.RequireOcds("contracts-finder-2025"), "releases.json");
        var releases = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray();
        _server.Given(Request.Create().WithPath("/feed/1").UsingGet()).RespondWith(Json(releases.ToJsonString()));
        using var sut = Harness();

        var status = await sut.RunAsync("feed");

        Assert.Null(status.LastError);
        Assert.Equal(releases.Count, status.Fetched);
        Assert.Equal(releases.Count, sut.Directory.Stored.Count);
        Assert.Equal(0, status.Rejected);
    }

    [Fact]
    public async Task Run_RecordPackage_SendsEmbeddedReleasesOrCompiledRelease()
    {
        _server.Given(Request.Create().WithPath("/records").UsingGet()).RespondWith(Json(Recorded.Text("OcdsFeed", "record-package.json")));
        using var sut = Harness("/records");

        var status = await sut.RunAsync("feed");

        Assert.Null(status.LastError);
        Assert.Equal(4, sut.Directory.Stored.Count);
        Assert.Contains(sut.Directory.Stored.Keys, k => k.Ocid == "ocds-abc123-linked");
    }

    [Fact]
    public async Task Run_AfterFeedEnd_RereadsLastPageForNewReleases()
    {
        _server.Given(Request.Create().WithPath("/records").UsingGet()).RespondWith(Json(Recorded.Text("OcdsFeed", "record-package.json")));
        using var sut = Harness("/records");

        await sut.RunAsync("feed");
        var second = await sut.RunAsync("feed");

        Assert.Null(second.LastError);
        Assert.Equal(2, _server.LogEntries.Count());
        Assert.All(sut.Directory.Received.Values, n => Assert.Equal(2, n)); // same releases again: Unchanged for the directory
    }
}
