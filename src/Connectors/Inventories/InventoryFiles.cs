using System.Security.Cryptography;
using Thirty3.Connectors.Ocds;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.Inventories;

/// <summary>A file of an inventory source, with the hash that tells whether it changed since it was last sent.</summary>
public sealed record InventoryFile(string Name, byte[] Content)
{
    public string Hash { get; } = $"{Name}:{Convert.ToHexStringLower(SHA256.HashData(Content))}";
}

/// <summary>Reads the files of an inventory source: every matching file of its folder, or the one file at its URL.</summary>
public sealed class InventoryFiles(IHttpClientFactory clients)
{
    public async Task<IReadOnlyList<InventoryFile>> ReadAsync(SourceRun run, string[] extensions, CancellationToken cancellationToken)
    {
        if (run.Options.BaseUrl is { } url)
        {
            var http = clients.CreateClient(SourceClients.HttpClientName(run.Name));
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(response.StatusCode, $"{run.Name}: {url} answered {(int)response.StatusCode}.");
            }
            var name = Path.GetFileName(url.AbsolutePath);
            if (!extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
                name += mediaType.Contains("spreadsheet", StringComparison.OrdinalIgnoreCase) ? ".xlsx" : ".csv";
            }
            return [new InventoryFile(name, await response.Content.ReadAsByteArrayAsync(cancellationToken))];
        }
        var folder = Path.GetFullPath(run.Options.Folder!);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var files = new List<InventoryFile>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal))
        {
            files.Add(new InventoryFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
        }
        return files;
    }
}
