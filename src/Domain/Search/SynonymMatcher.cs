using System.Text.RegularExpressions;

namespace Thirty3.Domain.Search;

/// <summary>
/// Finds <see cref="LocalGovernmentSynonyms"/> phrases in a user's words. Every search backend
/// expands queries with it, so "CRM" means the same in Lucene and in Elasticsearch.
/// </summary>
public sealed partial class SynonymMatcher
{
    private sealed record Phrase(string[] Words, bool CapitalsOnly, SynonymGroup Group);

    // Longest first, so "social care case management" wins over "case management".
    private readonly Phrase[] phrases;

    public SynonymMatcher(IEnumerable<SynonymGroup> groups)
    {
        phrases = [.. groups
            .SelectMany(g => g.Phrases.Select(p => new Phrase(
                [.. Words(p).Select(w => w.ToLowerInvariant())],
                p.Any(char.IsLetter) && p == p.ToUpperInvariant(),
                g)))
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)];
    }

    public static SynonymMatcher Default { get; } = new(LocalGovernmentSynonyms.Groups);

    /// <summary>Words of <paramref name="text"/> as typed; "&amp;" reads as "and".</summary>
    public static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.Replace("&", " and ", StringComparison.Ordinal)).Select(m => m.Value)];

    /// <summary>
    /// Splits <paramref name="words"/> into plain words and synonym matches. Each match lists every
    /// phrase equivalent to the matched one (itself included).
    /// </summary>
    public (List<string> Plain, List<IReadOnlyList<string>> Matches) Match(IReadOnlyList<string> words)
    {
        var plain = new List<string>();
        var matches = new List<IReadOnlyList<string>>();
        var i = 0;
        while (i < words.Count)
        {
            var matched = phrases.Where(p => Matches(p, words, i)).ToList();
            if (matched.Count == 0)
            {
                plain.Add(words[i]);
                i++;
                continue;
            }
            var length = matched[0].Words.Length;
            var key = string.Join(' ', matched[0].Words);
            var variants = phrases
                .Where(p => string.Join(' ', p.Words) == key)
                .SelectMany(p => p.Group.Phrases)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            matches.Add(variants);
            i += length;
        }
        return (plain, matches);
    }

    private static bool Matches(Phrase phrase, IReadOnlyList<string> words, int start)
    {
        if (start + phrase.Words.Length > words.Count)
        {
            return false;
        }
        for (var k = 0; k < phrase.Words.Length; k++)
        {
            var word = words[start + k];
            if (!string.Equals(word, phrase.Words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (phrase.CapitalsOnly && word != word.ToUpperInvariant())
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    /// <summary>
    /// Splits user text into its quoted phrases and the rest: balanced double quotes delimit
    /// phrases, a lone quote is just punctuation. Shared so every backend reads a query alike.
    /// </summary>
    public static (List<string> Quoted, string Remainder) SplitQuoted(string text)
    {
        var quoted = new List<string>();
        var rest = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('"', i);
            var close = open < 0 ? -1 : text.IndexOf('"', open + 1);
            if (close < 0)
            {
                rest.Append(text, i, text.Length - i);
                break;
            }
            rest.Append(text, i, open - i).Append(' ');
            quoted.Add(text[(open + 1)..close]);
            i = close + 1;
        }
        return (quoted, rest.ToString());
    }
}
