using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Thirty3.Search.Lucene;

/// <summary>
/// English analysis for text fields, used alike for indexing, queries and highlighting.
/// </summary>
/// <remarks>
/// KStem rather than Porter: KStem is dictionary-based and conservative, so stems stay real words
/// ("management" stays "management", Porter makes it "manag"). That keeps fuzzy matching meaningful
/// (edit distances between words, not between truncated stems) and avoids Porter's over-merging of
/// unrelated procurement terms ("general"/"generate").
/// </remarks>
internal sealed class EnglishTextAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
