using System.Globalization;
using System.Text.Json.Nodes;
using Thirty3.SampleData;

namespace Thirty3.DirectoryApi.Cli;

/// <summary>Writes generated OCDS release packages into a folder, for the connectors' folder source to pick up.</summary>
public static class SampleInbox
{
    /// <summary>Processes numbered from here are not among those the API seeds itself, so they arrive as new notices.</summary>
    public const int FirstProcess = 1_000_000;

    public static int Write(string folder, int processes, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        var files = 0;
        foreach (var chunk in OcdsSampleGenerator.GenerateReleases(FirstProcess, processes, seed: 7, now).Chunk(250))
        {
            var package = new JsonObject
            {
                ["uri"] = $"urn:thirty3:sample:{files}",
                ["publishedDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["publisher"] = new JsonObject { ["name"] = OcdsSampleGenerator.PublisherName },
                ["version"] = "1.1",
                ["releases"] = new JsonArray([.. chunk]),
            };
            var path = Path.Combine(folder, $"sample-{now:yyyyMMddHHmmss}-{files:D3}.json");
            File.WriteAllText(path + ".tmp", package.ToJsonString());
            // Renamed into place whole, so the folder watcher never reads a half-written file.
            File.Move(path + ".tmp", path, overwrite: true);
            files++;
        }
        return files;
    }
}
