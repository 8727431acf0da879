using Thirty3.Domain.Opportunities;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class FreeTextQueryBuilderTests
{
    private readonly FreeTextQueryBuilder sut = new(OpportunityIndex.Schema);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("\"\"")]
    public void Build_NothingToSearch_MatchesAll(string? text)
    {
        var query = sut.Build(text);

        Assert.Equal("""{"match_all":{}}""", query.Strict.ToJsonString());
        Assert.Null(query.Relaxed);
    }

    [Fact]
    public void Build_LowerCaseIt_IsAPlainWordThatIgnoresStopWords()
    {
        var query = sut.Build("it");

        var exact = query.Strict["dis_max"]!["queries"]![0]!["multi_match"]!;
        Assert.Equal("it", exact["query"]!.GetValue<string>());
        // A stop word analyses to nothing: in the strict form that matches everything, as if absent.
        Assert.Equal("all", exact["zero_terms_query"]!.GetValue<string>());
    }

    [Fact]
    public void Build_CapitalIt_ExpandsToInformationTechnologyAndDropsTheStopWordVariant()
    {
        var query = sut.Build("IT");

        var variants = query.Strict["bool"]!["should"]!.AsArray();
        Assert.Equal(["IT", "information technology"], variants.Select(v => v!["multi_match"]!["query"]!.GetValue<string>()));
        Assert.All(variants, v => Assert.Equal("none", v!["multi_match"]!["zero_terms_query"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_QuotedPhraseAndWord_StrictNeedsBothRelaxedEither()
    {
        var query = sut.Build("\"street lighting\" maintenance");

        var must = query.Strict["bool"]!["must"]!.AsArray();
        Assert.Equal("phrase", must[0]!["multi_match"]!["type"]!.GetValue<string>());
        Assert.Equal("street lighting", must[0]!["multi_match"]!["query"]!.GetValue<string>());
        Assert.Equal("maintenance", must[1]!["dis_max"]!["queries"]![0]!["multi_match"]!["query"]!.GetValue<string>());
        Assert.Equal(2, query.Relaxed!["bool"]!["should"]!.AsArray().Count);
        Assert.Equal("none", query.Relaxed["bool"]!["should"]![0]!["multi_match"]!["zero_terms_query"]!.GetValue<string>());
    }
}
