using Microsoft.Playwright;
using Thirty3.Web.Tests.Fakes;

namespace Thirty3.Web.Tests.Infrastructure;

/// <summary>
/// One Debian chromium (driven by Playwright) and the site served three ways: over the sample
/// directory, over an empty one, and with the directory down.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SkipReason = "chromium not installed: apt-get install chromium";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public SiteServer Site { get; private set; } = default!;
    public SiteServer Down { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Site = new SiteServer(new FakeDirectoryApi());
        Down = new SiteServer(new UnavailableDirectoryApi());
        if (!ChromiumInstalled)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context (cookies, downloads) for one test; JavaScript on unless asked.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, AcceptDownloads = true, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Site.DisposeAsync();
        await Down.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
