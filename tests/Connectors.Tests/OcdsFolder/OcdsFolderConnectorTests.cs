using Microsoft.Extensions.DependencyInjection;
using Thirty3.Connectors.OcdsFolder;
using Thirty3.Connectors.Tests.Support;

namespace Thirty3.Connectors.Tests.OcdsFolder;

public sealed class OcdsFolderConnectorTests
{
    private static ConnectorHarness Harness(string inbox) => new(ConnectorHarness.Source("inbox", SourceTypes.OcdsFolder, null, ("Folder", inbox), ("BatchSize", "2")));

    [Fact]
    public async Task Run_NewFiles_IngestsAndMovesThemToDoneAndFailed()
    {
        var inbox = Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(inbox);
        try
        {
            File.Copy(Recorded.Path("FindATender", "packages-page1.json"), Path.Combine(inbox, "a.json"));
            File.Copy(Recorded.Path("OcdsFeed", "record-package.json"), Path.Combine(inbox, "b.json"));
            await File.WriteAllTextAsync(Path.Combine(inbox, "c.json"), "{\"releases\":[{\"ocid\":");
            using var sut = Harness(inbox);

            var status = await sut.RunAsync("inbox");

            Assert.Equal(7, sut.Directory.Stored.Count);
            Assert.Equal(4, sut.Directory.Calls); // batches of 2: a.json 3 releases, b.json 4
            Assert.Contains("c.json", status.LastError);
            Assert.Equal(["a.json", "b.json"], Directory.GetFiles(Path.Combine(inbox, "done")).Select(Path.GetFileName).Order());
            Assert.Single(Directory.GetFiles(Path.Combine(inbox, "failed")));
            Assert.Empty(Directory.GetFiles(inbox));

            // The same content dropped again is recognised by its hash and not resent.
            File.Copy(Recorded.Path("FindATender", "packages-page1.json"), Path.Combine(inbox, "a-again.json"));
            await sut.RunAsync("inbox");
            Assert.Equal(4, sut.Directory.Calls);
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    [SkippableFact]
    public async Task BulkLoad_RealOcdsFolders_AllReleasesArrive()
    {
        var root = SharedData.RequireOcds("");
        using var sut = new ConnectorHarness(new Dictionary<string, string?>());
        var load = sut.Host.Services.GetRequiredService<BulkLoad>();
        var total = 0L;

        foreach (var folder in new[] { "contracts-finder-2015", "contracts-finder-2025", "public-contracts-scotland-2019" })
        {
            var (fetched, accepted, rejected, failed) = await load.RunAsync(Path.Combine(root, folder), folder, CancellationToken.None);
            Assert.Equal(0, failed);
            Assert.Equal(0, rejected);
            Assert.Equal(fetched, accepted);
            total += fetched;
        }

        // 100 packages of one release (2015) + 101 releases (2025) + 90 PCS releases with derived ids.
        Assert.Equal(291, total);
        Assert.Equal(291, sut.Directory.Stored.Count);
        Assert.Empty(sut.Directory.Duplicates);
    }
}
