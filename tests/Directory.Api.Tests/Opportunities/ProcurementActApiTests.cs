using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Tests.Opportunities;

/// <summary>
/// Our Find a Tender-shaped processes pushed through the ingest API, with the directory's clock on
/// 1 December 2025: the competitive flexible tender is then taking expressions of interest.
/// </summary>
public sealed class ProcurementActFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The lifecycle up to its amended UK4 (expressions of interest open).</summary>
    public const string InterestOnly = "ocds-h6vhtk-0a1b01-eoi";
    /// <summary>The lifecycle up to its UK6 in standstill.</summary>
    public const string InStandstill = "ocds-h6vhtk-0a1b01-standstill";

    public Factory Api { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public sealed class Factory : DirectoryApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock(Now - DateTimeOffset.UtcNow)));
        }
    }

    /// <summary>The system clock moved to another day; timers run as usual.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    public async Task InitializeAsync()
    {
        var publisher = await Api.CreatePublisherClientAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "FindATender");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            await PostAsync(publisher, File.ReadAllText(file));
        }
        var lifecycle = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "lifecycle-uk1-to-uk11.json")))!;
        await PostAsync(publisher, Copy(lifecycle, InterestOnly, 5));
        await PostAsync(publisher, Copy(lifecycle, InStandstill, 6));
        await Api.IndexAsync();
        Client = Api.CreateClient();
    }

    private static string Copy(JsonNode package, string ocid, int releases)
    {
        var copy = package.DeepClone();
        var kept = new JsonArray();
        foreach (var release in copy["releases"]!.AsArray().Take(releases))
        {
            var r = release!.DeepClone();
            r["ocid"] = ocid;
            kept.Add(r);
        }
        copy["releases"] = kept;
        return copy.ToJsonString();
    }

    private static async Task PostAsync(HttpClient publisher, string json)
    {
        var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("\"rejected\":0,", body, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        Api.Dispose();
        Api.DeleteData();
        return Task.CompletedTask;
    }
}

