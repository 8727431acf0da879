using System.Net.Http.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;

namespace Thirty3.DirectoryApi.Tests.Indexing;

public sealed class IndexRecoveryTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private async Task SeedAsync()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var releases = Enumerable.Range(0, 25).Select(i => Notices.Tender($"ocds-i-{i}", $"Street lighting maintenance {i}", id: $"r{i}")).ToArray();
        (await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(releases)))).EnsureSuccessStatusCode();
        await _factory.IndexAsync();
        _factory.Dispose();
    }

    private static async Task<long> WaitForTotalAsync(DirectoryApiFactory factory, long expected)
    {
        var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long total;
        do
        {
            total = (await client.GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?q=lighting", DirectoryJson.Options))!.Total;
            if (total == expected)
            {
                return total;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return total;
    }

    [Fact]
    public async Task Start_IndexFolderDeleted_RebuiltFromStore()
    {
        await SeedAsync();
        Directory.Delete(Path.Combine(_factory.DataPath, "index"), recursive: true);

        using var restarted = new DirectoryApiFactory(_factory.DataPath);

        Assert.Equal(25, await WaitForTotalAsync(restarted, 25));
    }

    [Fact]
    public async Task Start_IndexFilesCorrupted_WipedAndRebuiltFromStore()
    {
        await SeedAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(_factory.DataPath, "index", "opportunities")))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        }

        using var restarted = new DirectoryApiFactory(_factory.DataPath);

        Assert.Equal(25, await WaitForTotalAsync(restarted, 25));
    }

    [Fact]
    public async Task Reindex_AdminKey_RebuildsBothIndexes()
    {
        await SeedAsync();
        using var restarted = new DirectoryApiFactory(_factory.DataPath);
        var admin = await restarted.CreatePublisherClientAsync(admin: true);

        var response = await admin.PostAsync("/api/admin/reindex", null);
        var results = await response.Content.ReadFromJsonAsync<List<System.Text.Json.JsonElement>>();

        Assert.Equal(25, results!.Single(r => r.GetProperty("index").GetString() == "opportunities").GetProperty("documents").GetInt64());
    }
}
