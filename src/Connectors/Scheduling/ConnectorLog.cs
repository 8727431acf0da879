namespace Thirty3.Connectors.Scheduling;

/// <summary>The connectors' log messages, source-generated.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Source}: item {Index} rejected by the directory (ocid {Ocid}, id {Id}): {Reason} at {Path}")]
    public static partial void ItemRejected(ILogger logger, string source, int index, string? ocid, string? id, string? reason, string? path);

    [LoggerMessage(2, LogLevel.Warning, "{Source}: sent {Sent} items but the directory reports {Received}")]
    public static partial void ReceivedMismatch(ILogger logger, string source, int sent, int received);

    [LoggerMessage(3, LogLevel.Warning, "{Source}: {What} is not well-formed JSON (attempt {Attempt}), fetching again: {Error}")]
    public static partial void MalformedPage(ILogger logger, string source, string what, int attempt, string error);

    [LoggerMessage(4, LogLevel.Information, "{Source}: window {From:O} to {To:O} done: {Items} items in {Pages} page(s); {Total} so far at {Rate:F1} items/s")]
    public static partial void WindowDone(ILogger logger, string source, DateTimeOffset from, DateTimeOffset to, int items, int pages, long total, double rate);

    [LoggerMessage(5, LogLevel.Information, "{Source}: run finished: fetched {Fetched}, accepted {Accepted}, rejected {Rejected}, checkpoint {Checkpoint}, lag {Lag}, error {Error}")]
    public static partial void RunFinished(ILogger logger, string source, long fetched, long accepted, long rejected, string? checkpoint, TimeSpan? lag, string? error);

    [LoggerMessage(6, LogLevel.Error, "{Source}: run failed")]
    public static partial void RunFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "{Source}: the directory did not take the status report: {Error}")]
    public static partial void StatusNotReported(ILogger logger, string source, string error);

    [LoggerMessage(8, LogLevel.Information, "{Source}: file {File}: {Releases} releases sent")]
    public static partial void FileLoaded(ILogger logger, string source, string file, int releases);

    [LoggerMessage(9, LogLevel.Warning, "{Source}: file {File} could not be read and was set aside: {Error}")]
    public static partial void FileFailed(ILogger logger, string source, string file, string error);

    [LoggerMessage(10, LogLevel.Information, "{Source}: {What}: {Items} items")]
    public static partial void UnitDone(ILogger logger, string source, string what, int items);

    [LoggerMessage(11, LogLevel.Information, "Scheduling {Source} ({Type}) every {Interval}")]
    public static partial void Scheduled(ILogger logger, string source, string type, TimeSpan interval);

    [LoggerMessage(12, LogLevel.Warning, "{Source}: the rate limit answered 403; pausing {Pause} before trying again")]
    public static partial void RateLimited(ILogger logger, string source, TimeSpan pause);

    [LoggerMessage(13, LogLevel.Information, "{Source}: a run is already in progress; skipping this one")]
    public static partial void AlreadyRunning(ILogger logger, string source);
}