public sealed class ProcurementActApiTests(ProcurementActFixture fixture) : IClassFixture<ProcurementActFixture>
{
    private async Task<OpportunitySearchResult> Search(string query) =>
        (await fixture.Client.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?" + query, DirectoryJson.Options))!;

    private static IEnumerable<string> Ocids(OpportunitySearchResult result) => result.Items.Select(i => i.Opportunity.Ocid);

    [Fact]
    public async Task Search_OpenNow_CountsExpressionOfInterestDeadlineAndDynamicMarket()
    {
        var open = await Search("open=true&pageSize=100");

        Assert.Contains(ProcurementActFixture.InterestOnly, Ocids(open));
        Assert.Contains("ocds-h6vhtk-0a1b05", Ocids(open));
        Assert.DoesNotContain("ocds-h6vhtk-0a1b06", Ocids(open));
        Assert.DoesNotContain(ProcurementActFixture.InStandstill, Ocids(open));
        var hit = open.Items.Single(i => i.Opportunity.Ocid == ProcurementActFixture.InterestOnly).Opportunity;
        Assert.Equal(DeadlineKinds.ExpressionOfInterest, hit.DeadlineKind);
    }

    [Fact]
    public async Task Search_ClosingSoon_FindsExpressionOfInterestDeadline()
    {
        var closing = await Search("deadlineFrom=2025-12-01T00:00:00Z&deadlineTo=2025-12-15T00:00:00Z&sort=closing");

        Assert.Contains(ProcurementActFixture.InterestOnly, Ocids(closing));
        Assert.All(closing.Items, i => Assert.Equal(DeadlineKinds.ExpressionOfInterest, i.Opportunity.DeadlineKind));
    }

    [Fact]
    public async Task Search_RegionOfAnyDeliveryPlace_FindsUkWideAndMultiRegionNotices()
    {
        var london = await Search("region=London&pageSize=100");
        var southWest = await Search("region=South%20West");

        Assert.Contains("ocds-h6vhtk-0a1b07", Ocids(london));
        Assert.Contains("ocds-h6vhtk-0a1b05", Ocids(southWest));
        Assert.DoesNotContain("ocds-h6vhtk-0a1b01", Ocids(southWest));
        Assert.Equal("UK-wide", london.Items.Single(i => i.Opportunity.Ocid == "ocds-h6vhtk-0a1b07").Opportunity.Region);
    }

    [Fact]
    public async Task Search_NutsCodeOfADeliveryPlace_MatchesItAndThePlacesWithin()
    {
        var innerLondon = await Search("place=UKI3&pageSize=100");
        var yorkshire = await Search("place=uke");

        Assert.Contains("ocds-h6vhtk-0a1b01", Ocids(innerLondon));
        Assert.DoesNotContain("ocds-h6vhtk-0a1b07", Ocids(innerLondon));
        Assert.Equal(["ocds-h6vhtk-0a1b07"], Ocids(yorkshire));
    }

    [Fact]
    public async Task Search_SmeOnlyOnALot_OpportunityIsSmeSuitable()
    {
        var sme = await Search("sme=true&pageSize=100");

        Assert.Contains("ocds-h6vhtk-0a1b07", Ocids(sme));
    }

    [Fact]
    public async Task Search_LotWords_FindTheOpportunity()
    {
        var result = await Search("q=digital%20skills%20training");

        Assert.Equal("ocds-h6vhtk-0a1b07", result.Items[0].Opportunity.Ocid);
    }

    [Fact]
    public async Task Search_NoticeTypeFilterAndFacet_PipelineNoticesInWords()
    {
        var pipeline = await Search("noticeType=UK1&pageSize=100");

        Assert.All(pipeline.Items, i => Assert.Contains("UK1", i.Opportunity.NoticeTypes));
        Assert.Contains("ocds-h6vhtk-0a1b01", Ocids(pipeline));
        var facet = pipeline.Facets.Single(f => f.Name == "noticeType");
        Assert.Contains(facet.Values, v => v.Value == "UK1" && v.Label == "UK1 Pipeline notice" && v.Selected);
        Assert.Contains(facet.Values, v => v.Value == "UK12" && v.Label == "UK12 Procurement termination notice");
    }

    [Fact]
    public async Task Search_FrameworkFilter_ListsItsCallOffs()
    {
        var callOffs = await Search("framework=ocds-h6vhtk-0a1b02");

        Assert.Equal(["ocds-h6vhtk-0a1b03", "ocds-h6vhtk-0a1b04"], Ocids(callOffs).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_LegalBasisAndTechniqueFilters_Work()
    {
        var markets = await Search("technique=dynamicMarket&legalBasis=pa2023");
        var belowThreshold = await Search("threshold=below");

        Assert.Equal(["ocds-h6vhtk-0a1b05", "ocds-h6vhtk-0a1b06", "ocds-h6vhtk-0a1c14", "ocds-h6vhtk-0a1c16", "ocds-h6vhtk-0a1c17"], Ocids(markets).Order(StringComparer.Ordinal));
        Assert.All(belowThreshold.Items, i => Assert.False(i.Opportunity.AboveThreshold));
        Assert.Contains(markets.Facets.Single(f => f.Name == "legalBasis").Values, v => v.Label == "Procurement Act 2023");
    }

    [Fact]
    public async Task Search_BuyerKnownByPpon_FoundUnderTheBorough()
    {
        var camden = await Search("buyer=GB-GSS-E09000007&pageSize=100");

        Assert.Contains("ocds-h6vhtk-0a1b01", Ocids(camden));
    }

    [Fact]
    public async Task Footprint_IntendedAndCancelledAwards_DoNotCountAsWon()
    {
        var northgate = await fixture.Client.GetFromJsonAsync<SupplierFootprint>("/api/suppliers/footprint?id=GB-COH-04829311", DirectoryJson.Options);
        var civica = await fixture.Client.GetFromJsonAsync<SupplierFootprint>("/api/suppliers/footprint?id=GB-COH-01628868", DirectoryJson.Options);
        var cancelled = await fixture.Client.GetAsync("/api/suppliers/footprint?id=GB-COH-09876543");

        Assert.Equal(["ocds-h6vhtk-0a1b01"], northgate!.ContractsWon.Select(c => c.Ocid));
        // Civica under its Companies House number and, in Southwark's call-off, under its PPON: one supplier.
        Assert.Equal(["ocds-h6vhtk-0a1b03", "ocds-h6vhtk-0a1b04", "ocds-h6vhtk-0a1b07"], civica!.ContractsWon.Select(c => c.Ocid).Order(StringComparer.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, cancelled.StatusCode);
    }

    [Fact]
    public async Task Retenders_TerminatedContract_EndsOnItsTerminationDate()
    {
        var candidates = await fixture.Client.GetFromJsonAsync<List<RetenderCandidate>>("/api/retenders?withinMonths=120", DirectoryJson.Options);

        var terminated = candidates!.Single(c => c.Ocid == "ocds-h6vhtk-0a1b01");
        Assert.Equal(new DateOnly(2026, 10, 31), terminated.ContractEnd);
        var lots = candidates!.Single(c => c.Ocid == "ocds-h6vhtk-0a1b07");
        Assert.DoesNotContain("Cancelled Bidder", lots.Supplier, StringComparison.Ordinal);
        Assert.DoesNotContain(candidates!, c => c.Ocid == ProcurementActFixture.InStandstill && !string.IsNullOrEmpty(c.Supplier));
    }

    [Fact]
    public async Task GetOpportunity_Lifecycle_NoticesContractsAndLotsInFull()
    {
        var detail = await fixture.Client.GetFromJsonAsync<OpportunityDetail>("/api/opportunities/ocds-h6vhtk-0a1b01", DirectoryJson.Options);

        Assert.Equal(10, detail!.Notices.Count);
        Assert.Equal("UK11 Contract termination notice", detail.Notices[^1].Label);
        Assert.Equal(ContractStatuses.Terminated, Assert.Single(detail.Contracts).Status);
        var lots = await fixture.Client.GetFromJsonAsync<OpportunityDetail>("/api/opportunities/ocds-h6vhtk-0a1b07", DirectoryJson.Options);
        Assert.Equal("Civica UK Limited", lots!.Lots[0].Suppliers.Single().Name);
    }
}
