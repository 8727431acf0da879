using Thirty3.Connectors.Ocds;

namespace Thirty3.Connectors.ContractsFinder;

/// <summary>Pulls Contracts Finder by publication date, window by window.</summary>
public sealed class ContractsFinderConnector(IServiceProvider services, PageFetcher fetcher, ReleaseForwarder forwarder, TimeProvider time, ILogger<ContractsFinderConnector> logger)
    : WindowedOcdsConnector(fetcher, forwarder, time, logger)
{
    protected override Task<HttpResponseMessage> FetchPageAsync(string source, DateTimeOffset from, DateTimeOffset to, string? cursor, int limit, string? stages, CancellationToken cancellationToken)
        => services.GetRequiredKeyedService<IContractsFinderApi>(source)
            .SearchAsync(Format(from), Format(to), stages, limit, cursor, cancellationToken);
}
