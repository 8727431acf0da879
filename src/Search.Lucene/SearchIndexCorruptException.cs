namespace Thirty3.Search.Lucene;

/// <summary>
/// The index folder exists but cannot be opened. The index is a projection of the store, so the
/// caller's remedy is <see cref="LuceneSearchIndex.DeleteFolder(string)"/> and a rebuild.
/// </summary>
public sealed class SearchIndexCorruptException(string folder, Exception inner)
    : Exception($"The Lucene index in '{folder}' is corrupt or unreadable; delete it and rebuild from the store.", inner)
{
    public string Folder { get; } = folder;
}
