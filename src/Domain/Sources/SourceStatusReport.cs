namespace Thirty3.Domain.Sources;

/// <summary>
/// What a connector says about one of its sources after a run, for people to read: when it last ran,
/// what it fetched and the directory accepted or rejected, the last error and how far behind it is.
/// </summary>
/// <param name="Name">The source's configured name (e.g. contracts-finder).</param>
/// <param name="Type">The connector type (e.g. contracts-finder, ocds-folder).</param>
/// <param name="Enabled">Whether the source is scheduled.</param>
/// <param name="LastRunStarted">When the last run started.</param>
/// <param name="LastRunFinished">When the last run finished (successfully or not).</param>
/// <param name="LastSuccess">When a run last finished without error.</param>
/// <param name="Fetched">Items fetched from the source by the last run.</param>
/// <param name="Accepted">Items the directory stored, updated or found unchanged in the last run.</param>
/// <param name="Rejected">Items the directory rejected in the last run.</param>
/// <param name="LastError">The last run's error, or null when it succeeded.</param>
/// <param name="Checkpoint">The checkpoint after the last run, in words (e.g. a watermark date or cursor).</param>
/// <param name="Lag">How far the checkpoint's watermark is behind now, for time-windowed sources.</param>
public sealed record SourceStatusReport(
    string Name,
    string Type,
    bool Enabled,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunFinished,
    DateTimeOffset? LastSuccess,
    long Fetched,
    long Accepted,
    long Rejected,
    string? LastError,
    string? Checkpoint,
    TimeSpan? Lag);
