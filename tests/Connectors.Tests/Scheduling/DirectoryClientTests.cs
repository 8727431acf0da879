using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Ingest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.Scheduling;

/// <summary>The real directory client as the connectors register it (Refit generated client) speaks the ingest API.</summary>
public sealed class DirectoryClientTests
{
    [Fact]
    public async Task IngestReleasesAsync_PostsRawJsonWithSourceAndKey_ReadsPerItemResults()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/api/ingest/releases").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("{\"received\":1,\"stored\":1,\"updated\":0,\"unchanged\":0,\"rejected\":0,\"items\":[{\"index\":0,\"ocid\":\"o\",\"id\":\"i\",\"status\":\"stored\"}]}"));
        var services = new ServiceCollection();
        services.AddDirectoryClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:BaseAddress"] = server.Url,
            ["Directory:ApiKey"] = "pub-key",
        }).Build());
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<IDirectoryApi>();

        using var content = new StringContent("[{\"ocid\":\"o\",\"id\":\"i\"}]", Encoding.UTF8, "application/json");
        var result = await sut.IngestReleasesAsync(content, "cf", CancellationToken.None);

        Assert.Equal(IngestItemStatus.Stored, Assert.Single(result.Items).Status);
        var request = Assert.Single(server.LogEntries).RequestMessage;
        Assert.Equal("cf", request.Query!["source"].Single());
        Assert.Equal("pub-key", request.Headers![ApiKeyHandler.HeaderName].Single());
        Assert.Contains("\"ocid\":\"o\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchQueries_DatesAndRepeatedFilters_SentAsIsoDatesAndRepeatedParameters()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/api/coalitions").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("[]"));
        server.Given(Request.Create().WithPath("/api/opportunities").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("{\"total\":0,\"page\":1,\"pageSize\":20,\"items\":[],\"facets\":[]}"));
        var services = new ServiceCollection();
        services.AddDirectoryClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Directory:BaseAddress"] = server.Url }).Build());
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<IDirectoryApi>();

        await sut.GetCoalitionsAsync(new Thirty3.Domain.Retenders.CoalitionQuery { Function = "Council tax", From = new DateOnly(2027, 1, 31), To = new DateOnly(2027, 12, 1) }, CancellationToken.None);
        await sut.SearchOpportunitiesAsync(new Thirty3.Domain.Opportunities.OpportunitySearchQuery { Stage = ["tender", "planning"], DeadlineFrom = new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero) }, CancellationToken.None);

        var coalitions = server.LogEntries.Single(e => e.RequestMessage.Path == "/api/coalitions").RequestMessage;
        var search = server.LogEntries.Single(e => e.RequestMessage.Path == "/api/opportunities").RequestMessage;
        Assert.Equal("2027-01-31", coalitions.Query!["From"].Single());
        Assert.Equal(["tender", "planning"], search.Query!["Stage"]);
        Assert.StartsWith("2027-01-31T09:00:00", search.Query["DeadlineFrom"].Single(), StringComparison.Ordinal);
    }
}
