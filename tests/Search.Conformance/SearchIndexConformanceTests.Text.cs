using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.Search.Conformance;

public abstract partial class SearchIndexConformanceTests
{
    [SkippableFact]
    public async Task SearchAsync_TitleWords_RanksThatDocumentFirst()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "waste collection vehicles" }, Ct);

        Assert.Equal("opp-05", response.Hits[0].Id);
    }

    [SkippableFact]
    public async Task SearchAsync_AllWordsPresentSomewhere_OnlyDocumentsHavingEveryWord()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "leisure pool" }, Ct);

        Assert.Equal(["opp-19"], Ids(response));
    }

    [SkippableFact]
    public async Task SearchAsync_QuotedPhrase_MatchesWordsInOrderOnly()
    {
        var sut = await OpportunitiesAsync();

        var phrase = await sut.SearchAsync(new SearchRequest { Text = "\"street lighting\"" }, Ct);
        var words = await sut.SearchAsync(new SearchRequest { Text = "street lighting" }, Ct);

        Assert.Equal(["opp-08"], Ids(phrase));
        Assert.Contains("opp-09", Ids(words));
    }

    [SkippableFact]
    public async Task SearchAsync_Typo_FindsCorrectSpelling()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "managment consultancy" }, Ct);

        Assert.Equal("opp-11", response.Hits[0].Id);
    }

    [SkippableFact]
    public async Task SearchAsync_ExactSpelling_ScoresHigherThanTypo()
    {
        var sut = await OpportunitiesAsync();

        var exact = await sut.SearchAsync(new SearchRequest { Text = "management consultancy" }, Ct);
        var typo = await sut.SearchAsync(new SearchRequest { Text = "managment consultancy" }, Ct);

        Assert.True(exact.Hits.Single(h => h.Id == "opp-11").Score > typo.Hits.Single(h => h.Id == "opp-11").Score);
    }

    [SkippableTheory]
    [InlineData("CRM", "opp-01")]
    [InlineData("customer relationship management", "opp-02")]
    [InlineData("revs and bens", "opp-03")]
    [InlineData("revenues and benefits", "opp-04")]
    [InlineData("HR", "opp-12")]
    [InlineData("GIS", "opp-13")]
    [InlineData("EDRMS", "opp-14")]
    [InlineData("erp", "opp-15")]
    [InlineData("SEND transport", "opp-17")]
    public async Task SearchAsync_SynonymOfTitle_FindsDocument(string text, string expectedId)
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = text, Size = 50 }, Ct);

        Assert.Contains(expectedId, Ids(response));
    }

    [SkippableFact]
    public async Task SearchAsync_LowerCaseIt_IsNotReadAsInformationTechnology()
    {
        var sut = await OpportunitiesAsync();

        // "it" is an ordinary word; only the capitalised abbreviation expands.
        var response = await sut.SearchAsync(new SearchRequest { Text = "it" }, Ct);

        Assert.Equal(OpportunityFixture.Count, response.Total);
    }

    [SkippableFact]
    public async Task SearchAsync_TechnologySynonym_FindsFunction()
    {
        var sut = await TechnologiesAsync();

        var crm = await sut.SearchAsync(new SearchRequest { Text = "crm" }, Ct);
        var hr = await sut.SearchAsync(new SearchRequest { Text = "HR" }, Ct);

        Assert.Equal(["tech-02", "tech-07"], Ids(crm).Order(StringComparer.Ordinal));
        Assert.Equal(["tech-01"], Ids(hr));
    }

    [SkippableTheory]
    [InlineData("\"unbalanced (quote AND OR *")]
    [InlineData("title:[a TO")]
    [InlineData("*:* ~ ^ \\ / && || !")]
    [InlineData("\"\"")]
    [InlineData("the of and")]
    [InlineData("a\u0000b \ud83d\ude00")]
    public async Task SearchAsync_UserSyntax_DoesNotThrow(string text)
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = text }, Ct);

        Assert.NotNull(response);
    }

    [SkippableFact]
    public async Task SearchAsync_NoDocumentHasEveryWord_FallsBackToDocumentsWithSome()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "grounds zebra" }, Ct);

        Assert.Equal("opp-20", response.Hits[0].Id);
    }

    [SkippableFact]
    public async Task SearchAsync_Highlight_MarksTitleMatchAndEncodesHtml()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "cyber" }, Ct);

        var hit = Assert.Single(response.Hits);
        var snippet = Assert.Single(hit.Highlights[OpportunityIndex.Title]);
        Assert.Contains("<mark>Cyber</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SearchAsync_HighlightOfStemAndSynonym_MarksTheWordsAsWritten()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "CRM", Size = 50 }, Ct);

        var hit = response.Hits.Single(h => h.Id == "opp-01");
        Assert.Contains("<mark>Customer</mark> <mark>relationship</mark> <mark>management</mark>", hit.Highlights[OpportunityIndex.Title][0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SearchAsync_HighlightOff_ReturnsNoSnippets()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "cyber", Highlight = false }, Ct);

        Assert.Empty(Assert.Single(response.Hits).Highlights);
    }

    [SkippableFact]
    public async Task SearchAsync_Hit_ReturnsStoredSummary()
    {
        var sut = await OpportunitiesAsync();

        var response = await sut.SearchAsync(new SearchRequest { Text = "\"waste collection\"" }, Ct);

        Assert.Equal("""{"id":"opp-05"}""", Assert.Single(response.Hits).Summary);
    }

    [SkippableFact]
    public async Task SearchAsync_TechnologyIndex_FiltersAndFacetsByBorough()
    {
        var sut = await TechnologiesAsync();

        var response = await sut.SearchAsync(new SearchRequest
        {
            Terms = [new TermsFilter(TechnologyIndex.Borough, ["Camden"])],
            Facets = [TechnologyIndex.Borough],
        }, Ct);

        Assert.Equal(TechnologyFixture.Facts.Count(f => f.Borough == "Camden"), response.Total);
        var expected = TechnologyFixture.Facts.GroupBy(f => f.Borough).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected, Counts(response, TechnologyIndex.Borough));
    }
}
