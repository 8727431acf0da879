using Microsoft.Extensions.DependencyInjection.Extensions;
using Thirty3.Connectors.Checkpoints;
using Thirty3.Connectors.ContractsFinder;
using Thirty3.Connectors.FindATender;
using Thirty3.Connectors.Inventories;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.OcdsFeed;
using Thirty3.Connectors.OcdsFolder;
using Thirty3.Connectors.Proactis;
using Thirty3.Connectors.Scheduling;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors;

public static class ConnectorsRegistration
{
    /// <summary>Registers the directory client, every configured source's HTTP client, the connectors and the scheduler.</summary>
    public static IHostApplicationBuilder AddConnectors(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ConnectorsOptions.SectionName);
        services.AddOptions<ConnectorsOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDirectoryClient(builder.Configuration);

        foreach (var source in section.GetSection(nameof(ConnectorsOptions.Sources)).GetChildren())
        {
            SourceClients.Add(services, source.Key, source[nameof(SourceOptions.Type)] ?? "");
        }

        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<SourceRunner>();
        services.AddSingleton<BulkLoad>();
        services.AddScoped<PageFetcher>();
        services.AddScoped<ReleaseForwarder>();
        services.AddScoped<OcdsFileLoader>();
        services.AddScoped<InventoryFiles>();
        services.AddKeyedScoped<ISourceConnector, ContractsFinderConnector>(SourceTypes.ContractsFinder);
        services.AddKeyedScoped<ISourceConnector, FindATenderConnector>(SourceTypes.FindATender);
        services.AddKeyedScoped<ISourceConnector, ProactisConnector>(SourceTypes.Proactis);
        services.AddKeyedScoped<ISourceConnector, OcdsFeedConnector>(SourceTypes.OcdsFeed);
        services.AddKeyedScoped<ISourceConnector, OcdsFolderConnector>(SourceTypes.OcdsFolder);
        services.AddKeyedScoped<ISourceConnector, CityToolsConnector>(SourceTypes.CityTools);
        services.AddKeyedScoped<ISourceConnector, ContractRegisterConnector>(SourceTypes.ContractRegister);
        services.AddKeyedScoped<ISourceConnector, InventoryApiConnector>(SourceTypes.InventoryApi);
        services.AddHostedService<ConnectorWorker>();
        return builder;
    }
}
