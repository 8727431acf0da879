using System.Diagnostics;
using System.Globalization;
using System.Web;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.Ocds;

/// <summary>
/// Walks time in short windows from the checkpoint's watermark (or <see cref="SourceOptions.BackfillFrom"/>)
/// up to now less <see cref="SourceOptions.SafetyLag"/>, paging each window fully through <c>links.next</c>.
/// The checkpoint records the window and the cursor of the next page after every acknowledged page, so
/// a crash resumes at the page it stopped on; the watermark moves past a window only once all its pages
/// were acknowledged.
/// </summary>
public abstract class WindowedOcdsConnector(PageFetcher fetcher, ReleaseForwarder forwarder, TimeProvider time, ILogger logger) : ISourceConnector
{
    protected abstract Task<HttpResponseMessage> FetchPageAsync(string source, DateTimeOffset from, DateTimeOffset to, string? cursor, int limit, string? stages, CancellationToken cancellationToken);

    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var started = Stopwatch.StartNew();
        var horizon = time.GetUtcNow() - options.SafetyLag;
        var window = TimeSpan.FromHours(options.WindowHours);
        var from = run.Checkpoint.Watermark ?? options.BackfillFrom!.Value;
        var cursor = run.Checkpoint.Cursor;
        // A cursor belongs to the window it was issued for: resume that window with the same bounds.
        var resumeTo = cursor is null ? null : run.Checkpoint.WindowEnd;

        while (from < horizon)
        {
            var to = resumeTo ?? Min(from + window, horizon);
            resumeTo = null;
            var items = 0;
            var pages = 0;
            while (true)
            {
                var what = $"window {from:O}..{to:O} page {pages + 1}";
                var pageCursor = cursor;
                var root = await fetcher.FetchAsync(run, what, ct => FetchPageAsync(run.Name, from, to, pageCursor, options.PageSize, options.Stages, ct), cancellationToken);
                var page = OcdsPayload.Extract(root);
                run.CountFetched(page.Releases.Count);
                if (page.Releases.Count > 0)
                {
                    await forwarder.ForwardAsync(run, page, cancellationToken);
                }
                items += page.Releases.Count;
                pages++;
                var next = page.Next is null ? null : CursorOf(page.Next);
                if (next is null || next == pageCursor)
                {
                    break;
                }
                cursor = next;
                await run.AdvanceAsync(run.Checkpoint with { Watermark = from, WindowEnd = to, Cursor = cursor }, cancellationToken);
            }
            cursor = null;
            await run.AdvanceAsync(run.Checkpoint with { Watermark = to, WindowEnd = null, Cursor = null }, cancellationToken);
            ConnectorLog.WindowDone(logger, run.Name, from, to, items, pages, run.Fetched, run.Fetched / Math.Max(0.001, started.Elapsed.TotalSeconds));
            from = to;
        }
    }

    /// <summary>The cursor in a <c>links.next</c> URL (its <c>cursor</c> query parameter), or the whole URL when it has none.</summary>
    public static string CursorOf(string next)
    {
        var query = Uri.TryCreate(next, UriKind.Absolute, out var uri) ? uri.Query : next[(next.IndexOf('?', StringComparison.Ordinal) + 1)..];
        return HttpUtility.ParseQueryString(query)["cursor"] ?? next;
    }

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
