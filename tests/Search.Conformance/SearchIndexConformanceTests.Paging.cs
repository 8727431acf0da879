using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

public abstract partial class SearchIndexConformanceTests
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SearchAsync_SortByNumber_OrdersWithMissingLast(bool descending)
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Sort = new SortSpec(OpportunityIndex.Value, descending), Size = 100 }, Ct);

        Assert.Equal(ExpectedOrder(OpportunityFixture.ValueOf, descending), Ids(response));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SearchAsync_SortByDate_OrdersWithMissingLast(bool descending)
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Sort = new SortSpec(OpportunityIndex.Deadline, descending), Size = 100 }, Ct);

        Assert.Equal(ExpectedOrder(i => OpportunityFixture.DeadlineOf(i)?.ToUnixTimeMilliseconds(), descending), Ids(response));
    }

    [SkippableFact]
    public async Task SearchAsync_FromAndSize_ReturnsThatSlice()
    {
        var sut = await OpportunitiesAsync();
        var sort = new SortSpec(OpportunityIndex.Value, false);

        var all = await sut.SearchAsync(new SearchRequest { Sort = sort, Size = 100 }, Ct);
        var page = await sut.SearchAsync(new SearchRequest { Sort = sort, From = 5, Size = 5 }, Ct);

        Assert.Equal(Ids(all).Skip(5).Take(5), Ids(page));
        Assert.Equal(OpportunityFixture.Count, page.Total);
        Assert.NotNull(page.NextCursor);
    }

    [SkippableFact]
    public async Task SearchAsync_LastPage_HasNoCursor()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { From = OpportunityFixture.Count - 3, Size = 3 }, Ct);

        Assert.Equal(3, response.Hits.Count);
        Assert.Null(response.NextCursor);
    }

    public static TheoryData<string?, string?, bool> CursorCases => new()
    {
        { null, null, true },
        { "council", null, true },
        { null, OpportunityIndex.Value, false },
        { null, OpportunityIndex.Deadline, true },
        { null, OpportunityIndex.Region, false },
    };

    [SkippableTheory]
    [MemberData(nameof(CursorCases))]
    public async Task SearchAsync_CursorAcrossAllPages_VisitsEveryHitOnce(string? text, string? sortField, bool descending)
    {
        var sut = await OpportunitiesAsync();
        var request = new SearchRequest { Text = text, Sort = sortField is null ? SortSpec.Relevance : new SortSpec(sortField, descending), Size = 7 };
        var everything = await sut.SearchAsync(request with { Size = 1000 }, Ct);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await sut.SearchAsync(request with { Cursor = cursor }, Ct);
            Assert.Equal(everything.Total, page.Total);
            seen.AddRange(Ids(page));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count <= everything.Total);

        Assert.True(everything.Total > 7, "the case must span several pages");
        Assert.Equal(Ids(everything), seen);
    }

    [SkippableTheory]
    [InlineData("not base64 !")]
    [InlineData("eyJ4IjoxfQ")]
    [InlineData("")]
    public async Task SearchAsync_MalformedCursor_ThrowsInvalidSearchRequest(string cursor)
    {
        var sut = await OpportunitiesAsync();

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => sut.SearchAsync(new SearchRequest { Cursor = cursor }, Ct));
    }

    [SkippableFact]
    public async Task SearchAsync_CursorOfAnotherSort_ThrowsInvalidSearchRequest()
    {
        var sut = await OpportunitiesAsync();
        var first = await sut.SearchAsync(new SearchRequest { Size = 5 }, Ct);

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            sut.SearchAsync(new SearchRequest { Size = 5, Cursor = first.NextCursor, Sort = new SortSpec(OpportunityIndex.Value, false) }, Ct));
    }

    /// <summary>Ids by value (missing last in both directions), ties by id ascending.</summary>
    private static List<string> ExpectedOrder<T>(Func<int, T?> valueOf, bool descending)
        where T : struct, IComparable<T>
    {
        var present = Indexes.Where(i => valueOf(i) is not null);
        var ordered = descending
            ? present.OrderByDescending(i => valueOf(i)!.Value).ThenBy(OpportunityFixture.IdOf, StringComparer.Ordinal)
            : present.OrderBy(i => valueOf(i)!.Value).ThenBy(OpportunityFixture.IdOf, StringComparer.Ordinal);
        var missing = Indexes.Where(i => valueOf(i) is null).OrderBy(OpportunityFixture.IdOf, StringComparer.Ordinal);
        return [.. ordered.Concat(missing).Select(OpportunityFixture.IdOf)];
    }
}
