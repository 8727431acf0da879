using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Thirty3.DirectoryClient;
using Thirty3.Web.Components;
using Thirty3.Web.Tests.Fakes;

namespace Thirty3.Web.Tests.Infrastructure;

/// <summary>The site on a real loopback port (Kestrel), backed by the given directory and a fixed clock.</summary>
public sealed class SiteServer : WebApplicationFactory<App>
{
    private readonly IDirectoryApi _api;
    private readonly TimeProvider _clock;

    public SiteServer(IDirectoryApi api, TimeProvider? clock = null)
    {
        _api = api;
        _clock = clock ?? new FixedTimeProvider(FakeData.Now);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where a browser reaches the site, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; }

    public string Url(string relative) => new Uri(BaseAddress, relative).AbsoluteUri;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment.GetEnvironmentVariable("T3_ENV") ?? "Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDirectoryApi>();
            services.AddSingleton(_api);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_clock);
        });
    }
}

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
