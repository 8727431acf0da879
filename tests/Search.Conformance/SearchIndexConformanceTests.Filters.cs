using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

public abstract partial class SearchIndexConformanceTests
{
    private static readonly string London = OpportunityFixture.Regions[0];
    private static readonly string Wales = OpportunityFixture.Regions[3];

    [SkippableFact]
    public async Task SearchAsync_TermsFilter_KeepsDocumentsWithAnyValue()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest
        {
            Terms = [new TermsFilter(OpportunityIndex.Region, [London, Wales])],
            Size = 100,
        }, Ct);

        var expected = Indexes.Where(i => OpportunityFixture.RegionsOf(i).Any(r => r == London || r == Wales)).Select(OpportunityFixture.IdOf);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(response).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(), response.Total);
    }

    [SkippableFact]
    public async Task SearchAsync_TwoFilters_KeepsDocumentsMatchingBoth()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest
        {
            Terms =
            [
                new TermsFilter(OpportunityIndex.Region, [London]),
                new TermsFilter(OpportunityIndex.Stage, ["tender"]),
            ],
            Size = 100,
        }, Ct);

        var expected = Indexes
            .Where(i => OpportunityFixture.RegionsOf(i).Contains(London) && OpportunityFixture.StageOf(i) == "tender")
            .Select(OpportunityFixture.IdOf);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(response).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SearchAsync_FilterWithText_FiltersWithoutChangingRanking()
    {
        var sut = await OpportunitiesAsync();

        var all = await sut.SearchAsync(new SearchRequest { Text = "services" }, Ct);
        var tender = await sut.SearchAsync(new SearchRequest { Text = "services", Terms = [new TermsFilter(OpportunityIndex.Stage, ["tender"])] }, Ct);

        var expected = all.Hits.Where(h => OpportunityFixture.StageOf(Array.IndexOf(AllIds, h.Id)) == "tender").Select(h => h.Id);
        Assert.Equal(expected, Ids(tender));
    }

    [SkippableTheory]
    [InlineData(50_000d, 150_000d)]
    [InlineData(200_000d, null)]
    [InlineData(null, 30_000d)]
    public async Task SearchAsync_NumberRange_InclusiveAndOpenEnded(double? min, double? max)
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Ranges = [new RangeFilter(OpportunityIndex.Value, min, max)], Size = 100 }, Ct);

        var expected = Indexes
            .Where(i => OpportunityFixture.ValueOf(i) is { } v && (min is null || v >= min) && (max is null || v <= max))
            .Select(OpportunityFixture.IdOf);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(response).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(5, 10)]
    [InlineData(30, null)]
    [InlineData(null, 0)]
    public async Task SearchAsync_DateRange_InclusiveAndOpenEnded(int? fromDay, int? toDay)
    {
        var sut = await OpportunitiesAsync();
        double? min = fromDay is { } f ? OpportunityFixture.PublishedOf(f).ToUnixTimeMilliseconds() : null;
        double? max = toDay is { } t ? OpportunityFixture.PublishedOf(t).ToUnixTimeMilliseconds() : null;

        var response = await sut.SearchAsync(new SearchRequest { Ranges = [new RangeFilter(OpportunityIndex.Published, min, max)], Size = 100 }, Ct);

        var expected = Indexes.Where(i => (fromDay is null || i >= fromDay) && (toDay is null || i <= toDay)).Select(OpportunityFixture.IdOf);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(response).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SearchAsync_UnknownFilterField_ThrowsInvalidSearchRequest()
    {
        var sut = await OpportunitiesAsync();

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            sut.SearchAsync(new SearchRequest { Terms = [new TermsFilter("nope", ["x"])] }, Ct));
    }

    [SkippableFact]
    public async Task SearchAsync_WrongFieldKind_ThrowsInvalidSearchRequest()
    {
        var sut = await OpportunitiesAsync();

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            sut.SearchAsync(new SearchRequest { Ranges = [new RangeFilter(OpportunityIndex.Title, 1, 2)] }, Ct));
        await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            sut.SearchAsync(new SearchRequest { Facets = [OpportunityIndex.Value] }, Ct));
        await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            sut.SearchAsync(new SearchRequest { Sort = new SortSpec(OpportunityIndex.Description, false) }, Ct));
    }

    [SkippableTheory]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task SearchAsync_SizeOutOfRange_ThrowsInvalidSearchRequest(int size)
    {
        var sut = await OpportunitiesAsync();

        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => sut.SearchAsync(new SearchRequest { Size = size }, Ct));
    }

    private static readonly string[] AllIds = [.. Enumerable.Range(0, OpportunityFixture.Count).Select(OpportunityFixture.IdOf)];
}
