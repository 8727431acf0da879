using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;

namespace Thirty3.DirectoryApi.Tests.Infrastructure;

/// <summary>
/// Hosts the real directory API in memory over a data folder of its own. Give two factories the
/// same folder to simulate a restart. Subclasses may point the store at another provider.
/// </summary>
public class DirectoryApiFactory : WebApplicationFactory<Program>
{
    public DirectoryApiFactory(string? dataPath = null)
    {
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "thirty3-tests", Guid.NewGuid().ToString("n"));
    }

    public string DataPath { get; }

    /// <summary>Extra settings (e.g. Store:Provider and Store:ConnectionString) for subclasses.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Settings a test adds on top (e.g. Indexing:*), applied last.</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>What the host logged at warning and above.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A new host over the same store and data folder: a restart.</summary>
    public virtual DirectoryApiFactory Restart() => new(DataPath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["SampleData:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(Settings).Concat(ExtraSettings)));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Issues a key directly in the store and returns it (the full <c>t33_…</c> value and its id).</summary>
    public async Task<CreatedApiKey> CreateKeyAsync(string allowedBuyers = "*", bool admin = false, string name = "test-publisher")
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, allowedBuyers, admin, CancellationToken.None);
    }

    /// <summary>A client that sends <paramref name="key"/>.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    /// <summary>Issues a key directly in the store and returns a client that sends it.</summary>
    public async Task<HttpClient> CreatePublisherClientAsync(string allowedBuyers = "*", bool admin = false, string name = "test-publisher")
    {
        await using var scope = Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, allowedBuyers, admin, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key.Key);
        return client;
    }

    /// <summary>Applies everything queued for the index now: tests await this instead of sleeping.</summary>
    public Task IndexAsync() => Services.GetRequiredService<IndexProjector>().DrainAsync(CancellationToken.None);

    public static HttpContent Json(string json) => new StringContent(json, new MediaTypeHeaderValue("application/json"));

    /// <summary>Removes what this factory created: the data folder (and, for subclasses, the database).</summary>
    public virtual void DeleteData()
    {
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finaliser; the temp folder is cleaned by the OS later.
        }
    }
}
