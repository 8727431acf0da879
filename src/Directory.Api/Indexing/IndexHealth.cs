using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>Whether the projector's last round worked; reported by the readiness check.</summary>
public sealed class IndexHealth : IHealthCheck
{
    private volatile Exception? _lastError;

    public void Healthy() => _lastError = null;

    public void Failed(Exception error) => _lastError = error;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_lastError is null
            ? HealthCheckResult.Healthy("The index projection is current.")
            : HealthCheckResult.Degraded("The index projection is failing and retrying: " + _lastError.Message));
}
