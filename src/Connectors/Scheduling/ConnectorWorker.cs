using Microsoft.Extensions.Options;

namespace Thirty3.Connectors.Scheduling;

/// <summary>Runs every enabled source on its own <see cref="PeriodicTimer"/>: at start, then every <see cref="SourceOptions.Interval"/>.</summary>
public sealed class ConnectorWorker(SourceRunner runner, IOptions<ConnectorsOptions> options, TimeProvider time, ILogger<ConnectorWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(options.Value.Sources.Where(s => s.Value.Enabled).Select(s => LoopAsync(s.Key, s.Value, stoppingToken)));

    private async Task LoopAsync(string name, SourceOptions source, CancellationToken stoppingToken)
    {
        await Task.Yield();
        ConnectorLog.Scheduled(logger, name, source.Type, source.Interval);
        using var timer = new PeriodicTimer(source.Interval, time);
        try
        {
            do
            {
                // RunOnceAsync records failures itself, so one source failing never stops the others.
                await runner.RunOnceAsync(name, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
