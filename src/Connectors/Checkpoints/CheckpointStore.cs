using System.Text.Json;
using Microsoft.Extensions.Options;
using Thirty3.Connectors.Status;
using Thirty3.Domain;

namespace Thirty3.Connectors.Checkpoints;

/// <summary>
/// One small JSON file per source in <c>{DataFolder}/checkpoints</c>, written atomically (temp file +
/// rename) so a crash leaves either the old or the new checkpoint, never half of one.
/// </summary>
public sealed class CheckpointStore(IOptions<ConnectorsOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(DirectoryJson.Options) { WriteIndented = true };

    private string Folder => Path.Combine(Path.GetFullPath(options.Value.DataFolder), "checkpoints");

    public async Task<SourceCheckpoint> LoadAsync(string source, CancellationToken cancellationToken)
        => await ReadAsync<SourceCheckpoint>(PathOf(source, "json"), cancellationToken) ?? new SourceCheckpoint();

    public Task SaveAsync(string source, SourceCheckpoint checkpoint, CancellationToken cancellationToken)
        => WriteAtomicallyAsync(PathOf(source, "json"), checkpoint with { UpdatedAt = time.GetUtcNow() }, cancellationToken);

    public Task<SourceStatus?> LoadStatusAsync(string source, CancellationToken cancellationToken)
        => ReadAsync<SourceStatus>(PathOf(source, "status.json"), cancellationToken);

    public Task SaveStatusAsync(string source, SourceStatus status, CancellationToken cancellationToken)
        => WriteAtomicallyAsync(PathOf(source, "status.json"), status, cancellationToken);

    private string PathOf(string source, string extension)
    {
        var safe = string.Concat(source.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(Folder, $"{safe}.{extension}");
    }

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
    }

    private static async Task WriteAtomicallyAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
        }
        File.Move(temp, path, overwrite: true);
    }
}
