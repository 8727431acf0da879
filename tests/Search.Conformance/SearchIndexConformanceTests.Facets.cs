using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

public abstract partial class SearchIndexConformanceTests
{
    [SkippableFact]
    public async Task SearchAsync_FacetsWithoutFilters_CountEveryValueExactly()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Facets = [OpportunityIndex.Stage, OpportunityIndex.Region], Size = 0 }, Ct);

        Assert.Equal(ExpectedCounts(Indexes, i => [OpportunityFixture.StageOf(i)]), Counts(response, OpportunityIndex.Stage));
        Assert.Equal(ExpectedCounts(Indexes, OpportunityFixture.RegionsOf), Counts(response, OpportunityIndex.Region));
        Assert.Empty(response.Hits);
        Assert.Equal(OpportunityFixture.Count, response.Total);
    }

    [SkippableFact]
    public async Task SearchAsync_FacetOfFilteredField_IgnoresItsOwnFilterButNotOthers()
    {
        var sut = await OpportunitiesAsync();
        var stage = "tender";
        var region = OpportunityFixture.Regions[1];

        var response = await sut.SearchAsync(new SearchRequest
        {
            Terms =
            [
                new TermsFilter(OpportunityIndex.Stage, [stage]),
                new TermsFilter(OpportunityIndex.Region, [region]),
            ],
            Facets = [OpportunityIndex.Stage, OpportunityIndex.Region, OpportunityIndex.Buyer],
        }, Ct);

        var inRegion = Indexes.Where(i => OpportunityFixture.RegionsOf(i).Contains(region));
        var inStage = Indexes.Where(i => OpportunityFixture.StageOf(i) == stage);
        var inBoth = inRegion.Intersect(inStage);
        Assert.Equal(ExpectedCounts(inRegion, i => [OpportunityFixture.StageOf(i)]), Counts(response, OpportunityIndex.Stage));
        Assert.Equal(ExpectedCounts(inStage, OpportunityFixture.RegionsOf), Counts(response, OpportunityIndex.Region));
        Assert.Equal(ExpectedCounts(inBoth, i => [$"buyer-{i % 6}"]), Counts(response, OpportunityIndex.Buyer));
        Assert.Equal(inBoth.Count(), response.Total);
    }

    [SkippableFact]
    public async Task SearchAsync_TextWithThreeFilters_EachFilteredFacetIgnoresOnlyItsOwnFilter()
    {
        var sut = await OpportunitiesAsync();
        const string text = "services";
        // Which documents the words match is the backend's analysis; the filters' effect on facets is what is checked.
        var matched = (await sut.SearchAsync(new SearchRequest { Text = text, Size = 100 }, Ct)).Hits
            .Select(h => Indexes.Single(i => OpportunityFixture.IdOf(i) == h.Id)).ToList();
        var stage = "tender";
        var region = OpportunityFixture.Regions[0];

        var response = await sut.SearchAsync(new SearchRequest
        {
            Text = text,
            Terms =
            [
                new TermsFilter(OpportunityIndex.Stage, [stage]),
                new TermsFilter(OpportunityIndex.Region, [region]),
            ],
            // A filter on a field without a facet narrows every facet.
            Ranges = [new RangeFilter(OpportunityIndex.Value, 1, null)],
            Facets = [OpportunityIndex.Stage, OpportunityIndex.Region, OpportunityIndex.Buyer],
        }, Ct);

        var valued = matched.Where(i => OpportunityFixture.ValueOf(i) is not null).ToList();
        var inRegion = valued.Where(i => OpportunityFixture.RegionsOf(i).Contains(region)).ToList();
        var inStage = valued.Where(i => OpportunityFixture.StageOf(i) == stage).ToList();
        var inBoth = inRegion.Intersect(inStage).ToList();
        Assert.True(matched.Count >= 8, $"'{text}' should match a good share of the fixture, matched {matched.Count}");
        Assert.NotEmpty(inRegion);
        Assert.NotEmpty(inStage);
        Assert.Equal(ExpectedCounts(inRegion, i => [OpportunityFixture.StageOf(i)]), Counts(response, OpportunityIndex.Stage));
        Assert.Equal(ExpectedCounts(inStage, OpportunityFixture.RegionsOf), Counts(response, OpportunityIndex.Region));
        Assert.Equal(ExpectedCounts(inBoth, i => [$"buyer-{i % 6}"]), Counts(response, OpportunityIndex.Buyer));
        Assert.Equal(inBoth.Count, response.Total);
    }

    [SkippableFact]
    public async Task SearchAsync_FacetWithText_CountsOnlyMatchingDocuments()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "\"street lighting\"", Facets = [OpportunityIndex.Stage] }, Ct);

        Assert.Equal(new Dictionary<string, long> { [OpportunityFixture.StageOf(7)] = 1 }, Counts(response, OpportunityIndex.Stage));
    }

    [SkippableFact]
    public async Task SearchAsync_FacetSize_KeepsHighestCountsThenValueOrder()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Facets = [OpportunityIndex.Buyer], FacetSize = 3 }, Ct);

        var expected = ExpectedCounts(Indexes, i => [$"buyer-{i % 6}"])
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(3)
            .Select(kv => new FacetValue(kv.Key, kv.Value));
        Assert.Equal(expected, response.Facets[OpportunityIndex.Buyer]);
    }

    private static Dictionary<string, long> ExpectedCounts(IEnumerable<int> indexes, Func<int, IEnumerable<string>> values) =>
        indexes.SelectMany(values).GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count());
}
