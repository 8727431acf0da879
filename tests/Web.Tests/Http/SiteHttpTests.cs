using System.Net;
using System.Xml.Linq;
using Thirty3.Web.Opportunities;
using Thirty3.Web.Security;
using Thirty3.Web.Tests.Fakes;
using Thirty3.Web.Tests.Infrastructure;

namespace Thirty3.Web.Tests.Http;

/// <summary>What the site answers over HTTP, without a browser: status codes, headers, feed and CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteHttpTests(BrowserFixture fixture)
{
    private readonly HttpClient _client = new() { BaseAddress = fixture.Site.BaseAddress };
    private readonly HttpClient _down = new() { BaseAddress = fixture.Down.BaseAddress };

    [Theory]
    [InlineData("/")]
    [InlineData("/opportunities?q=parking&stage=tender")]
    [InlineData("/boroughs")]
    [InlineData("/boroughs/E09000007")]
    [InlineData("/boroughs/compare?gss=E09000007&gss=E09000012")]
    [InlineData("/suppliers")]
    [InlineData("/suppliers/footprint?name=Civica")]
    [InlineData("/suppliers/product?product=Mosaic")]
    [InlineData("/retenders")]
    [InlineData("/procure-together?function=Social+care")]
    public async Task Get_Page_OkWithSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UntrustedNoticeText_IsEncoded()
    {
        var html = await _client.GetStringAsync("/opportunities?q=translation");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_JavascriptLinkInNotice_IsNotALink()
    {
        var contract = FakeData.Opportunities.First(o => o.Notices.Any(n => n.Link!.StartsWith("javascript:", StringComparison.Ordinal)));

        var html = await _client.GetStringAsync(OpportunityLinks.Detail(contract.Summary.Ocid));

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Not bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/opportunities/ocds-nope-1")]
    [InlineData("/boroughs/E99999999")]
    [InlineData("/no-such-page")]
    public async Task Get_Missing_NotFound(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/opportunities?q=parking")]
    [InlineData("/opportunities/ocds-h6vhtk-04a000")]
    [InlineData("/boroughs")]
    [InlineData("/boroughs/E09000007")]
    [InlineData("/retenders")]
    public async Task Get_DirectoryDown_ServiceUnavailableWithFriendlyMessage(string path)
    {
        using var response = await _down.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("the directory is unavailable", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HttpRequestException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Connection refused", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_Search_ValidAtomWithMatchingEntries()
    {
        using var response = await _client.GetAsync("/opportunities/feed?q=parking&stage=tender");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = AtomFeedWriter.Namespace;
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(atom + "id"));
        Assert.NotNull(feed.Root.Element(atom + "updated"));
        Assert.NotNull(feed.Root.Element(atom + "author"));
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains("Parking", e.Element(atom + "title")!.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Csv_AllPages_EveryMatchOnce()
    {
        using var response = await _client.GetAsync("/opportunities.csv?region=London");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var expected = FakeData.Opportunities.Count(o => o.Summary.Region == "London");
        Assert.Equal(expected + 1, lines.Length);
        Assert.StartsWith("ocid,title,", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_DirectoryDown_StillHealthy()
    {
        using var response = await _down.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Csv_DirectoryDown_ServiceUnavailable()
    {
        using var response = await _down.GetAsync("/opportunities.csv?q=x");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Search_InvalidValue_BadRequestWithErrorMessage()
    {
        using var response = await _client.GetAsync("/opportunities?minValue=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the least value as a number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
