using Thirty3.Connectors.Checkpoints;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.OcdsFolder;

/// <summary>
/// The one-off <c>load &lt;folder&gt; [--source name]</c> command: sends every <c>*.json</c> under a folder
/// (release packages, record packages, release arrays) to the directory, leaving the files in place.
/// </summary>
public sealed class BulkLoad(IServiceScopeFactory scopes, CheckpointStore store, ILogger<BulkLoad> logger)
{
    public async Task<(long Fetched, long Accepted, long Rejected, int FailedFiles)> RunAsync(string folder, string source, CancellationToken cancellationToken)
    {
        var run = new SourceRun(source, new SourceOptions { Type = SourceTypes.OcdsFolder, Folder = folder }, new SourceCheckpoint(), store);
        var failed = 0;
        await using var scope = scopes.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<OcdsFileLoader>();
        foreach (var file in Directory.EnumerateFiles(Path.GetFullPath(folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                await loader.LoadAsync(run, file, cancellationToken);
            }
            catch (MalformedPayloadException ex)
            {
                ConnectorLog.FileFailed(logger, source, file, ex.Message);
                failed++;
            }
        }
        return (run.Fetched, run.Accepted, run.Rejected, failed);
    }
}
