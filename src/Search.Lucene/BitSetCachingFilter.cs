using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Thirty3.Search.Lucene;

/// <summary>
/// A <see cref="CachingWrapperFilter"/> that keeps each segment's matches as a <see cref="FixedBitSet"/>
/// (one bit per document) rather than a compressed set, so a collector can test a document directly.
/// </summary>
internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var set = new FixedBitSet(reader.MaxDoc);
        set.Or(iterator);
        return set;
    }
}
