using System.Net;
using System.Net.Http.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;

namespace Thirty3.DirectoryApi.Tests.Opportunities;

/// <summary>A directory with 40 known notices, searched many ways.</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public DirectoryApiFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var publisher = await Factory.CreatePublisherClientAsync();
        var releases = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var (title, cpv) = (i % 4) switch
            {
                0 => ($"Customer relationship management platform {i}", "48000000"),
                1 => ($"Highways resurfacing works {i}", "45233140"),
                2 => ($"Adult social care case management {i}", "85311000"),
                _ => ($"Waste collection vehicles {i}", "34144510"),
            };
            var buyer = i % 2 == 0 ? ("GB-CFS-18525", "London Borough of Merton") : ("GB-CFS-2", "Kent County Council");
            releases.Add(Notices.Tender($"ocds-s-{i:D3}", title, buyerId: buyer.Item1, buyerName: buyer.Item2, cpv: cpv,
                date: $"2025-01-{i % 28 + 1:D2}T09:00:00Z", deadline: i % 5 == 0 ? "2020-01-01T00:00:00Z" : $"2099-02-{i % 28 + 1:D2}T12:00:00Z",
                sme: i % 3 != 0, value: 1000 * (i + 1), id: $"t-{i}"));
        }
        var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package([.. releases])));
        response.EnsureSuccessStatusCode();
        await Factory.IndexAsync();
        Client = Factory.CreateClient();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Factory.DeleteData();
        return Task.CompletedTask;
    }
}

public sealed class OpportunitySearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private Task<OpportunitySearchResult?> Search(string query) =>
        fixture.Client.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?" + query, DirectoryJson.Options);

    [Fact]
    public async Task Search_WordsFromTitle_ThatOpportunityFirst()
    {
        var result = await Search("q=waste%20collection%20vehicles%2023");

        Assert.Equal("ocds-s-023", result!.Items[0].Opportunity.Ocid);
        Assert.Contains("<mark>", result.Items[0].Highlights["title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Synonym_CrmFindsCustomerRelationshipManagement()
    {
        var result = await Search("q=CRM");

        Assert.Equal(10, result!.Total);
        Assert.All(result.Items, h => Assert.StartsWith("Customer relationship management", h.Opportunity.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_Typo_StillFinds()
    {
        var result = await Search("q=resurfaceing");

        Assert.Equal(10, result!.Total);
    }

    [Fact]
    public async Task Search_StageFacet_CountsExactlyAndIgnoresOwnFilter()
    {
        var all = await Search("q=&stage=tender&pageSize=1");
        var kent = await Search("buyer=GB-CFS-2&pageSize=1");

        Assert.Equal(40, all!.Total);
        Assert.Equal(40, all.Facets.Single(f => f.Name == "stage").Values.Single(v => v.Value == "tender").Count);
        var buyers = kent!.Facets.Single(f => f.Name == "buyer").Values;
        // Multi-select: the buyer facet ignores the buyer filter, so Merton's count is still shown.
        Assert.Equal(20, buyers.Single(v => v.Value == "GB-GSS-E09000024").Count);
        Assert.Equal("London Borough of Merton", buyers.Single(v => v.Value == "GB-GSS-E09000024").Label);
        Assert.True(buyers.Single(v => v.Value == "GB-CFS-2").Selected);
        Assert.Equal(20, kent.Total);
    }

    [Fact]
    public async Task Search_TwoFilters_AndedWithFacetCountsOfOtherFilters()
    {
        var result = await Search("buyer=GB-CFS-2&sme=true&pageSize=100");

        // Kent holds the odd notices; SME-suitable are those not divisible by 3.
        var expected = Enumerable.Range(0, 40).Count(i => i % 2 == 1 && i % 3 != 0);
        Assert.Equal(expected, result!.Total);
        Assert.All(result.Items, h => Assert.True(h.Opportunity.SuitableForSme));
        Assert.Equal(expected, result.Facets.Single(f => f.Name == "cpv").Values.Sum(v => v.Count));
    }

    [Fact]
    public async Task Search_CpvDivision_MatchesDescendants()
    {
        var construction = await Search("cpv=45000000");
        var group = await Search("cpv=452");

        Assert.Equal(10, construction!.Total);
        Assert.Equal(10, group!.Total);
    }

    [Fact]
    public async Task Search_ValueRangeAndOpen_Filters()
    {
        var range = await Search("minValue=5000&maxValue=10000");
        var open = await Search("open=true&pageSize=1");

        Assert.Equal(6, range!.Total);
        Assert.Equal(32, open!.Total);
    }

    [Fact]
    public async Task Search_SortValue_HighestFirst()
    {
        var result = await Search("sort=value&pageSize=3");

        Assert.Equal([40000m, 39000m, 38000m], result!.Items.Select(i => i.Opportunity.Value!.Value));
    }

    [Fact]
    public async Task Search_PagesAndCursor_VisitEveryResultOnce()
    {
        var seen = new List<string>();
        var page = await Search("sort=newest&pageSize=7");
        seen.AddRange(page!.Items.Select(i => i.Opportunity.Ocid));
        while (page!.NextCursor is { } cursor)
        {
            page = await Search($"sort=newest&pageSize=7&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(page!.Items.Select(i => i.Opportunity.Ocid));
        }
        var second = await Search("sort=newest&pageSize=7&page=2");

        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
        Assert.Equal(seen.Skip(7).Take(7), second!.Items.Select(i => i.Opportunity.Ocid));
    }

    [Theory]
    [InlineData("stage=bogus")]
    [InlineData("sort=sideways")]
    [InlineData("pageSize=1000")]
    [InlineData("page=10000")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cpv=abc")]
    [InlineData("minValue=10&maxValue=1")]
    public async Task Search_BadParameter_400ProblemNamingIt(string query)
    {
        var response = await fixture.Client.GetAsync("/api/opportunities?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetRecord_Opportunity_OcdsRecordPackageWithReleasesAndCompiled()
    {
        var record = await fixture.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/opportunities/ocds-s-001/record");

        var first = record.GetProperty("records")[0];
        Assert.Equal("ocds-s-001", first.GetProperty("ocid").GetString());
        Assert.Equal(1, first.GetProperty("releases").GetArrayLength());
        Assert.Equal("compiled", first.GetProperty("compiledRelease").GetProperty("tag")[0].GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesSearchAndIngest()
    {
        var document = await fixture.Client.GetStringAsync("/openapi/v1.json");
        var docs = await fixture.Client.GetAsync("/docs");

        Assert.Contains("/api/opportunities", document, StringComparison.Ordinal);
        Assert.Contains("/api/ingest/releases", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
