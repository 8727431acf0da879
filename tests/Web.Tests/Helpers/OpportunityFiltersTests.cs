using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Thirty3.Web.Opportunities;

namespace Thirty3.Web.Tests.Helpers;

public sealed class OpportunityFiltersTests
{
    private static OpportunityFilters Parse(string query) => OpportunityFilters.From(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void From_AllFilters_MappedToApiQuery()
    {
        var sut = Parse("?q=parking&stage=tender&stage=planning&cpv=72000000&minValue=50%2C000&deadlineTo=2026-06-30&sme=true&sort=closing&page=3");

        var api = sut.ToApiQuery();

        Assert.Equal("parking", api.Q);
        Assert.Equal(["tender", "planning"], api.Stage!);
        Assert.Equal(["72000000"], api.Cpv!);
        Assert.Equal(50_000m, api.MinValue);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), api.DeadlineTo!.Value.AddTicks(1));
        Assert.True(api.Sme);
        Assert.Null(api.Vcse);
        Assert.Equal("closing", api.Sort);
        Assert.Equal(3, api.Page);
        Assert.True(sut.HasFilters);
    }

    [Fact]
    public void From_InvalidNumbersAndDates_ReportedAndIgnored()
    {
        var sut = Parse("?minValue=lots&deadlineFrom=31/12/2026");

        Assert.Equal(["minValue", "deadlineFrom"], sut.Invalid);
        Assert.Null(sut.MinValue);
        Assert.Null(sut.DeadlineFrom);
    }

    [Fact]
    public void From_UnknownSortAndBadPage_Defaults()
    {
        var sut = Parse("?sort=drop+table&page=-4");

        Assert.Null(sut.Sort);
        Assert.Equal(1, sut.Page);
    }

    [Fact]
    public void ToApiQuery_Cursor_ReplacesPage()
    {
        var api = Parse("?page=5").ToApiQuery(100, "abc");

        Assert.Null(api.Page);
        Assert.Equal("abc", api.Cursor);
        Assert.Equal(100, api.PageSize);
    }

    [Fact]
    public void Query_PagingState_NotPartOfTheSearch() =>
        Assert.Equal("?q=x&stage=tender", Parse("?q=x&page=2&cursor=c&stage=tender").Query.ToString());
}
