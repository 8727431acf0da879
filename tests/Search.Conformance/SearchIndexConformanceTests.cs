using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.Search.Conformance;

/// <summary>
/// What every <see cref="ISearchIndex"/> backend must do, checked against the real schemas. A
/// backend's test project inherits this class and says how to create an empty index.
/// </summary>
public abstract partial class SearchIndexConformanceTests : IDisposable
{
    private readonly List<ISearchIndex> created = [];

    /// <summary>A new, empty index for <paramref name="schema"/>, isolated from other tests.</summary>
    protected abstract ISearchIndex CreateIndex(IndexSchema schema);

    // xUnit v2 has no per-test cancellation token; nothing here is cancelled.
    protected static CancellationToken Ct => CancellationToken.None;

    protected async Task<ISearchIndex> OpportunitiesAsync()
    {
        var sut = Track(CreateIndex(OpportunityIndex.Schema));
        await sut.ApplyAsync(OpportunityFixture.Documents, [], Ct);
        return sut;
    }

    protected async Task<ISearchIndex> TechnologiesAsync()
    {
        var sut = Track(CreateIndex(TechnologyIndex.Schema));
        await sut.ApplyAsync(TechnologyFixture.Documents, [], Ct);
        return sut;
    }

    protected ISearchIndex Track(ISearchIndex index)
    {
        created.Add(index);
        return index;
    }

    protected static List<string> Ids(SearchResponse response) => [.. response.Hits.Select(h => h.Id)];

    protected static Dictionary<string, long> Counts(SearchResponse response, string facet) =>
        response.Facets[facet].ToDictionary(v => v.Value, v => v.Count);

    protected static IEnumerable<int> Indexes => Enumerable.Range(0, OpportunityFixture.Count);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var index in created)
            {
                index.Dispose();
            }
            created.Clear();
        }
    }
}
