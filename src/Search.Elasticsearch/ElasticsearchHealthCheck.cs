using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Thirty3.Search.Elasticsearch;

/// <summary>Healthy when <c>GET /</c> answers with a supported Elasticsearch or OpenSearch version.</summary>
public sealed class ElasticsearchHealthCheck(IElasticsearchApi api) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var cluster = ClusterInfo.From(await api.GetRootAsync(cancellationToken).ConfigureAwait(false));
            return cluster.IsSupported
                ? HealthCheckResult.Healthy(cluster.ToString())
                : HealthCheckResult.Degraded($"{cluster} is not a version this backend is written for (Elasticsearch 8/9, OpenSearch 2/3).");
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return HealthCheckResult.Unhealthy("The search cluster does not answer.", e);
        }
    }
}
