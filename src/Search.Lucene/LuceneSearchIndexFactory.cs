using Microsoft.Extensions.Options;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>Opens one <see cref="LuceneSearchIndex"/> per schema under <see cref="LuceneOptions.IndexPath"/>.</summary>
public sealed class LuceneSearchIndexFactory(IOptions<LuceneOptions> options) : ISearchIndexFactory
{
    /// <summary>Folder holding the index of <paramref name="schema"/>.</summary>
    public string FolderOf(IndexSchema schema) => Path.Combine(options.Value.IndexPath, schema.Name);

    /// <inheritdoc />
    /// <exception cref="SearchIndexCorruptException">The folder holds an index that cannot be read; see <see cref="Wipe"/>.</exception>
    public ISearchIndex Open(IndexSchema schema) => new LuceneSearchIndex(FolderOf(schema), schema);

    /// <summary>Deletes the index of <paramref name="schema"/> so the next <see cref="Open"/> starts empty. The index must not be open.</summary>
    public void Wipe(IndexSchema schema) => LuceneSearchIndex.DeleteFolder(FolderOf(schema));
}
