using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Thirty3.Connectors.Tests.Support;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryClient;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.EndToEnd;

/// <summary>The whole pull path: real notices served by an upstream, a connector, the real directory API, search.</summary>
public sealed class RealDirectoryTests : IDisposable
{
    private readonly WireMockServer _upstream = WireMockServer.Start();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "thirty3-e2e", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<ApiKeyStore> _directory;

    public RealDirectoryTests()
    {
        _directory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Path"] = _data,
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        });
    }

    public void Dispose()
    {
        _upstream.Stop();
        _directory.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private async Task<IDirectoryApi> DirectoryClientAsync()
    {
        await using var scope = _directory.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("connectors", "*", isAdmin: false, CancellationToken.None);
        var http = new HttpClient(new ApiKeyHandler(key.Key) { InnerHandler = _directory.Server.CreateHandler() }) { BaseAddress = _directory.Server.BaseAddress };
        return RestService.For<IDirectoryApi>(http, DirectoryClientRegistration.Settings);
    }

    [SkippableFact]
    public async Task Sync_RealNoticesThroughFeedConnector_SearchableThroughTheApi()
    {
        var ocds = SharedData.RequireOcds("contracts-finder-2025");
        var releases = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ocds, "releases.json")))!.AsArray();
        var scotland = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedData.RequireOcds("public-contracts-scotland-2019"), "releases.json")))!.AsArray();
        _upstream.Given(Request.Create().WithPath("/feed/1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject { ["releases"] = releases.DeepClone(), ["links"] = new JsonObject { ["next"] = $"{_upstream.Url}/feed/2" } }.ToJsonString()));
        _upstream.Given(Request.Create().WithPath("/feed/2").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject { ["releases"] = scotland.DeepClone() }.ToJsonString()));
        var api = await DirectoryClientAsync();
        using var connector = new ConnectorHarness(ConnectorHarness.Source("feed", SourceTypes.OcdsFeed, new Uri($"{_upstream.Url}/feed/1")), realDirectory: api);

        var status = await connector.RunAsync("feed");
        await _directory.Services.GetRequiredService<IndexProjector>().DrainAsync(CancellationToken.None);
        var web = _directory.CreateClient();
        var all = await web.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?pageSize=1", DirectoryJson.Options);
        var title = releases.Select(r => r!["tender"]?["title"]?.ToString()).First(t => !string.IsNullOrWhiteSpace(t))!;
        var found = await web.GetFromJsonAsync<OpportunitySearchResult>($"/api/opportunities?q={Uri.EscapeDataString(title)}", DirectoryJson.Options);

        Assert.Null(status.LastError);
        Assert.Equal(releases.Count + scotland.Count, status.Fetched);
        Assert.Equal(releases.Count + scotland.Count, status.Accepted);
        Assert.Equal(0, status.Rejected);
        // 95 Contracts Finder processes (some with several releases) and 90 Public Contracts Scotland ones.
        Assert.Equal(95 + 90, all!.Total);
        Assert.Equal(title, found!.Items[0].Opportunity.Title);
    }
}
