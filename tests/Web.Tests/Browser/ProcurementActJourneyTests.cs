using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Thirty3.Web.Tests.Infrastructure;

namespace Thirty3.Web.Tests.Browser;

/// <summary>Find a Tender-shaped Procurement Act notices through the real API, read in the site as an SME would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcurementActJourneyTests(BrowserFixture browser, ProcurementActJourneyTests.Directory directory) : IClassFixture<ProcurementActJourneyTests.Directory>
{
    /// <summary>The real directory with our fixtures, plus a competitive flexible tender taking expressions of interest next week.</summary>
    public sealed class Directory : IAsyncLifetime
    {
        public const string InterestOcid = "ocds-h6vhtk-0a1b01-web";
        public const string StandstillOcid = "ocds-h6vhtk-0a1b01-standstill";

        public RealDirectoryFixture Real { get; } = new();

        public async Task InitializeAsync()
        {
            await Real.InitializeAsync();
            var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "FindATender");
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.json"))
            {
                await Real.IngestAsync(File.ReadAllText(file));
            }
            var lifecycle = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "lifecycle-uk1-to-uk11.json")))!;
            var releases = new JsonArray();
            foreach (var release in lifecycle["releases"]!.AsArray().Take(4))
            {
                var copy = release!.DeepClone();
                copy["ocid"] = InterestOcid;
                copy["tender"]!["title"] = "Resident digital services platform (expressions of interest)";
                if (copy["tender"]!["expressionOfInterestDeadline"] is not null)
                {
                    copy["tender"]!["expressionOfInterestDeadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'12:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture);
                }
                releases.Add(copy);
            }
            var standstill = new JsonArray();
            foreach (var release in lifecycle["releases"]!.AsArray().Take(6))
            {
                var copy = release!.DeepClone();
                copy["ocid"] = StandstillOcid;
                standstill.Add(copy);
            }
            lifecycle["releases"] = releases;
            await Real.IngestAsync(lifecycle.ToJsonString());
            lifecycle["releases"] = standstill;
            await Real.IngestAsync(lifecycle.ToJsonString());
        }

        public Task DisposeAsync() => Real.DisposeAsync();
    }

    private string Url(string path) => directory.Real.Site.Url(path);

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Search_OpenForBids_FindsTenderWithOnlyAnExpressionOfInterestDeadline(bool javaScript)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities?q=resident%20digital%20services%20platform"));
        await page.GetByLabel("Open for bids or expressions of interest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();

        var result = page.GetByTestId("results").Locator("li").Filter(new() { HasText = "(expressions of interest)" });
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result).ToContainTextAsync("Expressions of interest by");
        await Assertions.Expect(result.GetByTestId("closing-soon")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("results").Locator("li").Filter(new() { HasText = "UK11" })).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Detail_TerminatedContract_TimelineInNoticeTypesAndTerminationShown()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities/ocds-h6vhtk-0a1b01"));

        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("UK1 Pipeline notice");
        await Assertions.Expect(timeline).ToContainTextAsync("UK4 Tender notice (amendment)");
        await Assertions.Expect(timeline).ToContainTextAsync("UK11 Contract termination notice");
        await Assertions.Expect(page.GetByTestId("contract")).ToContainTextAsync("Terminated");
        await Assertions.Expect(page.GetByTestId("contract")).ToContainTextAsync("31 October 2026, before its planned end on 30 September 2029");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Procurement Act 2023");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "London Borough of Camden" })).ToHaveAttributeAsync("href", "/boroughs/E09000007");
        // Axe runs in the page's JavaScript: checked with it on, below.
    }

    [SkippableFact]
    public async Task Detail_ThreeLots_EachLotWithItsWinnerAndUkWide()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities/ocds-h6vhtk-0a1b07"));

        var winners = page.GetByTestId("lot-winner");
        await Assertions.Expect(winners).ToHaveTextAsync(["Civica UK Limited", "Digital Inclusion North CIC", "Digital Inclusion North CIC"]);
        await Assertions.Expect(page.GetByTestId("lot").Nth(1)).ToContainTextAsync("SMEs and VCSEs");
        await Assertions.Expect(page.GetByTestId("cancelled-award")).ToContainTextAsync("Cancelled Bidder Ltd");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("UK-wide");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task Detail_FrameworkAndCallOff_LinkedBothWays()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities/ocds-h6vhtk-0a1b02"));
        var callOffs = page.GetByTestId("call-offs").Locator("li");
        await Assertions.Expect(callOffs).ToHaveCountAsync(2);
        await callOffs.Filter(new() { HasText = "Southwark" }).Locator("a").ClickAsync();

        await Assertions.Expect(page.GetByTestId("framework-link")).ToHaveTextAsync("Adult social care case management open framework");
        // Axe runs in the page's JavaScript: checked with it on, below.
    }

    [SkippableFact]
    public async Task Detail_AwardInStandstill_IntendedNotWon()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities/" + Directory.StandstillOcid));

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("No supplier has been awarded yet.");
        await Assertions.Expect(page.GetByTestId("standstill")).ToContainTextAsync("intends to award to Northgate Civic Digital Ltd");
        await Assertions.Expect(page.GetByTestId("standstill")).ToContainTextAsync("20 February 2026");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task Search_NoticeTypeFilter_DynamicMarketsWithAdmittingTag()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/opportunities?noticeType=UK13&q=dynamic%20market"));

        await Assertions.Expect(page.GetByTestId("results").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("results").Locator("li").Filter(new() { HasText = "Admitting suppliers" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("selected-filters")).ToContainTextAsync("UK13 Dynamic market notice – establishment");
        // Axe runs in the page's JavaScript: checked with it on, below.
    }

    [SkippableTheory]
    [InlineData("/opportunities/ocds-h6vhtk-0a1b01")]
    [InlineData("/opportunities/ocds-h6vhtk-0a1b02")]
    [InlineData("/opportunities/ocds-h6vhtk-0a1b04")]
    [InlineData("/opportunities/ocds-h6vhtk-0a1b05")]
    [InlineData("/opportunities?noticeType=UK13&q=dynamic%20market")]
    public async Task Page_ProcurementActNotices_NoAccessibilityViolations(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Url(path));

        Assert.Equal(200, response!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
