using System.Net.Http.Headers;
using Thirty3.Connectors.Scheduling;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors.Inventories;

/// <summary>
/// Sends City Tools templates (CSV as is, to the directory's CSV ingest, which validates per row; XLSX
/// read into entries) from a folder or a URL. A file whose content was already acknowledged is skipped.
/// </summary>
public sealed class CityToolsConnector(InventoryFiles files, IDirectoryApi directory, ILogger<CityToolsConnector> logger) : ISourceConnector
{
    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        foreach (var file in await files.ReadAsync(run, [".csv", ".xlsx"], cancellationToken))
        {
            if (run.Checkpoint.Hashes.Contains(file.Hash))
            {
                continue;
            }
            if (file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                using var stream = new MemoryStream(file.Content);
                var entries = CityToolsTemplate.ReadXlsx(stream, run.Name);
                run.CountFetched(entries.Count);
                if (entries.Count > 0)
                {
                    run.Acknowledge(entries.Count, await directory.IngestTechnologiesAsync(entries, run.Name, cancellationToken), logger);
                }
            }
            else
            {
                using var content = new ByteArrayContent(file.Content);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
                var result = await directory.IngestTechnologiesCsvAsync(content, run.Name, cancellationToken);
                run.CountFetched(result.Received);
                run.Acknowledge(result.Received, result, logger);
            }
            ConnectorLog.UnitDone(logger, run.Name, file.Name, (int)run.Fetched);
            await run.AdvanceAsync(run.Checkpoint with { Hashes = [.. run.Checkpoint.Hashes.Where(h => !h.StartsWith(file.Name + ":", StringComparison.Ordinal)).Append(file.Hash)] }, cancellationToken);
        }
    }
}
