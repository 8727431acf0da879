using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Thirty3.Connectors.Checkpoints;
using Thirty3.Connectors.Status;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors.Scheduling;

/// <summary>
/// Runs one source once, in a fresh DI scope: loads its checkpoint, lets its connector pull, then writes
/// its <see cref="SourceStatus"/> beside the checkpoint, logs it and reports it to the directory
/// (tolerating the directory not taking it). A failing run is recorded, never thrown to the scheduler.
/// </summary>
public sealed class SourceRunner(IServiceScopeFactory scopes, IOptions<ConnectorsOptions> options, CheckpointStore store, TimeProvider time, ILogger<SourceRunner> logger)
{
    private static readonly TimeSpan StatusReportTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Sources => options.Value.Sources.Keys;

    public async Task<SourceStatus> RunOnceAsync(string name, CancellationToken cancellationToken)
    {
        if (!options.Value.Sources.TryGetValue(name, out var source))
        {
            throw new ArgumentException($"No source '{name}' in Connectors:Sources (known: {string.Join(", ", options.Value.Sources.Keys)}).", nameof(name));
        }
        var gate = _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            ConnectorLog.AlreadyRunning(logger, name);
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            return await RunAsync(name, source, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SourceStatus> RunAsync(string name, SourceOptions source, CancellationToken cancellationToken)
    {
        var previous = await store.LoadStatusAsync(name, cancellationToken);
        var run = new SourceRun(name, source, await store.LoadAsync(name, cancellationToken), store);
        var started = time.GetUtcNow();
        string? error = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                var connector = scope.ServiceProvider.GetRequiredKeyedService<ISourceConnector>(source.Type);
                await connector.RunAsync(run, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error = "Cancelled before the run finished; it resumes from the checkpoint.";
            }
            catch (Exception ex)
            {
                ConnectorLog.RunFailed(logger, name, ex);
                error = $"{ex.GetType().Name}: {ex.Message}";
            }
        }
        var finished = time.GetUtcNow();
        var status = new SourceStatus
        {
            Name = name,
            Type = source.Type,
            Enabled = source.Enabled,
            LastRunStarted = started,
            LastRunFinished = finished,
            LastSuccess = error is null ? finished : previous?.LastSuccess,
            Fetched = run.Fetched,
            Accepted = run.Accepted,
            Rejected = run.Rejected,
            LastError = error ?? (run.Warnings.Count > 0 ? string.Join("; ", run.Warnings) : null),
            Checkpoint = run.Checkpoint.ToString(),
            Lag = run.Checkpoint.Watermark is { } watermark ? finished - watermark : null,
        };
        // The run's token may be cancelled (shutdown); the status must still be written.
        await store.SaveStatusAsync(name, status, CancellationToken.None);
        ConnectorLog.RunFinished(logger, name, status.Fetched, status.Accepted, status.Rejected, status.Checkpoint, status.Lag, status.LastError);
        await ReportAsync(status);
        return status;
    }

    private async Task ReportAsync(SourceStatus status)
    {
        using var timeout = new CancellationTokenSource(StatusReportTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDirectoryApi>().ReportSourceStatusAsync(status.Name, status.ToReport(), timeout.Token);
        }
        catch (Exception ex)
        {
            // Until the directory serves /api/sources/{name}/status this answers 404; the status file and log still have it.
            ConnectorLog.StatusNotReported(logger, status.Name, ex.Message);
        }
    }
}
