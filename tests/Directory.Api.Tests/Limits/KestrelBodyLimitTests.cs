using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Limits;

/// <summary>
/// The body limit in force on a real Kestrel server is <c>Ingest:MaxBodyBytes</c> (32 MiB by
/// default), not Kestrel's own 30,000,000 bytes: the in-memory test server has no such cap, so this
/// runs the API on a loopback port.
/// </summary>
public sealed class KestrelBodyLimitTests : IDisposable
{
    private readonly DirectoryApiFactory factory = new();

    [Fact]
    public async Task Ingest_BodyBetweenKestrelDefaultAndConfiguredLimit_Accepted()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var key = await factory.CreateKeyAsync();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key.Key);
        // 31,000,000 bytes: over Kestrel's default cap, under the documented 32 MiB. JSON allows the padding.
        var json = Notices.Package(Notices.Tender("ocds-kestrel-1", "Body limit check")) + new string(' ', 31_000_000);

        var response = await client.PostAsync("/api/ingest/releases", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains("\"stored\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
