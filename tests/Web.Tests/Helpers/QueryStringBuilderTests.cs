using Microsoft.AspNetCore.Http;
using Thirty3.Web.Shared;

namespace Thirty3.Web.Tests.Helpers;

public sealed class QueryStringBuilderTests
{
    private static QueryStringBuilder Parse(string query) => QueryStringBuilder.From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    [Fact]
    public void From_EmptyValues_Dropped() =>
        Assert.Equal("?q=parking&stage=tender", Parse("?q=parking&minValue=&stage=tender").ToString());

    [Fact]
    public void Without_OneValueOfMany_KeepsTheOthers() =>
        Assert.Equal("?stage=planning&sme=true", Parse("?stage=tender&stage=planning&sme=true").Without("stage", "tender").ToString());

    [Fact]
    public void Without_Key_RemovesAllValues() =>
        Assert.Equal("?q=x", Parse("?q=x&stage=tender&stage=award").Without("stage").ToString());

    [Fact]
    public void With_Existing_Replaced() =>
        Assert.Equal("?q=x&page=3", Parse("?page=2&q=x").With("page", "3").ToString());

    [Fact]
    public void With_Null_Removes() =>
        Assert.Equal("?q=x", Parse("?q=x&page=2").With("page", null).ToString());

    [Fact]
    public void ToString_SpecialCharacters_Escaped() =>
        Assert.Equal("?q=fish%20%26%20chips%20%3Cb%3E&cpv=72000000", QueryStringBuilder.Empty.Add("q", "fish & chips <b>").Add("cpv", "72000000").ToString());

    [Fact]
    public void ToString_Empty_EmptyString() => Assert.Equal("", QueryStringBuilder.Empty.ToString());

    [Fact]
    public void Only_PagingKeys_Dropped() =>
        Assert.Equal("?q=x&stage=tender", Parse("?q=x&page=4&cursor=abc&stage=tender").Only(["q", "stage"]).ToString());

    [Fact]
    public void ToUrl_Path_Prefixed() =>
        Assert.Equal("/opportunities/feed?q=x", Parse("?q=x").ToUrl("/opportunities/feed"));

    [Fact]
    public void Has_CaseInsensitiveKey_True() => Assert.True(Parse("?Stage=tender").Has("stage", "tender"));
}
