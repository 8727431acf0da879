namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class ClusterInfoTests
{
    [Theory]
    [InlineData("root-es8.json", SearchProduct.Elasticsearch, 8)]
    [InlineData("root-es9.json", SearchProduct.Elasticsearch, 9)]
    [InlineData("root-opensearch2.json", SearchProduct.OpenSearch, 2)]
    [InlineData("root-opensearch3.json", SearchProduct.OpenSearch, 3)]
    public async Task DetectAsync_RootResponse_TellsProductAndVersion(string fixture, SearchProduct product, int major)
    {
        var cluster = new FakeCluster().OnFixture("GET /", fixture);
        var sut = new ElasticsearchSearchIndexFactory(cluster.Api(), Microsoft.Extensions.Options.Options.Create(FakeCluster.Options()), TimeProvider.System);

        var info = await sut.DetectAsync(CancellationToken.None);

        Assert.Equal(product, info.Product);
        Assert.Equal(major, info.Version.Major);
        Assert.True(info.IsSupported);
        var request = Assert.Single(cluster.Requests);
        Assert.Equal("/", request.PathAndQuery);
        Assert.Equal("application/json", request.Accept);
    }

    [Fact]
    public void From_TaglineOnly_IsOpenSearch()
    {
        var info = ClusterInfo.From(new RootInfo { Version = new RootVersion { Number = "2.0.0-rc1" }, Tagline = "The OpenSearch Project: https://opensearch.org/" });

        Assert.Equal(SearchProduct.OpenSearch, info.Product);
        Assert.Equal(new Version(2, 0, 0), info.Version);
    }

    [Fact]
    public void From_Elasticsearch7_IsNotSupported()
    {
        var info = ClusterInfo.From(new RootInfo { Version = new RootVersion { Number = "7.17.0" }, Tagline = "You Know, for Search" });

        Assert.False(info.IsSupported);
    }
}
