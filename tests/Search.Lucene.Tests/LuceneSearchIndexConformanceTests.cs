using Thirty3.Domain.Search;
using Thirty3.Search.Conformance;

namespace Thirty3.Search.Lucene.Tests;

/// <summary>The backend-neutral suite, run against Lucene in a fresh temp folder per test.</summary>
public sealed class LuceneSearchIndexConformanceTests : SearchIndexConformanceTests
{
    private readonly TempFolder root = new();

    protected override ISearchIndex CreateIndex(IndexSchema schema) =>
        new LuceneSearchIndex(Path.Combine(root.Path, $"{schema.Name}-{Guid.NewGuid():N}"), schema);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            root.Dispose();
        }
    }
}
