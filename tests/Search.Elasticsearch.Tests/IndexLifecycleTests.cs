using System.Net;
using System.Text.Json.Nodes;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class IndexLifecycleTests
{
    private const string Alias = "thirty3-opportunities";
    private const string Live = "thirty3-opportunities-20250101000000000-ab12";
    private const string Ok = """{"acknowledged":true}""";

    [Fact]
    public async Task CountAsync_NoAliasYet_CreatesIndexWithMappingsAndAlias()
    {
        var cluster = new FakeCluster()
            .OnFixture("GET /_alias/thirty3-opportunities", "error-alias-404.json", HttpStatusCode.NotFound)
            .On("GET /thirty3-opportunities/_count", """{"count":0,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");
        cluster.On("PUT /", Ok); // never matched: index names are generated
        using var sut = new FakeClusterWithAnyPut(cluster).Index(OpportunityIndex.Schema);

        Assert.Equal(0, await sut.CountAsync(CancellationToken.None));

        var create = Assert.Single(cluster.To("PUT", "/thirty3-opportunities-"));
        Assert.Matches("^/thirty3-opportunities-[0-9]{17}-[0-9a-f]{4}$", create.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", create.ContentType);
        var body = JsonNode.Parse(create.Body)!;
        Assert.NotNull(body["aliases"]![Alias]);
        Assert.Equal(1, body["settings"]!["number_of_shards"]!.GetValue<int>());
        var english = body["settings"]!["analysis"]!["analyzer"]![IndexMapping.EnglishAnalyzer]!;
        Assert.Equal("standard", english["tokenizer"]!.GetValue<string>());
        Assert.Equal(["thirty3_possessive", "lowercase", "thirty3_stop", "kstem"], english["filter"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("possessive_english", body["settings"]!["analysis"]!["filter"]!["thirty3_possessive"]!["language"]!.GetValue<string>());
        Assert.Equal("_english_", body["settings"]!["analysis"]!["filter"]!["thirty3_stop"]!["stopwords"]!.GetValue<string>());
        var properties = body["mappings"]!["properties"]!;
        Assert.Equal("strict", body["mappings"]!["dynamic"]!.GetValue<string>());
        Assert.Equal("keyword", properties["id"]!["type"]!.GetValue<string>());
        Assert.False(properties["summary"]!["index"]!.GetValue<bool>());
        Assert.Equal("text", properties[OpportunityIndex.Title]!["type"]!.GetValue<string>());
        Assert.Equal("thirty3_autocomplete", properties[OpportunityIndex.Title]!["fields"]!["autocomplete"]!["analyzer"]!.GetValue<string>());
        Assert.Null(properties[OpportunityIndex.Description]!["fields"]);
        Assert.Equal("keyword", properties[OpportunityIndex.Region]!["type"]!.GetValue<string>());
        Assert.Equal("double", properties[OpportunityIndex.Value]!["type"]!.GetValue<string>());
        Assert.Equal("epoch_millis", properties[OpportunityIndex.Deadline]!["format"]!.GetValue<string>());
    }

    [Fact]
    public void AutocompleteFields_TechnologySchema_IsTheProduct()
    {
        Assert.Equal([TechnologyIndex.ProductText], IndexMapping.AutocompleteFields(TechnologyIndex.Schema).Select(f => f.Name));
    }

    [Fact]
    public void AliasSwap_OldAndNewIndex_RemovesAndAddsInOneRequest()
    {
        var body = ElasticsearchSearchIndex.AliasSwap(Alias, [Live, "thirty3-opportunities-older"], "thirty3-opportunities-new");

        Assert.Equal(
            """{"actions":[{"remove":{"index":"thirty3-opportunities-20250101000000000-ab12","alias":"thirty3-opportunities"}},{"remove":{"index":"thirty3-opportunities-older","alias":"thirty3-opportunities"}},{"add":{"index":"thirty3-opportunities-new","alias":"thirty3-opportunities","is_write_index":true}}]}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task RebuildAsync_WriteDuringRebuild_GoesToBothIndexesAndIsNotOverwritten()
    {
        var cluster = new FakeCluster()
            .WithAlias(Alias, Live)
            .On("POST /_bulk", """{"took":1,"errors":false,"items":[{"index":{"status":201}}]}""")
            .On("POST /_aliases", Ok)
            .On($"DELETE /{Live}", Ok);
        var any = new FakeClusterWithAnyPut(cluster, refreshOk: true);
        using var sut = any.Index(OpportunityIndex.Schema, FakeCluster.Options(batchSize: 1));

        await sut.RebuildAsync(Source(), CancellationToken.None);

        var newIndex = Assert.Single(cluster.To("PUT", "/thirty3-opportunities-")).PathAndQuery.TrimStart('/');
        var bulks = cluster.To("POST", "/_bulk").Select(b => b.Body).ToList();
        // Rebuild batch 1 (opp-01 → new index), then the concurrent write to the alias and to the new
        // index (one action per request at batch size 1), then nothing for the rebuild's stale opp-02.
        Assert.Equal(3, bulks.Count);
        Assert.Contains($"\"_index\":\"{newIndex}\",\"_id\":\"opp-01\"", bulks[0], StringComparison.Ordinal);
        Assert.Contains($"\"_index\":\"{Alias}\",\"_id\":\"opp-02\"", bulks[1], StringComparison.Ordinal);
        Assert.Contains($"\"_index\":\"{newIndex}\",\"_id\":\"opp-02\"", bulks[2], StringComparison.Ordinal);
        Assert.All(bulks.Skip(1), b => Assert.Contains("fresh", b, StringComparison.Ordinal));
        Assert.DoesNotContain(bulks, b => b.Contains("stale", StringComparison.Ordinal));
        Assert.Single(cluster.To("POST", $"/{newIndex}/_refresh"));
        var swap = JsonNode.Parse(Assert.Single(cluster.To("POST", "/_aliases")).Body)!["actions"]!.AsArray();
        Assert.Equal(Live, swap[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal(newIndex, swap[1]!["add"]!["index"]!.GetValue<string>());
        Assert.Single(cluster.To("DELETE", $"/{Live}"));

        async IAsyncEnumerable<IndexDocument> Source()
        {
            yield return Doc(1, "first");
            await sut.ApplyAsync([Doc(2, "fresh")], [], CancellationToken.None);
            yield return Doc(2, "stale");
        }
    }

    [Fact]
    public async Task RebuildAsync_SourceFails_DeletesNewIndexAndKeepsAlias()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live).On("DELETE /", Ok);
        var any = new FakeClusterWithAnyPut(cluster, deleteOk: true);
        using var sut = any.Index(OpportunityIndex.Schema);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RebuildAsync(Failing(), CancellationToken.None));

        var newIndex = Assert.Single(cluster.To("PUT", "/thirty3-opportunities-")).PathAndQuery;
        Assert.Single(cluster.To("DELETE", newIndex));
        Assert.Empty(cluster.To("POST", "/_aliases"));

        static async IAsyncEnumerable<IndexDocument> Failing()
        {
            await Task.Yield();
            throw new InvalidOperationException("store went away");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }
    }

    private static IndexDocument Doc(int n, string title) => new()
    {
        Id = $"opp-{n:00}",
        Summary = "{}",
        Text = { [OpportunityIndex.Title] = title },
    };

    /// <summary>Answers PUT (index creation) and optionally refresh/DELETE of generated index names, which tests cannot know in advance.</summary>
    private sealed class FakeClusterWithAnyPut(FakeCluster inner, bool refreshOk = false, bool deleteOk = false) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var generated = path.StartsWith("/thirty3-opportunities-", StringComparison.Ordinal) && path != $"/{Live}";
            if (generated && (request.Method == HttpMethod.Put || (refreshOk && path.EndsWith("/_refresh", StringComparison.Ordinal)) || (deleteOk && request.Method == HttpMethod.Delete)))
            {
                inner.On($"{request.Method.Method} {path}", Ok);
            }
            return await base.SendAsync(request, cancellationToken);
        }

        public ElasticsearchSearchIndex Index(IndexSchema schema, ElasticsearchOptions? options = null) =>
            new ElasticsearchSearchIndexFactory(
                Refit.RestService.For<IElasticsearchApi>(new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://search.test:9200/") }, ElasticsearchApiSettings.Create()),
                Microsoft.Extensions.Options.Options.Create(options ?? FakeCluster.Options()),
                TimeProvider.System).OpenIndex(schema);
    }
}
