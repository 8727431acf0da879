using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class BulkWriterTests
{
    private const string Alias = "thirty3-opportunities";
    private const string Live = "thirty3-opportunities-20250101000000000-ab12";

    private static IndexDocument Doc(int n) => new()
    {
        Id = $"opp-{n:00}",
        Summary = $$"""{"id":"opp-{{n:00}}"}""",
        Text = { [OpportunityIndex.Title] = $"Title {n}" },
        Numbers = { [OpportunityIndex.Value] = n * 1000 },
    };

    [Fact]
    public async Task ApplyAsync_MixedItemStatuses_RetriesOnly429AndReportsPoison()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .OnFixture("POST /_bulk", "bulk-mixed.json")
            .OnFixture("POST /_bulk", "bulk-retry-ok.json");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        var error = await Assert.ThrowsAsync<BulkIndexingException>(() =>
            sut.ApplyAsync([Doc(1), Doc(2), Doc(3), Doc(4)], ["opp-05"], CancellationToken.None));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("opp-04", failure.Id);
        Assert.Equal(400, failure.Status);
        Assert.Equal("mapper_parsing_exception", failure.ErrorType);
        Assert.Contains("For input string", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("opp-04", error.Message, StringComparison.Ordinal);
        var bulks = cluster.To("POST", "/_bulk");
        Assert.Equal(2, bulks.Count);
        Assert.Equal(9, Lines(bulks[0]).Length); // 4 × (action + source) + 1 delete action
        var retried = Lines(bulks[1]);
        Assert.Equal(2, retried.Length);
        Assert.Contains("\"_id\":\"opp-03\"", retried[0], StringComparison.Ordinal);
        Assert.All(bulks, b => Assert.Equal("/_bulk?refresh=wait_for", b.PathAndQuery));
    }

    [Fact]
    public async Task ApplyAsync_BulkBody_IsNdjsonWithActionAndSourceLines()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .On("POST /_bulk", """{"took":1,"errors":false,"items":[{"index":{"_id":"opp-01","status":201}},{"delete":{"_id":"opp-09","status":200,"result":"deleted"}}]}""");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        await sut.ApplyAsync([Doc(1)], ["opp-09"], CancellationToken.None);

        var bulk = Assert.Single(cluster.To("POST", "/_bulk"));
        Assert.StartsWith("application/x-ndjson", bulk.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("compatible-with", bulk.ContentType + bulk.Accept, StringComparison.Ordinal);
        Assert.Equal(
            [
                """{"index":{"_index":"thirty3-opportunities","_id":"opp-01"}}""",
                """{"id":"opp-01","summary":"{\u0022id\u0022:\u0022opp-01\u0022}","title":"Title 1","value":1000}""",
                """{"delete":{"_index":"thirty3-opportunities","_id":"opp-09"}}""",
            ],
            Lines(bulk));
        Assert.EndsWith("\n", bulk.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ErrorsFalseButItemFailed_StillReportsIt()
    {
        // Never trust the top-level flag: read every item.
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .On("POST /_bulk", """{"took":1,"errors":false,"items":[{"index":{"_id":"opp-01","status":400,"error":{"type":"document_parsing_exception","reason":"[1:10] failed to parse"}}}]}""");
        using var sut = cluster.Index(OpportunityIndex.Schema);

        var error = await Assert.ThrowsAsync<BulkIndexingException>(() => sut.ApplyAsync([Doc(1)], [], CancellationToken.None));

        Assert.Equal("document_parsing_exception", Assert.Single(error.Failures).ErrorType);
    }

    [Fact]
    public async Task ApplyAsync_429UntilRetriesRunOut_ReportsRejectedItems()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .OnFixture("POST /_bulk", "bulk-retry-429.json");
        using var sut = cluster.Index(OpportunityIndex.Schema, FakeCluster.Options(retries: 2));

        var error = await Assert.ThrowsAsync<BulkIndexingException>(() => sut.ApplyAsync([Doc(3)], [], CancellationToken.None));

        var failure = Assert.Single(error.Failures);
        Assert.Equal(("opp-03", 429), (failure.Id, failure.Status));
        Assert.Equal(3, cluster.To("POST", "/_bulk").Count);
    }

    [Fact]
    public async Task ApplyAsync_ManyDocuments_SplitsIntoBatches()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live)
            .On("POST /_bulk", """{"took":1,"errors":false,"items":[{"index":{"status":201}},{"index":{"status":201}}]}""")
            .On("POST /_bulk", """{"took":1,"errors":false,"items":[{"index":{"status":201}}]}""");
        using var sut = cluster.Index(OpportunityIndex.Schema, FakeCluster.Options(batchSize: 2));

        await sut.ApplyAsync([Doc(1), Doc(2), Doc(3)], [], CancellationToken.None);

        Assert.Equal(2, cluster.To("POST", "/_bulk").Count);
    }

    [Fact]
    public async Task ApplyAsync_DocumentWithUnknownField_ThrowsBeforeSending()
    {
        var cluster = new FakeCluster().WithAlias(Alias, Live);
        using var sut = cluster.Index(OpportunityIndex.Schema);
        var bad = new IndexDocument { Id = "x", Summary = "{}", Text = { ["nope"] = "text" } };

        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync([bad], [], CancellationToken.None));

        Assert.Empty(cluster.Requests);
    }

    private static string[] Lines(RecordedRequest request) => request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
