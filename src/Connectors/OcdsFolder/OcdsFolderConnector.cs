using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.OcdsFolder;

/// <summary>
/// Watches a folder (default <c>data/inbox</c>) for OCDS files. A file is taken once it has been left
/// unmodified for <see cref="SourceOptions.SettleTime"/>; once the directory acknowledged all its releases it
/// moves to <c>done/</c> and its hash joins the checkpoint (so the same content dropped again is not resent).
/// A file that is not well-formed JSON moves to <c>failed/</c> and is reported; it does not stop the others.
/// </summary>
public sealed class OcdsFolderConnector(OcdsFileLoader loader, IOptions<ConnectorsOptions> connectors, TimeProvider time, ILogger<OcdsFolderConnector> logger) : ISourceConnector
{
    private const int HashesKept = 5000;

    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(run.Options.Folder ?? Path.Combine(connectors.Value.DataFolder, "inbox"));
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var files = Directory.EnumerateFiles(folder, "*.json")
            .Where(f => now - File.GetLastWriteTimeUtc(f) >= run.Options.SettleTime)
            .Order(StringComparer.Ordinal)
            .ToList();

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = await HashAsync(file, cancellationToken);
            if (!run.Checkpoint.Hashes.Contains(hash))
            {
                try
                {
                    await loader.LoadAsync(run, file, cancellationToken);
                }
                catch (MalformedPayloadException ex)
                {
                    ConnectorLog.FileFailed(logger, run.Name, file, ex.Message);
                    run.Warnings.Add($"{Path.GetFileName(file)}: {ex.Message}");
                    run.CountRejected(1);
                    MoveTo(file, Path.Combine(folder, "failed"));
                    continue;
                }
                await run.AdvanceAsync(run.Checkpoint with { Hashes = [.. run.Checkpoint.Hashes.Append(hash).TakeLast(HashesKept)] }, cancellationToken);
            }
            MoveTo(file, Path.Combine(folder, "done"));
        }
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static void MoveTo(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        if (File.Exists(target))
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}.{Guid.NewGuid():N}{Path.GetExtension(file)}");
        }
        File.Move(file, target);
    }
}
