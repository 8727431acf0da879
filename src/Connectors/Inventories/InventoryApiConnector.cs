using System.Globalization;
using Thirty3.Connectors.Scheduling;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors.Inventories;

/// <summary>
/// Pulls a JSON inventory API: entries updated since the watermark (the start of the last complete run),
/// page by page; the cursor holds the next page so a crash resumes there.
/// </summary>
public sealed class InventoryApiConnector(IServiceProvider services, IDirectoryApi directory, TimeProvider time, ILogger<InventoryApiConnector> logger) : ISourceConnector
{
    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var api = services.GetRequiredKeyedService<IInventoryApi>(run.Name);
        var started = time.GetUtcNow();
        var since = run.Checkpoint.Watermark ?? run.Options.BackfillFrom;
        var sinceText = since?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        int? page = run.Checkpoint.Cursor is { } cursor ? int.Parse(cursor, CultureInfo.InvariantCulture) : 1;
        while (page is { } current)
        {
            var result = await api.GetInventoryAsync(sinceText, current, run.Options.PageSize, cancellationToken);
            run.CountFetched(result.Items.Count);
            if (result.Items.Count > 0)
            {
                var entries = result.Items.Select(e => e with { Source = e.Source ?? run.Name }).ToList();
                run.Acknowledge(entries.Count, await directory.IngestTechnologiesAsync(entries, run.Name, cancellationToken), logger);
            }
            ConnectorLog.UnitDone(logger, run.Name, $"page {current}", result.Items.Count);
            page = result.NextPage is { } next && next > current ? next : null;
            await run.AdvanceAsync(run.Checkpoint with { Cursor = page?.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        }
        await run.AdvanceAsync(run.Checkpoint with { Watermark = started, Cursor = null }, cancellationToken);
    }
}
