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
