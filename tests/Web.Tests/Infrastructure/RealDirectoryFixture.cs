using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Thirty3.DirectoryApi;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryClient;

namespace Thirty3.Web.Tests.Infrastructure;

/// <summary>
/// The real directory API (in memory, its own data folder, seeded with its sample data) and the
/// site talking to it through the real typed client.
/// </summary>
public sealed class RealDirectoryFixture : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public SiteServer Site { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var http = _api.CreateClient();
        await _api.Services.GetRequiredService<IndexProjector>().DrainAsync(CancellationToken.None);
        Site = new SiteServer(RestService.ForGenerated<IDirectoryApi>(http, DirectoryClientRegistration.Settings), TimeProvider.System);
    }

    /// <summary>Pushes an OCDS payload through the real ingest API with an admin key and waits until it is searchable.</summary>
    public async Task IngestAsync(string json)
    {
        var key = await _api.Services.GetRequiredService<Thirty3.DirectoryApi.Auth.ApiKeyStore>().CreateAsync("web-tests", "*", isAdmin: true, CancellationToken.None);
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add(Thirty3.DirectoryApi.Auth.ApiKeyAuthenticationHandler.HeaderName, key.Key);
        var response = await client.PostAsync("/api/ingest/releases", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        await _api.Services.GetRequiredService<IndexProjector>().DrainAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await _api.DisposeAsync();
        try
        {
            Directory.Delete(_api.DataPath, recursive: true);
        }
        catch (IOException)
        {
            // An index file still held open; the temp folder is cleaned by the OS later.
        }
    }

    // DirectoryStartup stands for the API's assembly: both projects have a Program class.
    private sealed class ApiFactory : WebApplicationFactory<DirectoryStartup>
    {
        public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "thirty3-web-tests", Guid.NewGuid().ToString("n"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Path"] = DataPath,
                ["SampleData:Seed"] = "true",
                ["SampleData:Processes"] = "600",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        }
    }
}
