using Microsoft.Extensions.Options;
using Refit;
using Thirty3.Connectors.ContractsFinder;
using Thirty3.Connectors.FindATender;
using Thirty3.Connectors.Inventories;
using Thirty3.Connectors.Proactis;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors.Scheduling;

/// <summary>
/// Registers each configured source's HTTP client: a Refit client keyed by the source's name (several
/// sources may share a type, e.g. two Proactis portals), each with its own resilience pipeline.
/// </summary>
public static class SourceClients
{
    public static string HttpClientName(string source) => $"source:{source}";

    public static void Add(IServiceCollection services, string name, string type)
    {
        var clientName = HttpClientName(name);
        var http = type switch
        {
            SourceTypes.ContractsFinder => services.AddKeyedRefitGeneratedClient<IContractsFinderApi>(name, new RefitSettings(), clientName),
            SourceTypes.FindATender => services.AddKeyedRefitGeneratedClient<IFindATenderApi>(name, new RefitSettings(), clientName),
            SourceTypes.Proactis => services.AddKeyedRefitGeneratedClient<IProactisNoticesApi>(name, new RefitSettings(), clientName),
            SourceTypes.InventoryApi => services.AddKeyedRefitGeneratedClient<IInventoryApi>(name, DirectoryClientRegistration.Settings, clientName),
            _ => services.AddHttpClient(clientName),
        };
        var usesBaseAddress = type is SourceTypes.ContractsFinder or SourceTypes.FindATender or SourceTypes.Proactis or SourceTypes.InventoryApi;
        http.ConfigureHttpClient((sp, client) =>
        {
            var source = Options(sp, name);
            if (usesBaseAddress)
            {
                client.BaseAddress = source.BaseUrl;
            }
            if (!string.IsNullOrEmpty(source.ApiKey))
            {
                client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, source.ApiKey);
            }
            // The resilience pipeline owns timeouts; HttpClient's own would cut retries (and 403 pauses) short.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        http.AddResilienceHandler(clientName, (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            SourceResilience.Configure(pipeline, name, Options(sp, name), type == SourceTypes.ContractsFinder,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SourceResilience)));
        });
    }

    private static SourceOptions Options(IServiceProvider sp, string name)
        => sp.GetRequiredService<IOptions<ConnectorsOptions>>().Value.Sources[name];
}
