using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class RegistrationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddElasticsearchSearch(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void AddElasticsearchSearch_ValidOptions_ResolvesFactoryAndHealthCheckWithoutIo()
    {
        // Nothing listens on this port: resolving must not connect.
        using var provider = Provider(new() { ["Elasticsearch:Url"] = "http://127.0.0.1:1", ["Elasticsearch:ApiKey"] = "a2V5" });

        var factory = provider.GetRequiredService<ISearchIndexFactory>();
        using var index = factory.Open(Domain.Opportunities.OpportunityIndex.Schema);

        Assert.IsType<ElasticsearchSearchIndexFactory>(factory);
        Assert.Equal("thirty3-opportunities", ((ElasticsearchSearchIndex)index).Alias);
        Assert.Contains(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == "elasticsearch");
    }

    [Theory]
    [InlineData(null, null, null, "Url")]
    [InlineData("not a url", null, null, "Url")]
    [InlineData("http://localhost:9200", "key", "elastic", "not both")]
    [InlineData("http://localhost:9200", null, "elastic", "Password")]
    public void AddElasticsearchSearch_BadOptions_FailsValidation(string? url, string? apiKey, string? username, string expected)
    {
        using var provider = Provider(new() { ["Elasticsearch:Url"] = url, ["Elasticsearch:ApiKey"] = apiKey, ["Elasticsearch:Username"] = username });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_ApiKey_SetsApiKeyAuthorization()
    {
        using var client = new HttpClient();

        ElasticsearchServiceCollectionExtensions.Configure(client, new ElasticsearchOptions { Url = "https://es:9200", ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==" });

        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", client.DefaultRequestHeaders.Authorization!.ToString());
        Assert.Equal(new Uri("https://es:9200/"), client.BaseAddress);
    }

    [Fact]
    public void Configure_UsernamePassword_SetsBasicAuthorization()
    {
        using var client = new HttpClient();

        ElasticsearchServiceCollectionExtensions.Configure(client, new ElasticsearchOptions { Url = "https://es:9200/", Username = "elastic", Password = "changeme" });

        Assert.Equal("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==", client.DefaultRequestHeaders.Authorization!.ToString());
    }

    [Fact]
    public async Task HealthCheck_OpenSearch3_IsHealthy()
    {
        var cluster = new FakeCluster().OnFixture("GET /", "root-opensearch3.json");
        var sut = new ElasticsearchHealthCheck(cluster.Api());

        var result = await sut.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("OpenSearch 3.0.0", result.Description);
    }

    [Fact]
    public async Task HealthCheck_ClusterError_IsUnhealthy()
    {
        var cluster = new FakeCluster().On("GET /", System.Net.HttpStatusCode.Unauthorized,
            """{"error":{"root_cause":[{"type":"security_exception","reason":"missing authentication credentials"}],"type":"security_exception","reason":"missing authentication credentials"},"status":401}""");
        var sut = new ElasticsearchHealthCheck(cluster.Api());

        var result = await sut.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("security_exception", result.Exception!.Message, StringComparison.Ordinal);
    }
}
