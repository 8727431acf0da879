using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.OcdsFolder;

/// <summary>Sends one OCDS file (release package, record package, release array or single release) to the directory.</summary>
public sealed class OcdsFileLoader(ReleaseForwarder forwarder, ILogger<OcdsFileLoader> logger)
{
    /// <returns>The number of releases found in the file.</returns>
    public async Task<int> LoadAsync(SourceRun run, string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var page = OcdsPayload.Extract(OcdsPayload.Parse(bytes));
        run.CountFetched(page.Releases.Count);
        if (page.Releases.Count > 0)
        {
            await forwarder.ForwardAsync(run, page, cancellationToken);
        }
        ConnectorLog.FileLoaded(logger, run.Name, path, page.Releases.Count);
        return page.Releases.Count;
    }
}
