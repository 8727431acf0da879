using System.Globalization;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.Proactis;

/// <summary>
/// Pulls a Proactis portal month by month and notice type by notice type. The checkpoint's watermark
/// is the month in progress and <c>Done</c> lists its notice types already acknowledged; the current
/// month is pulled again on every run (it is still filling), which the directory's idempotent ingest absorbs.
/// Releases get derived ids (see <see cref="OcdsPayload.EnsureIds"/>).
/// </summary>
public sealed class ProactisConnector(IServiceProvider services, PageFetcher fetcher, ReleaseForwarder forwarder, TimeProvider time, ILogger<ProactisConnector> logger) : ISourceConnector
{
    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var api = services.GetRequiredKeyedService<IProactisNoticesApi>(run.Name);
        var now = time.GetUtcNow();
        var currentMonth = MonthOf(now);
        var month = MonthOf(run.Checkpoint.Watermark ?? run.Options.BackfillFrom!.Value);
        var done = run.Checkpoint.Done.ToHashSet(StringComparer.Ordinal);

        while (month <= currentMonth)
        {
            foreach (var noticeType in run.Options.NoticeTypes.Length > 0 ? run.Options.NoticeTypes : SourceOptions.DefaultNoticeTypes)
            {
                var key = noticeType.ToString(CultureInfo.InvariantCulture);
                if (done.Contains(key))
                {
                    continue;
                }
                var monthText = month.ToString("MM-yyyy", CultureInfo.InvariantCulture);
                var root = await fetcher.FetchAsync(run, $"{monthText} type {key}", ct => api.GetNoticesAsync(monthText, noticeType, ct), cancellationToken);
                var page = OcdsPayload.Extract(root);
                run.CountFetched(page.Releases.Count);
                if (page.Releases.Count > 0)
                {
                    await forwarder.ForwardAsync(run, page, cancellationToken);
                }
                done.Add(key);
                await run.AdvanceAsync(run.Checkpoint with { Watermark = month, Done = [.. done] }, cancellationToken);
                ConnectorLog.UnitDone(logger, run.Name, $"{monthText} type {key}", page.Releases.Count);
            }
            if (month == currentMonth)
            {
                // Leave the current month open so the next run fetches it again.
                await run.AdvanceAsync(run.Checkpoint with { Watermark = month, Done = [] }, cancellationToken);
                break;
            }
            month = month.AddMonths(1);
            done.Clear();
            await run.AdvanceAsync(run.Checkpoint with { Watermark = month, Done = [] }, cancellationToken);
        }
    }

    private static DateTimeOffset MonthOf(DateTimeOffset value) => new(value.UtcDateTime.Year, value.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
}
