using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.OcdsFeed;

/// <summary>
/// Follows an OCDS feed from <see cref="SourceOptions.BaseUrl"/> through <c>links.next</c>. The checkpoint's
/// cursor is the next page to read; at the feed's end it stays on the last page, which is read again on the
/// next run to pick up releases appended to it or a new <c>links.next</c>.
/// </summary>
public sealed class OcdsFeedConnector(IHttpClientFactory clients, PageFetcher fetcher, ReleaseForwarder forwarder, ILogger<OcdsFeedConnector> logger) : ISourceConnector
{
    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var client = new OcdsFeedClient(clients.CreateClient(SourceClients.HttpClientName(run.Name)));
        var url = run.Checkpoint.Cursor is { } cursor ? new Uri(cursor) : run.Options.BaseUrl!;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (visited.Add(url.AbsoluteUri))
        {
            var pageUrl = url;
            var root = await fetcher.FetchAsync(run, pageUrl.AbsoluteUri, ct => client.GetPageAsync(pageUrl, ct), cancellationToken);
            var page = OcdsPayload.Extract(root);
            run.CountFetched(page.Releases.Count);
            if (page.Releases.Count > 0)
            {
                await forwarder.ForwardAsync(run, page, cancellationToken);
            }
            ConnectorLog.UnitDone(logger, run.Name, pageUrl.AbsoluteUri, page.Releases.Count);
            if (page.Next is null)
            {
                await run.AdvanceAsync(run.Checkpoint with { Cursor = pageUrl.AbsoluteUri }, cancellationToken);
                return;
            }
            url = new Uri(pageUrl, page.Next);
            await run.AdvanceAsync(run.Checkpoint with { Cursor = url.AbsoluteUri }, cancellationToken);
        }
    }
}
