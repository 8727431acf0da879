using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Thirty3.Search.Lucene;

/// <summary>
/// Cuts up to two ~160-character snippets around query matches in a stored text and marks the
/// matches. Re-analyses the text with offsets, so a match is any word whose analysed form (stem)
/// equals a query term, a synonym's term, or is within the typo distance of one.
/// </summary>
internal sealed class SnippetHighlighter(Analyzer analyzer)
{
    internal const int FragmentLength = 160;
    internal const int MaxFragments = 2;

    public IReadOnlyList<string> Highlight(string field, string text, HighlightTerms terms)
    {
        var matches = FindMatches(field, text, terms);
        if (matches.Count == 0)
        {
            return [];
        }
        var fragments = new List<string>();
        var coveredUntil = -1;
        foreach (var (start, _) in matches)
        {
            if (fragments.Count == MaxFragments)
            {
                break;
            }
            if (start < coveredUntil)
            {
                continue;
            }
            var (from, to) = Window(text, start);
            fragments.Add(Render(text, from, to, matches));
            coveredUntil = to;
        }
        return fragments;
    }

    private List<(int Start, int End)> FindMatches(string field, string text, HighlightTerms terms)
    {
        var matches = new List<(int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var termAttr = stream.AddAttribute<ICharTermAttribute>();
        var offsetAttr = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (terms.Matches(termAttr.ToString()))
            {
                matches.Add((offsetAttr.StartOffset, offsetAttr.EndOffset));
            }
        }
        stream.End();
        return matches;
    }

    /// <summary>A window of about <see cref="FragmentLength"/> chars starting a little before the match, on word boundaries.</summary>
    private static (int From, int To) Window(string text, int matchStart)
    {
        var from = Math.Max(0, matchStart - (FragmentLength / 4));
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }
        var to = Math.Min(text.Length, from + FragmentLength);
        while (to < text.Length && to > matchStart && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }
        if (to <= matchStart)
        {
            to = Math.Min(text.Length, from + FragmentLength);
        }
        return (from, to);
    }

    private static string Render(string text, int from, int to, List<(int Start, int End)> matches)
    {
        var builder = new StringBuilder();
        if (from > 0)
        {
            builder.Append('…');
        }
        var at = from;
        foreach (var (start, end) in matches)
        {
            if (start < at || end > to)
            {
                continue;
            }
            builder.Append(WebUtility.HtmlEncode(text[at..start]))
                .Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[start..end]))
                .Append("</mark>");
            at = end;
        }
        builder.Append(WebUtility.HtmlEncode(text[at..to]));
        if (to < text.Length)
        {
            builder.Append('…');
        }
        return builder.ToString().Trim();
    }
}
