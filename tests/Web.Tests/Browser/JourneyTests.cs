using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Thirty3.Web.Opportunities;
using Thirty3.Web.Tests.Fakes;
using Thirty3.Web.Tests.Infrastructure;

namespace Thirty3.Web.Tests.Browser;

/// <summary>A person's main journeys through the site, in chromium, each page checked with axe on the way.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class JourneyTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"^(\d+) opportunit")]
    private static partial Regex CountPattern();

    private static async Task<int> ResultCountAsync(IPage page)
    {
        var text = await page.GetByTestId("results-count").InnerTextAsync();
        return int.Parse(CountPattern().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(IBrowserContext Context, IPage Page, List<string> CspErrors)> OpenAsync(bool javaScript = true)
    {
        var context = await fixture.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                cspErrors.Add(message.Text);
            }
        };
        return (context, page, cspErrors);
    }

    [SkippableFact]
    public async Task Search_TwoFiltersThenRemoveOne_ResultsNarrowThenWiden()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, errors) = await OpenAsync();
        await using var _ = context;

        await page.GotoAsync(fixture.Site.Url("/"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Search opportunities").FillAsync("software");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/opportunities?q=software");
        var all = await ResultCountAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Stage" }).GetByLabel("Tender").CheckAsync();
        await page.GetByLabel("Suitable for SMEs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("stage=tender.*sme=true|sme=true.*stage=tender"));
        var narrowed = await ResultCountAsync(page);
        Assert.InRange(narrowed, 1, all - 1);
        Assert.Contains("<mark>", await page.Locator("[data-testid=results]").InnerHTMLAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove this filter: Suitable for SMEs" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sme=", StringComparison.Ordinal) && url.Contains("stage=tender", StringComparison.Ordinal));
        var widened = await ResultCountAsync(page);
        Assert.InRange(widened, narrowed + 1, all);
        Assert.True(await page.GetByRole(AriaRole.Group, new() { Name = "Stage" }).GetByLabel("Tender").IsCheckedAsync());
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Search_JavaScriptOff_SameResultsFromPlainGetForms()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync(javaScript: false);
        await using var __ = context;

        await page.GotoAsync(fixture.Site.Url("/opportunities"));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search opportunities" }).FillAsync("software");
        await page.GetByRole(AriaRole.Group, new() { Name = "Stage" }).GetByLabel("Tender").CheckAsync();
        await page.GetByLabel("Suitable for SMEs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("q=software"));
        var withoutJs = await ResultCountAsync(page);

        var (jsContext, jsPage, _) = await OpenAsync();
        await using var ___ = jsContext;
        await jsPage.GotoAsync(page.Url);
        Assert.Equal(withoutJs, await ResultCountAsync(jsPage));
        Assert.True(withoutJs > 0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove this filter: Tender" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("stage=", StringComparison.Ordinal));
        Assert.True(await ResultCountAsync(page) >= withoutJs);
        // axe runs as script, which this context forbids; the same URL is checked with script on.
        await jsPage.GotoAsync(page.Url);
        await Accessibility.AssertNoViolationsAsync(jsPage);
    }

    [SkippableFact]
    public async Task Opportunity_OpenFromResults_ShowsTimelineBuyerAndSource()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, errors) = await OpenAsync();
        await using var _ = context;
        var awarded = FakeData.Opportunities.First(o => o.Summary.Stage == "contract");

        await page.GotoAsync(fixture.Site.Url("/opportunities?stage=contract&sort=newest"));
        await page.GetByRole(AriaRole.Link, new() { Name = awarded.Summary.Title }).ClickAsync();

        await page.WaitForURLAsync("**" + OpportunityLinks.Detail(awarded.Summary.Ocid));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(awarded.Summary.Title);
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li")).ToHaveCountAsync(awarded.Notices.Count);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = awarded.Summary.Buyer!.Name })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("source-link")).ToHaveAttributeAsync("href", awarded.Summary.Link!);
        await Assertions.Expect(page.GetByText(awarded.Summary.Suppliers[0].Name)).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Borough_FollowFromList_ShowsStackChartAndOpportunities()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, errors) = await OpenAsync();
        await using var _ = context;

        await page.GotoAsync(fixture.Site.Url("/boroughs"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Camden", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/boroughs/" + FakeData.Camden);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adult social care" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Contract end dates of Camden" })).ToBeVisibleAsync();
        var camden = FakeData.Technologies.Count(t => t.BoroughGss == FakeData.Camden && t.ContractEnd >= FakeData.Today);
        await Assertions.Expect(page.GetByTestId("timeline-table").Locator("tbody tr")).ToHaveCountAsync(camden);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Compare_TwoBoroughs_SideBySideByFunction()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync();
        await using var __ = context;

        await page.GotoAsync(fixture.Site.Url("/boroughs/compare"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Camden").CheckAsync();
        await page.GetByLabel("Hackney").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"gss={FakeData.Camden}&gss={FakeData.Hackney}"));
        var table = page.GetByTestId("compare");
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["Function", "Camden", "Hackney"]);
        var row = table.Locator("tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Revenues and benefits" }) });
        await Assertions.Expect(row).ToContainTextAsync("OpenRevenues");
        await Assertions.Expect(row).ToContainTextAsync("Northgate");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task ProcureTogether_FunctionAndWindow_FindsCoalitionWithEvidence()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync();
        await using var __ = context;

        await page.GotoAsync(fixture.Site.Url("/procure-together"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Function").FillAsync("Social care case management");
        await page.GetByLabel("Contracts ending from").FillAsync("2026-06-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find coalitions" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("function=Social"));
        var coalition = page.GetByTestId("coalition");
        await Assertions.Expect(coalition).ToHaveCountAsync(1);
        await Assertions.Expect(coalition).ToContainTextAsync("Camden");
        await Assertions.Expect(coalition).ToContainTextAsync("Hackney");
        await Assertions.Expect(coalition).ToContainTextAsync("Lambeth");
        await Assertions.Expect(coalition).Not.ToContainTextAsync("Islington");
        await Assertions.Expect(coalition).ToContainTextAsync("Servelec");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task Csv_DownloadFromSearch_AllMatchingRows()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync();
        await using var __ = context;
        await page.GotoAsync(fixture.Site.Url("/opportunities?region=London"));
        var expected = await ResultCountAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-link").ClickAsync());

        Assert.Equal("opportunities.csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected + 1, rows.Length);
        Assert.True(expected > 20, "the search must span more than one page of results");
    }

    [SkippableFact]
    public async Task Feed_FollowLinkFromSearch_ValidAtomOfTheSameSearch()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync();
        await using var __ = context;
        await page.GotoAsync(fixture.Site.Url("/opportunities?q=library&stage=tender"));
        var href = await page.GetByTestId("feed-link").GetAttributeAsync("href");
        Assert.Equal("/opportunities/feed?q=library&stage=tender", href);

        var response = await context.APIRequest.GetAsync(fixture.Site.Url(href!));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/atom+xml", response.Headers["content-type"], StringComparison.Ordinal);
        var feed = XDocument.Parse(await response.TextAsync());
        XNamespace atom = AtomFeedWriter.Namespace;
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(await ResultCountAsync(page), titles.Count);
        Assert.All(titles, t => Assert.Contains("Library", t, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Retenders_Window_ListsContractsEnding()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var (context, page, _) = await OpenAsync();
        await using var __ = context;

        await page.GotoAsync(fixture.Site.Url("/retenders"));
        await page.GetByLabel("Ending within").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show re-tenders" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("within=6"));
        await Assertions.Expect(page.GetByTestId("retenders")).ToContainTextAsync("Spydus");
        await Assertions.Expect(page.GetByTestId("retenders")).Not.ToContainTextAsync("2028");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
