using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class SearchTests
{
    private const string Alias = "thirty3-opportunities";
    private const string Live = "thirty3-opportunities-20250101000000000-ab12";

    private static SearchRequest FullRequest(string? cursor) => new()
    {
        Text = "cyber security",
        Terms = [new TermsFilter(OpportunityIndex.Stage, ["tender"]), new TermsFilter(OpportunityIndex.Region, ["London", "Wales"])],
        Ranges = [new RangeFilter(OpportunityIndex.Value, 1000, null)],
        Facets = [OpportunityIndex.Stage, OpportunityIndex.Buyer],
        Sort = new SortSpec(OpportunityIndex.Value, Descending: true),
        Size = 2,
        Cursor = cursor,
    };

    [Fact]
    public async Task SearchAsync_TextFiltersFacetsSortCursor_SendsExpectedQueryDsl()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).OnFixture($"POST /{Alias}/_search", "search-facets.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);
        var first = await sut.SearchAsync(FullRequest(null), CancellationToken.None);

        await sut.SearchAsync(FullRequest(first.NextCursor), CancellationToken.None);

        var searches = cluster.To("POST", $"/{Alias}/_search");
        Assert.Equal(2, searches.Count);
        Assert.Equal($"/{Alias}/_search", searches[1].PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", searches[1].ContentType);
        Assert.Equal("application/json", searches[1].Accept);
        var body = JsonNode.Parse(searches[1].Body)!.AsObject();

        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        Assert.Equal(3, body["size"]!.GetValue<int>());
        Assert.Null(body["from"]);
        Assert.Equal("[120000.0,\"opp-09\"]", body["search_after"]!.ToJsonString());
        Assert.Equal(
            """[{"value":{"order":"desc","missing":-1.7976931348623157E+308}},{"id":{"order":"asc"}}]""",
            body["sort"]!.ToJsonString());

        // Text must match (two words, each across the boosted text fields, exact or with a typo);
        // filters on fields without a facet narrow the query in filter context.
        var must = body["query"]!["bool"]!["must"]![0]!["bool"]!["must"]!.AsArray();
        Assert.Equal(2, must.Count);
        var exact = must[0]!["dis_max"]!["queries"]![0]!["multi_match"]!;
        var fuzzy = must[0]!["dis_max"]!["queries"]![1]!["multi_match"]!;
        Assert.Equal("cyber", exact["query"]!.GetValue<string>());
        Assert.Contains("title^4", exact["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("lots_text^0.7", exact["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("AUTO:4,8", fuzzy["fuzziness"]!.GetValue<string>());
        Assert.Equal(1, fuzzy["prefix_length"]!.GetValue<int>());
        Assert.Equal(0.3, fuzzy["boost"]!.GetValue<double>());
        var queryFilters = body["query"]!["bool"]!["filter"]!.ToJsonString();
        Assert.Equal("""[{"terms":{"region":["London","Wales"]}},{"range":{"value":{"gte":1000}}}]""", queryFilters);

        // The faceted field's filter is a post_filter; its facet ignores it, the other facet applies it.
        Assert.Equal("""{"bool":{"filter":[{"terms":{"stage":["tender"]}}]}}""", body["post_filter"]!.ToJsonString());
        Assert.Equal("""{"match_all":{}}""", body["aggs"]!["facet_0"]!["filter"]!.ToJsonString());
        Assert.Equal("stage", body["aggs"]!["facet_0"]!["aggs"]!["values"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("""{"bool":{"filter":[{"terms":{"stage":["tender"]}}]}}""", body["aggs"]!["facet_1"]!["filter"]!.ToJsonString());
        Assert.Equal("""[{"_count":"desc"},{"_key":"asc"}]""", body["aggs"]!["facet_1"]!["aggs"]!["values"]!["terms"]!["order"]!.ToJsonString());

        var highlight = body["highlight"]!;
        Assert.Equal("html", highlight["encoder"]!.GetValue<string>());
        Assert.Equal("<mark>", highlight["pre_tags"]![0]!.GetValue<string>());
        Assert.NotNull(highlight["fields"]![OpportunityIndex.Title]);
        Assert.NotNull(highlight["fields"]![OpportunityIndex.Description]);
        Assert.Null(highlight["fields"]![OpportunityIndex.BuyerName]);
    }

    [Fact]
    public async Task SearchAsync_RecordedResponse_MapsHitsHighlightsFacetsTotalAndCursor()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).OnFixture($"POST /{Alias}/_search", "search-facets.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        var response = await sut.SearchAsync(FullRequest(null), CancellationToken.None);

        Assert.Equal(12, response.Total);
        Assert.Equal(["opp-07", "opp-09"], response.Hits.Select(h => h.Id));
        Assert.Equal("""{"id":"opp-07"}""", response.Hits[0].Summary);
        Assert.Equal(0, response.Hits[0].Score);
        Assert.Equal(["<mark>Cyber</mark> security &lt;script&gt; testing"], response.Hits[0].Highlights[OpportunityIndex.Title]);
        Assert.Equal(2, response.Hits[0].Highlights[OpportunityIndex.Description].Count);
        Assert.Empty(response.Hits[1].Highlights);
        Assert.Equal([new FacetValue("tender", 12), new FacetValue("award", 8)], response.Facets[OpportunityIndex.Stage]);
        Assert.Equal([new FacetValue("London", 9), new FacetValue("Wales", 3)], response.Facets[OpportunityIndex.Buyer]);
        var cursor = JsonNode.Parse(Base64Url.DecodeFromChars(response.NextCursor!))!;
        Assert.Equal("value:desc", cursor["S"]!.GetValue<string>());
        Assert.Equal("[120000.0,\"opp-09\"]", cursor["V"]!.ToJsonString());
    }

    [Fact]
    public async Task SearchAsync_NoHitHasEveryWord_SendsRelaxedQuery()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .OnFixture($"POST /{Alias}/_search", "search-empty.json")
            .OnFixture($"POST /{Alias}/_search", "search-facets.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        var response = await sut.SearchAsync(new SearchRequest { Text = "grounds zebra" }, CancellationToken.None);

        var searches = cluster.To("POST", $"/{Alias}/_search");
        Assert.Equal(2, searches.Count);
        Assert.NotNull(JsonNode.Parse(searches[0].Body)!["query"]!["bool"]!["must"]);
        var relaxed = JsonNode.Parse(searches[1].Body)!["query"]!["bool"]!;
        Assert.Equal(2, relaxed["should"]!.AsArray().Count);
        Assert.Equal(1, relaxed["minimum_should_match"]!.GetValue<int>());
        Assert.Equal(12, response.Total);
    }

    [Fact]
    public async Task SearchAsync_Synonym_ExpandsToPhrasesOfEveryVariant()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).OnFixture($"POST /{Alias}/_search", "search-empty.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        await sut.SearchAsync(new SearchRequest { Text = "CRM" }, CancellationToken.None);

        var should = JsonNode.Parse(cluster.To("POST", $"/{Alias}/_search")[0].Body)!["query"]!["bool"]!["should"]!.AsArray();
        Assert.Equal(["crm", "customer relationship management"], should.Select(s => s!["multi_match"]!["query"]!.GetValue<string>()));
        Assert.All(should, s => Assert.Equal("phrase", s!["multi_match"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SearchAsync_ClusterError_ThrowsWithTypeReasonAndRootCause()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).OnFixture($"POST /{Alias}/_search", "error-search-400.json", HttpStatusCode.BadRequest);
        using var sut = cluster.Index(OpportunityIndex.Schema);

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => sut.SearchAsync(new SearchRequest(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("search_phase_execution_exception", error.ErrorType);
        Assert.Equal("all shards failed", error.Reason);
        Assert.Contains("query_shard_exception", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /thirty3-opportunities/_search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountAsync_IndexCreationRefused_ThrowsClearError()
    {
        var cluster = new FakeCluster()
            .OnFixture("GET /_alias/thirty3-opportunities", "error-alias-404.json", HttpStatusCode.NotFound);
        using var sut = cluster.Index(OpportunityIndex.Schema);

        // The fake has no answer for the generated index name: 501 with a string error.
        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => sut.CountAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotImplemented, error.Status);
        Assert.Contains("no fake response", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("eyJ4IjoxfQ")]
    [InlineData("eyJTIjoiX3Njb3JlIiwiViI6W3RydWUsIm9wcC0wMSJdfQ")] // {"S":"_score","V":[true,"opp-01"]}
    public async Task SearchAsync_BadCursor_ThrowsInvalidSearchRequestWithoutCallingCluster(string cursor)
    {
        var cluster = new FakeCluster();
        using var sut = cluster.Index(OpportunityIndex.Schema);

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => sut.SearchAsync(new SearchRequest { Cursor = cursor }, CancellationToken.None));

        Assert.Empty(cluster.Requests);
    }

    [Fact]
    public async Task SearchAsync_DateRange_SendsEpochMillisInclusiveBounds()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).OnFixture($"POST /{Alias}/_search", "search-empty.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        await sut.SearchAsync(new SearchRequest { Ranges = [new RangeFilter(OpportunityIndex.Published, 1000.5, 2000.5)], Sort = new SortSpec(OpportunityIndex.Published, false) }, CancellationToken.None);

        var body = JsonNode.Parse(cluster.To("POST", $"/{Alias}/_search")[0].Body)!;
        Assert.Equal("""[{"range":{"published":{"gte":1001,"lte":2000,"format":"epoch_millis"}}}]""", body["query"]!["bool"]!["filter"]!.ToJsonString());
        Assert.Equal("""{"published":{"order":"asc","missing":"_last"}}""", body["sort"]![0]!.ToJsonString());
        Assert.Null(body["highlight"]);
        Assert.Null(body["aggs"]);
    }
}
