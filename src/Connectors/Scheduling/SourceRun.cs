using Thirty3.Connectors.Checkpoints;
using Thirty3.Connectors.Ocds;
using Thirty3.Domain.Ingest;

namespace Thirty3.Connectors.Scheduling;

/// <summary>One run of one source: its settings, its checkpoint and what it has counted so far.</summary>
public sealed class SourceRun(string name, SourceOptions options, SourceCheckpoint checkpoint, CheckpointStore store)
{
    private long _fetched;
    private long _accepted;
    private long _rejected;

    public string Name { get; } = name;
    public SourceOptions Options { get; } = options;
    public SourceCheckpoint Checkpoint { get; private set; } = checkpoint;

    public long Fetched => Interlocked.Read(ref _fetched);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Problems that did not stop the run (e.g. a file that could not be read), for the status.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Stores the checkpoint; call only once the directory has acknowledged everything before it.</summary>
    /// <remarks>
    /// Not cancellable: once the directory has acknowledged a batch, recording that is the cheapest way to
    /// avoid sending it again after a stop (the write is a small local file).
    /// </remarks>
    public async Task AdvanceAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        await store.SaveAsync(Name, checkpoint, CancellationToken.None);
        Checkpoint = checkpoint;
    }

    public void CountFetched(int count) => Interlocked.Add(ref _fetched, count);

    public void CountRejected(int count) => Interlocked.Add(ref _rejected, count);

    /// <summary>Counts the directory's answer for a batch of <paramref name="sent"/> items and logs each rejection.</summary>
    public void Acknowledge(int sent, IngestResult result, ILogger logger)
    {
        Interlocked.Add(ref _accepted, result.Stored + result.Updated + result.Unchanged);
        Interlocked.Add(ref _rejected, result.Rejected);
        ReleaseForwarder.LogRejections(logger, Name, result);
        if (result.Received != sent)
        {
            ConnectorLog.ReceivedMismatch(logger, Name, sent, result.Received);
        }
    }
}
