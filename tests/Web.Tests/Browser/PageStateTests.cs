using Microsoft.Playwright;
using Thirty3.Web.Tests.Fakes;
using Thirty3.Web.Tests.Infrastructure;

namespace Thirty3.Web.Tests.Browser;

/// <summary>Every page in its results, empty and "directory unavailable" states passes axe (WCAG 2.2 A/AA).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageStateTests(BrowserFixture fixture)
{
    public static TheoryData<string> ResultPages =>
    [
        "/",
        "/opportunities",
        "/opportunities?q=parking&stage=tender&sme=true&minValue=1000&deadlineFrom=2026-03-01",
        "/opportunities?page=2",
        "/opportunities/" + FakeData.Opportunities[10].Summary.Ocid,
        "/opportunities/" + FakeData.Opportunities[7].Summary.Ocid,
        "/boroughs",
        "/boroughs/" + FakeData.Lambeth,
        "/boroughs/compare?gss=" + FakeData.Camden + "&gss=" + FakeData.Islington + "&gss=" + FakeData.Southwark,
        "/suppliers",
        "/suppliers/footprint?name=Civica",
        "/suppliers/product?product=Mosaic",
        "/retenders?within=12",
        "/procure-together?function=Revenues",
    ];

    public static TheoryData<string> EmptyPages =>
    [
        "/opportunities?q=zzzznothing",
        "/opportunities?minValue=abc",
        "/opportunities/ocds-none-000",
        "/boroughs/E09000001",
        "/boroughs/compare?gss=E09000007",
        "/suppliers/footprint?name=Nobody+Ltd",
        "/suppliers/product?product=Nothing",
        "/retenders?within=3&function=Astrology",
        "/procure-together?function=Astrology",
        "/procure-together?from=2026-04-01",
        "/no-such-page",
    ];

    public static TheoryData<string> UnavailablePages =>
    [
        "/",
        "/opportunities?q=parking",
        "/opportunities/ocds-h6vhtk-04a000",
        "/boroughs",
        "/boroughs/" + FakeData.Camden,
        "/boroughs/compare?gss=" + FakeData.Camden + "&gss=" + FakeData.Hackney,
        "/suppliers",
        "/suppliers/footprint?name=Civica",
        "/retenders",
        "/procure-together?function=Social",
    ];

    [SkippableTheory]
    [MemberData(nameof(ResultPages))]
    public Task Page_WithResults_NoAccessibilityViolations(string path) => CheckAsync(fixture.Site, path, expectUnavailable: false);

    [SkippableTheory]
    [MemberData(nameof(EmptyPages))]
    public Task Page_Empty_NoAccessibilityViolations(string path) => CheckAsync(fixture.Site, path, expectUnavailable: false);

    [SkippableTheory]
    [MemberData(nameof(UnavailablePages))]
    public Task Page_DirectoryUnavailable_FriendlyMessageAndNoAccessibilityViolations(string path) => CheckAsync(fixture.Down, path, expectUnavailable: true);

    private async Task CheckAsync(SiteServer site, string path, bool expectUnavailable)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.Contains("status of 4", StringComparison.Ordinal) && !m.Text.Contains("status of 503", StringComparison.Ordinal))
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);

        var response = await page.GotoAsync(site.Url(path));

        Assert.NotNull(response);
        if (expectUnavailable)
        {
            Assert.Equal(503, response.Status);
            await Assertions.Expect(page.GetByTestId("directory-unavailable")).ToBeVisibleAsync();
        }
        else
        {
            Assert.NotEqual(500, response.Status);
            Assert.NotEqual(503, response.Status);
        }
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(errors.Count == 0, "browser errors (CSP or script): " + string.Join("; ", errors));
    }
}

/// <summary>The accessibility harness itself: a page with a known violation must fail it, or a green run proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityHarnessTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task AssertNoViolationsAsync_ImageWithoutAlt_Fails()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1><img src=\"data:,\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SiteScript_UnderContentSecurityPolicy_Runs()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Site.Url("/opportunities"));

        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));
    }
}
