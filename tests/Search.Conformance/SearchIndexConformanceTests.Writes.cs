using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

public abstract partial class SearchIndexConformanceTests
{
    [SkippableFact]
    public async Task ApplyAsync_SameIdTwice_KeepsOneDocumentWithLatestContent()
    {
        var sut = await OpportunitiesAsync();

        await sut.ApplyAsync([OpportunityFixture.Build(4, title: "Zeppelin hangar lease")], [], Ct);

        Assert.Equal(OpportunityFixture.Count, await sut.CountAsync(Ct));
        Assert.Equal(["opp-05"], Ids(await sut.SearchAsync(new SearchRequest { Text = "zeppelin" }, Ct)));
        Assert.DoesNotContain("opp-05", Ids(await sut.SearchAsync(new SearchRequest { Text = "waste" }, Ct)));
    }

    [SkippableFact]
    public async Task ApplyAsync_Delete_RemovesDocument()
    {
        var sut = await OpportunitiesAsync();

        await sut.ApplyAsync([], ["opp-05"], Ct);

        Assert.Equal(OpportunityFixture.Count - 1, await sut.CountAsync(Ct));
        Assert.DoesNotContain("opp-05", Ids(await sut.SearchAsync(new SearchRequest { Text = "waste collection", Size = 100 }, Ct)));
    }

    [SkippableFact]
    public async Task ApplyAsync_UpsertsAndDeletesInOneCall_AppliesBoth()
    {
        var sut = Track(CreateIndex(OpportunityIndex.Schema));

        await sut.ApplyAsync([OpportunityFixture.Build(0), OpportunityFixture.Build(1)], ["opp-01"], Ct);

        Assert.Equal(["opp-02"], Ids(await sut.SearchAsync(new SearchRequest(), Ct)));
    }

    [SkippableFact]
    public async Task RebuildAsync_NewContent_ReplacesOldContent()
    {
        var sut = await OpportunitiesAsync();

        await sut.RebuildAsync(Source(OpportunityFixture.Build(0, "Zeppelin one"), OpportunityFixture.Build(1, "Zeppelin two"), OpportunityFixture.Build(1, "Zeppelin two again")), Ct);

        Assert.Equal(2, await sut.CountAsync(Ct));
        var response = await sut.SearchAsync(new SearchRequest { Text = "zeppelin" }, Ct);
        Assert.Equal(["opp-01", "opp-02"], Ids(response).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await sut.SearchAsync(new SearchRequest { Text = "waste" }, Ct)).Total);
    }

    [SkippableFact]
    public async Task CountAsync_EmptyIndex_IsZero()
    {
        var sut = Track(CreateIndex(OpportunityIndex.Schema));

        Assert.Equal(0, await sut.CountAsync(Ct));
        Assert.Equal(0, (await sut.SearchAsync(new SearchRequest { Text = "anything", Facets = [OpportunityIndex.Stage] }, Ct)).Total);
    }

    protected static async IAsyncEnumerable<IndexDocument> Source(params IndexDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }
}
