using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thirty3.Web.Tests.Infrastructure;

namespace Thirty3.Web.Tests.Browser;

/// <summary>The site against the real directory API and its sample data: the contract holds end to end.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RealDirectoryJourneyTests(BrowserFixture browser, RealDirectoryFixture directory) : IClassFixture<RealDirectoryFixture>
{
    [GeneratedRegex(@"^([\d,]+) opportunit")]
    private static partial Regex CountPattern();

    private static async Task<int> CountAsync(IPage page) =>
        int.Parse(CountPattern().Match(await page.GetByTestId("results-count").InnerTextAsync()).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Search_FilterThenOpen_RealApi()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(directory.Site.Url("/opportunities"));
        var all = await CountAsync(page);
        Assert.True(all > 0, "the sample data has opportunities");
        await page.GetByRole(AriaRole.Group, new() { Name = "Stage" }).GetByLabel("Tender").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("stage=tender"));
        var tenders = await CountAsync(page);
        Assert.InRange(tenders, 1, all);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByTestId("results").Locator("h3 a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/opportunities/.+"));
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/boroughs")]
    [InlineData("/boroughs/E09000007")]
    [InlineData("/boroughs/compare?gss=E09000007&gss=E09000012")]
    [InlineData("/suppliers")]
    [InlineData("/retenders?within=24")]
    [InlineData("/procure-together?function=Revenues&from=2026-01-01&to=2030-12-31")]
    public async Task Page_RealApi_RendersWithoutOutage(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(directory.Site.Url(path));

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByTestId("directory-unavailable")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
