using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>The directory's two indexes, opened once from the configured backend.</summary>
public sealed class SearchIndexes(ISearchIndexFactory factory) : IDisposable
{
    private readonly Lazy<ISearchIndex> _opportunities = new(() => factory.Open(OpportunityIndex.Schema));
    private readonly Lazy<ISearchIndex> _technologies = new(() => factory.Open(TechnologyIndex.Schema));

    public ISearchIndex Opportunities => _opportunities.Value;

    public ISearchIndex Technologies => _technologies.Value;

    public ISearchIndex ByName(string name) =>
        name == OpportunityIndex.Schema.Name ? Opportunities
        : name == TechnologyIndex.Schema.Name ? Technologies
        : throw new ArgumentException($"No index named '{name}'.", nameof(name));

    public void Dispose()
    {
        if (_opportunities.IsValueCreated)
        {
            _opportunities.Value.Dispose();
        }
        if (_technologies.IsValueCreated)
        {
            _technologies.Value.Dispose();
        }
    }
}
