using System.Net.Http.Headers;
using Thirty3.Connectors.Scheduling;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Ingest;

namespace Thirty3.Connectors.Ocds;

/// <summary>
/// Sends releases to the directory's ingest API as raw JSON, in batches, and tallies what it says of
/// each item. Rejections are logged and counted, never retried: the same bytes would be rejected again.
/// </summary>
public sealed class ReleaseForwarder(IDirectoryApi directory, ILogger<ReleaseForwarder> logger)
{
    public async Task ForwardAsync(SourceRun run, OcdsPage page, CancellationToken cancellationToken)
    {
        OcdsPayload.EnsureIds(page.Releases);
        foreach (var batch in page.Releases.Chunk(run.Options.BatchSize))
        {
            var json = OcdsPayload.Serialize(page.Package, batch);
            using var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var result = await directory.IngestReleasesAsync(content, run.Name, cancellationToken);
            run.Acknowledge(batch.Length, result, logger);
        }
    }

    internal static void LogRejections(ILogger logger, string source, IngestResult result)
    {
        foreach (var item in result.Items.Where(i => i.Status == IngestItemStatus.Rejected))
        {
            ConnectorLog.ItemRejected(logger, source, item.Index, item.Ocid, item.Id, item.Reason, item.Path);
        }
    }
}
