using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;
using Thirty3.Search.Lucene;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>The directory's two indexes, opened once from the configured backend.</summary>
/// <remarks>
/// An embedded index found corrupt is wiped and reopened empty; the projector then rebuilds it from
/// the store, because the index is only ever a projection.
/// </remarks>
public sealed partial class SearchIndexes(ISearchIndexFactory factory, ILogger<SearchIndexes> logger) : IDisposable
{
    private readonly Lazy<ISearchIndex> _opportunities = new(() => OpenOrRecover(factory, OpportunityIndex.Schema, logger));
    private readonly Lazy<ISearchIndex> _technologies = new(() => OpenOrRecover(factory, TechnologyIndex.Schema, logger));

    public ISearchIndex Opportunities => _opportunities.Value;

    public ISearchIndex Technologies => _technologies.Value;

    public ISearchIndex ByName(string name) =>
        name == OpportunityIndex.Schema.Name ? Opportunities
        : name == TechnologyIndex.Schema.Name ? Technologies
        : throw new ArgumentException($"No index named '{name}'.", nameof(name));

    private static ISearchIndex OpenOrRecover(ISearchIndexFactory factory, IndexSchema schema, ILogger logger)
    {
        try
        {
            return factory.Open(schema);
        }
        catch (SearchIndexCorruptException ex) when (factory is LuceneSearchIndexFactory lucene)
        {
            LogCorrupt(logger, schema.Name, ex.Folder, ex);
            lucene.Wipe(schema);
            return factory.Open(schema);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index {Index} in {Folder} is corrupt: wiping it; it will be rebuilt from the store")]
    private static partial void LogCorrupt(ILogger logger, string index, string folder, Exception exception);

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
