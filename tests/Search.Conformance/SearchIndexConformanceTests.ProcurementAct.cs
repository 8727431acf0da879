using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

/// <summary>The fields Procurement Act notices add, indexed from opportunities as the directory compiles them.</summary>
public abstract partial class SearchIndexConformanceTests
{
    private static OpportunityDetail Detail(string ocid, string title, Func<OpportunitySummary, OpportunitySummary> shape, params LotSummary[] lots) => new()
    {
        Summary = shape(new OpportunitySummary { Ocid = ocid, Title = title, Stage = Stages.Tender, Status = "active", Published = OpportunityFixture.Epoch }),
        Lots = lots,
    };

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly OpportunityDetail[] ActDetails =
    [
        Detail("pa-1", "Resident portal", s => s with { NoticeTypes = ["UK1", "UK2", "UK4"], Deadline = Now.AddDays(10), DeadlineKind = DeadlineKinds.ExpressionOfInterest, LegalBasis = LegalBases.ProcurementAct2023, AboveThreshold = true, Regions = [.. Regions.All], Region = Regions.UkWide }),
        Detail("pa-2", "School transport market", s => s with { NoticeTypes = ["UK13"], Technique = Techniques.DynamicMarket, AdmitsSuppliers = true, LegalBasis = LegalBases.ProcurementAct2023, AboveThreshold = false, Regions = ["South East", "South West"] }),
        Detail("pa-3", "Grounds market", s => s with { NoticeTypes = ["UK13", "UK15"], Technique = Techniques.DynamicMarket, AdmitsSuppliers = false, Regions = ["South East"] }),
        Detail("pa-4", "Case management framework", s => s with { NoticeTypes = ["UK4"], Technique = Techniques.OpenFramework, Deadline = Now.AddDays(-5), SpecialRegimes = ["lightTouch"], Regions = ["London"] }),
        Detail("pa-5", "Case management call-off", s => s with { NoticeTypes = ["UK6"], Stage = Stages.Award, FrameworkOcid = "pa-4", Regions = ["London"] }),
        Detail("pa-6", "Library services", s => s with { NoticeTypes = ["F02"], Regions = ["North East", "Yorkshire and The Humber"] },
            new LotSummary("1", "Digital skills training", "Sessions for residents", 150_000m, "active")),
    ];

    private async Task<ISearchIndex> ActAsync()
    {
        var sut = Track(CreateIndex(OpportunityIndex.Schema));
        await sut.ApplyAsync([.. ActDetails.Select(OpportunityDocuments.ToDocument)], [], Ct);
        return sut;
    }

    [SkippableFact]
    public async Task SearchAsync_NoticeTypeFacet_CountsEveryTypeAProcessPublished()
    {
        var sut = await ActAsync();

        var response = await sut.SearchAsync(new SearchRequest { Facets = [OpportunityIndex.NoticeType], Size = 0 }, Ct);

        var counts = Counts(response, OpportunityIndex.NoticeType);
        Assert.Equal(2, counts["UK13"]);
        Assert.Equal(2, counts["UK4"]);
        Assert.Equal(1, counts["UK15"]);
        Assert.Equal(1, counts["F02"]);
    }

    [SkippableFact]
    public async Task SearchAsync_OpenUntilFromNow_DeadlinesAheadAndMarketsAdmittingSuppliers()
    {
        var sut = await ActAsync();

        var response = await sut.SearchAsync(new SearchRequest { Ranges = [new RangeFilter(OpportunityIndex.OpenUntil, Now.ToUnixTimeMilliseconds(), null)], Size = 10 }, Ct);

        Assert.Equal(["pa-1", "pa-2"], Ids(response).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SearchAsync_RegionOfAUkWideNotice_FoundInEveryRegion()
    {
        var sut = await ActAsync();

        var wales = await sut.SearchAsync(new SearchRequest { Terms = [new TermsFilter(OpportunityIndex.Region, ["Wales"])], Size = 10 }, Ct);
        var southWest = await sut.SearchAsync(new SearchRequest { Terms = [new TermsFilter(OpportunityIndex.Region, ["South West"])], Size = 10 }, Ct);

        Assert.Equal(["pa-1"], Ids(wales));
        Assert.Equal(["pa-1", "pa-2"], Ids(southWest).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SearchAsync_FrameworkTechniqueRegimeAndThreshold_FilterAsKeywords()
    {
        var sut = await ActAsync();

        async Task<List<string>> Filter(string field, string value) =>
            Ids(await sut.SearchAsync(new SearchRequest { Terms = [new TermsFilter(field, [value])], Size = 10 }, Ct)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["pa-5"], await Filter(OpportunityIndex.Framework, "pa-4"));
        Assert.Equal(["pa-2", "pa-3"], await Filter(OpportunityIndex.Technique, Techniques.DynamicMarket));
        Assert.Equal(["pa-4"], await Filter(OpportunityIndex.SpecialRegime, "lightTouch"));
        Assert.Equal(["pa-2"], await Filter(OpportunityIndex.Threshold, Thresholds.Below));
        Assert.Equal(["pa-1", "pa-2"], await Filter(OpportunityIndex.LegalBasis, LegalBases.ProcurementAct2023));
    }

    [SkippableFact]
    public async Task SearchAsync_WordsOfALot_FindTheOpportunity()
    {
        var sut = await ActAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "digital skills", Size = 10 }, Ct);

        Assert.Equal("pa-6", Ids(response)[0]);
    }
}
