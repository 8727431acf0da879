using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Search.Conformance;

namespace Thirty3.Search.Lucene.Tests;

/// <summary>What only an on-disk Lucene index has to prove: durability, corruption, concurrency.</summary>
public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly TempFolder root = new();

    private string Folder => Path.Combine(root.Path, OpportunityIndex.Schema.Name);

    [Fact]
    public async Task ApplyAsync_DisposeAndReopen_KeepsData()
    {
        using (var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema))
        {
            await sut.ApplyAsync(OpportunityFixture.Documents, [], CancellationToken.None);
        }

        using var reopened = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);

        Assert.Equal(OpportunityFixture.Count, await reopened.CountAsync(CancellationToken.None));
        var response = await reopened.SearchAsync(new SearchRequest { Text = "waste collection vehicles" }, CancellationToken.None);
        Assert.Equal("opp-05", response.Hits[0].Id);
    }

    [Fact]
    public async Task ApplyAsync_WithWatermark_WatermarkSurvivesReopenAndUnwatermarkedWrites()
    {
        using (var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema))
        {
            Assert.Equal(0, sut.Watermark);
            await sut.ApplyAsync(OpportunityFixture.Documents, [], 41, CancellationToken.None);
            await sut.ApplyAsync([], ["opp-01"], CancellationToken.None);
        }

        using var reopened = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);

        Assert.Equal(41, reopened.Watermark);
        Assert.Equal(OpportunityFixture.Count - 1, await reopened.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RebuildAsync_WithWatermark_RecordsItWithTheNewContent()
    {
        using (var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema))
        {
            await sut.ApplyAsync(OpportunityFixture.Documents, [], 500, CancellationToken.None);
            await sut.RebuildAsync(OpportunityFixture.Documents.Take(3).ToAsyncEnumerable(), 7, CancellationToken.None);
            Assert.Equal(7, sut.Watermark);
        }

        using var reopened = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);

        Assert.Equal(7, reopened.Watermark);
        Assert.Equal(3, await reopened.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Constructor_CorruptSegmentsFile_ThrowsSearchIndexCorrupt()
    {
        using (var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema))
        {
            await sut.ApplyAsync(OpportunityFixture.Documents, [], CancellationToken.None);
        }
        foreach (var file in Directory.GetFiles(Folder, "segments*"))
        {
            await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        }

        var error = Assert.Throws<SearchIndexCorruptException>(() => new LuceneSearchIndex(Folder, OpportunityIndex.Schema));

        Assert.Equal(Folder, error.Folder);
    }

    [Fact]
    public async Task DeleteFolder_AfterCorruption_OpensEmpty()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "segments_1"), "garbage");
        Assert.Throws<SearchIndexCorruptException>(() => new LuceneSearchIndex(Folder, OpportunityIndex.Schema));

        LuceneSearchIndex.DeleteFolder(Folder);
        using var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);

        Assert.Equal(0, await sut.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_DuringConcurrentApply_NeverThrowsAndSeesWholeWrites()
    {
        using var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);
        await sut.ApplyAsync(OpportunityFixture.Documents, [], CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var round = 0; round < 15; round++)
            {
                await sut.ApplyAsync([.. Enumerable.Range(0, OpportunityFixture.Count).Select(i => OpportunityFixture.Build(i, $"Round {round} title"))], [], CancellationToken.None);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var searches = 0;
            while (!writer.IsCompleted || searches == 0)
            {
                var response = await sut.SearchAsync(new SearchRequest { Text = "round title", Facets = [OpportunityIndex.Stage], Size = 5 }, CancellationToken.None);
                // Every write replaces all documents at once, so a searcher sees none or all of them.
                Assert.True(response.Total == 0 || response.Total == OpportunityFixture.Count, $"saw {response.Total} documents");
                Assert.Equal(OpportunityFixture.Count, await sut.CountAsync(CancellationToken.None));
                searches++;
            }
            return searches;
        })).ToList();

        await writer;
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public async Task RebuildAsync_SourceFails_KeepsOldContent()
    {
        using var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);
        await sut.ApplyAsync(OpportunityFixture.Documents, [], CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RebuildAsync(FailingSource(), CancellationToken.None));

        Assert.Equal(OpportunityFixture.Count, await sut.CountAsync(CancellationToken.None));
        await sut.ApplyAsync([OpportunityFixture.Build(0, "Zeppelin")], [], CancellationToken.None);
        Assert.Equal(OpportunityFixture.Count, await sut.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_UnknownField_ThrowsAndWritesNothing()
    {
        using var sut = new LuceneSearchIndex(Folder, OpportunityIndex.Schema);
        var bad = OpportunityFixture.Build(1);
        bad.Numbers["nope"] = 1;

        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync([OpportunityFixture.Build(0), bad], [], CancellationToken.None));

        Assert.Equal(0, await sut.CountAsync(CancellationToken.None));
    }

    private static async IAsyncEnumerable<IndexDocument> FailingSource()
    {
        yield return OpportunityFixture.Build(0);
        await Task.Yield();
        throw new InvalidOperationException("store went away");
    }

    public void Dispose() => root.Dispose();
}
