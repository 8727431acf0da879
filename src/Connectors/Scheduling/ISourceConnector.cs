namespace Thirty3.Connectors.Scheduling;

/// <summary>
/// Pulls one type of source. Registered as a keyed service by <see cref="SourceTypes"/> name and
/// resolved in a fresh scope per run. Implementations advance the checkpoint through
/// <see cref="SourceRun.AdvanceAsync"/> only after the directory acknowledged what precedes it.
/// </summary>
public interface ISourceConnector
{
    Task RunAsync(SourceRun run, CancellationToken cancellationToken);
}
