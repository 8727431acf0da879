using Thirty3.Connectors.Ocds;

namespace Thirty3.Connectors.FindATender;

/// <summary>Pulls Find a Tender by update time, in short windows (hours) paged fully.</summary>
public sealed class FindATenderConnector(IServiceProvider services, PageFetcher fetcher, ReleaseForwarder forwarder, TimeProvider time, ILogger<FindATenderConnector> logger)
    : WindowedOcdsConnector(fetcher, forwarder, time, logger)
{
    protected override Task<HttpResponseMessage> FetchPageAsync(string source, DateTimeOffset from, DateTimeOffset to, string? cursor, int limit, string? stages, CancellationToken cancellationToken)
        => services.GetRequiredKeyedService<IFindATenderApi>(source)
            .GetReleasePackagesAsync(Format(from), Format(to), stages, limit, cursor, cancellationToken);
}
