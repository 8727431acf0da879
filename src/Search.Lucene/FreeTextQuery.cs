using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

/// <summary>What the highlighter should mark: analysed terms matched exactly, and terms matched with typos.</summary>
internal sealed record HighlightTerms(IReadOnlySet<string> Exact, IReadOnlyList<(string Term, int MaxEdits)> Fuzzy)
{
    public static readonly HighlightTerms None = new(new HashSet<string>(), []);

    public bool Matches(string term) =>
        Exact.Contains(term) || Fuzzy.Any(f => term.Length > 1 && term[0] == f.Term[0] && EditDistance.Within(term, f.Term, f.MaxEdits));
}

/// <summary>The query for a user's free text, in strict (every concept) and relaxed (any concept) forms.</summary>
internal sealed record FreeTextQuery(Query Strict, Query? Relaxed, HighlightTerms Highlight);

/// <summary>
/// Builds a query from user text without a query parser, so no input can make it throw: quoted
/// parts become phrases, known local-government phrases expand to their synonyms, every other word
/// must match in some text field (exactly, or at a lower weight with a typo).
/// </summary>
internal sealed class FreeTextQueryBuilder(IndexSchema schema, Analyzer analyzer)
{
    // Typo matches weigh less than exact ones, so the exact spelling ranks first.
    private const float FuzzyWeight = 0.3f;
    private const float DisMaxTieBreaker = 0.1f;

    private readonly IndexField[] textFields = [.. schema.Fields.Where(f => f.Kind == IndexFieldKind.Text)];

    /// <param name="reader">When given, words the index already holds are matched exactly only:
    /// typo expansion is for words it does not know, and fuzzy queries over six fields were most of
    /// a search's cost.</param>
    public FreeTextQuery Build(string? text, IndexReader? reader = null)
    {
        if (string.IsNullOrWhiteSpace(text) || textFields.Length == 0)
        {
            return new FreeTextQuery(new MatchAllDocsQuery(), null, HighlightTerms.None);
        }
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var fuzzy = new List<(string, int)>();
        var concepts = new List<Query>();

        var (quoted, rest) = SynonymMatcher.SplitQuoted(text);
        foreach (var phrase in quoted)
        {
            if (PhraseAcrossFields(phrase, exact) is { } q)
            {
                concepts.Add(q);
            }
        }

        var (plain, synonymMatches) = SynonymMatcher.Default.Match(SynonymMatcher.Words(rest));
        foreach (var variants in synonymMatches)
        {
            var any = new BooleanQuery();
            foreach (var variant in variants)
            {
                if (PhraseAcrossFields(variant, exact) is { } q)
                {
                    any.Add(q, Occur.SHOULD);
                }
            }
            if (any.Clauses.Count > 0)
            {
                concepts.Add(any);
            }
        }

        foreach (var word in plain)
        {
            foreach (var (term, _) in Analyse(word))
            {
                exact.Add(term);
                var edits = reader is not null && IsKnown(reader, term) ? 0 : MaxEdits(term);
                if (edits > 0)
                {
                    fuzzy.Add((term, edits));
                }
                concepts.Add(TermAcrossFields(term, edits));
            }
        }

        var highlight = new HighlightTerms(exact, fuzzy);
        if (concepts.Count == 0)
        {
            // Only stop words or punctuation: nothing to narrow by, so behave like an empty box.
            return new FreeTextQuery(new MatchAllDocsQuery(), null, highlight);
        }
        if (concepts.Count == 1)
        {
            return new FreeTextQuery(concepts[0], null, highlight);
        }
        var strict = new BooleanQuery();
        var relaxed = new BooleanQuery();
        foreach (var concept in concepts)
        {
            strict.Add(concept, Occur.MUST);
            relaxed.Add(concept, Occur.SHOULD);
        }
        relaxed.MinimumNumberShouldMatch = 1;
        return new FreeTextQuery(strict, relaxed, highlight);
    }

    private bool IsKnown(IndexReader reader, string term) =>
        textFields.Any(f => reader.DocFreq(new Term(f.Name, term)) > 0);

    /// <summary>Edit distance allowed for a typo: none for short words, where one edit makes another word.</summary>
    internal static int MaxEdits(string term) => term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;

    internal List<(string Term, int Position)> Analyse(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(textFields.Length > 0 ? textFields[0].Name : "text", text);
        var termAttr = stream.AddAttribute<ICharTermAttribute>();
        var posAttr = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += posAttr.PositionIncrement;
            terms.Add((termAttr.ToString(), position));
        }
        stream.End();
        return terms;
    }

    private Query TermAcrossFields(string term, int maxEdits)
    {
        var any = new DisjunctionMaxQuery(DisMaxTieBreaker);
        foreach (var field in textFields)
        {
            any.Add(new TermQuery(new Term(field.Name, term)) { Boost = field.Boost });
            if (maxEdits > 0)
            {
                any.Add(new FuzzyQuery(new Term(field.Name, term), maxEdits, prefixLength: 1) { Boost = field.Boost * FuzzyWeight });
            }
        }
        return any;
    }

    private Query? PhraseAcrossFields(string phrase, HashSet<string> exact)
    {
        var terms = Analyse(phrase);
        if (terms.Count == 0)
        {
            return null;
        }
        foreach (var (term, _) in terms)
        {
            exact.Add(term);
        }
        var any = new DisjunctionMaxQuery(DisMaxTieBreaker);
        foreach (var field in textFields)
        {
            if (terms.Count == 1)
            {
                any.Add(new TermQuery(new Term(field.Name, terms[0].Term)) { Boost = field.Boost });
                continue;
            }
            var query = new PhraseQuery { Boost = field.Boost };
            var first = terms[0].Position;
            foreach (var (term, position) in terms)
            {
                query.Add(new Term(field.Name, term), position - first);
            }
            any.Add(query);
        }
        return any;
    }
}
