using Thirty3.Domain.Sources;

namespace Thirty3.Connectors.Status;

/// <summary>A source's state after its last run, kept beside its checkpoint and reported to the directory.</summary>
public sealed record SourceStatus
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public bool Enabled { get; init; }
    public DateTimeOffset? LastRunStarted { get; init; }
    public DateTimeOffset? LastRunFinished { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public long Fetched { get; init; }
    public long Accepted { get; init; }
    public long Rejected { get; init; }
    public string? LastError { get; init; }
    public string? Checkpoint { get; init; }
    public TimeSpan? Lag { get; init; }

    public SourceStatusReport ToReport() => new(
        Name, Type, Enabled, LastRunStarted, LastRunFinished, LastSuccess, Fetched, Accepted, Rejected, LastError, Checkpoint, Lag);
}
