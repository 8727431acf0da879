using System.Text.Json.Nodes;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class PointInTimeTests
{
    [Fact]
    public async Task OpenAndClose_Elasticsearch_UsesPitEndpointsAndIdBody()
    {
        var cluster = new FakeCluster()
            .OnFixture("POST /thirty3-opportunities/_pit", "pit-open-es.json")
            .OnFixture("DELETE /_pit", "pit-close-es.json");
        var sut = new PointInTime(cluster.Api(), new ClusterInfo(SearchProduct.Elasticsearch, new Version(8, 15)));

        var id = await sut.OpenAsync("thirty3-opportunities", TimeSpan.FromMinutes(1), CancellationToken.None);
        var closed = await sut.CloseAsync(id, CancellationToken.None);

        Assert.StartsWith("46ToAwMDaWR5", id, StringComparison.Ordinal);
        Assert.True(closed);
        Assert.Equal("/thirty3-opportunities/_pit?keep_alive=60s", cluster.Requests[0].PathAndQuery);
        Assert.Equal("POST", cluster.Requests[0].Method);
        Assert.Equal("DELETE", cluster.Requests[1].Method);
        Assert.Equal("/_pit", cluster.Requests[1].PathAndQuery);
        Assert.Equal(id, JsonNode.Parse(cluster.Requests[1].Body)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenAndClose_OpenSearch_UsesPointInTimeEndpointsAndPitIdBody()
    {
        var cluster = new FakeCluster()
            .OnFixture("POST /thirty3-opportunities/_search/point_in_time", "pit-open-opensearch.json")
            .OnFixture("DELETE /_search/point_in_time", "pit-close-opensearch.json");
        var sut = new PointInTime(cluster.Api(), new ClusterInfo(SearchProduct.OpenSearch, new Version(2, 17)));

        var id = await sut.OpenAsync("thirty3-opportunities", TimeSpan.FromMinutes(1), CancellationToken.None);
        var closed = await sut.CloseAsync(id, CancellationToken.None);

        Assert.StartsWith("o463QQEPbXkt", id, StringComparison.Ordinal);
        Assert.True(closed);
        Assert.Equal("/thirty3-opportunities/_search/point_in_time?keep_alive=60s", cluster.Requests[0].PathAndQuery);
        Assert.Equal("/_search/point_in_time", cluster.Requests[1].PathAndQuery);
        var pitIds = JsonNode.Parse(cluster.Requests[1].Body)!["pit_id"]!.AsArray();
        Assert.Equal(id, Assert.Single(pitIds)!.GetValue<string>());
    }
}
