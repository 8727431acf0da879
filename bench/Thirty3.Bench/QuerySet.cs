using System.Globalization;
using System.Text;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.SampleData;

namespace Thirty3.Bench;

/// <summary>One benchmark query, as a query string for HTTP and as the API's query object for the index.</summary>
public sealed record BenchQuery(string Kind, string Text, string FilterName1, string FilterValue1, string FilterName2, string FilterValue2)
{
    public string Url()
    {
        var sb = new StringBuilder("/api/opportunities?q=").Append(Uri.EscapeDataString(Text));
        sb.Append('&').Append(FilterName1).Append('=').Append(Uri.EscapeDataString(FilterValue1));
        sb.Append('&').Append(FilterName2).Append('=').Append(Uri.EscapeDataString(FilterValue2));
        return sb.ToString();
    }

    public OpportunitySearchQuery ToQuery()
    {
        var query = new OpportunitySearchQuery { Q = Text };
        foreach (var (name, value) in new[] { (FilterName1, FilterValue1), (FilterName2, FilterValue2) })
        {
            switch (name)
            {
                case "stage": query.Stage = [value]; break;
                case "region": query.Region = [value]; break;
                case "cpv": query.Cpv = [value]; break;
                case "sme": query.Sme = bool.Parse(value); break;
                case "open": query.Open = bool.Parse(value); break;
                default: throw new InvalidOperationException(name);
            }
        }
        return query;
    }
}

/// <summary>
/// A deterministic mix of what people type: 1–3 words, quoted phrases and misspellings, taken from
/// titles the sample generator writes, each with two filters; the API always counts facets.
/// </summary>
public static class QuerySet
{
    private static readonly HashSet<string> StopWords = ["with", "from", "that", "this", "will", "their", "have", "been", "under", "into", "which", "also"];

    public static List<BenchQuery> Build(int seed, DateTimeOffset now, int count = 500)
    {
        var titles = new List<string>();
        var divisions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var release in OcdsSampleGenerator.GenerateReleases(3_000, seed, now))
        {
            if (release["tender"]?["title"]?.GetValue<string>() is { } title)
            {
                titles.Add(title);
            }
            if (release["tender"]?["classification"]?["id"]?.GetValue<string>() is { Length: >= 2 } cpv)
            {
                divisions.Add(cpv[..2] + "000000");
            }
        }
        var words = titles.SelectMany(Words).Where(w => w.Length >= 4 && !StopWords.Contains(w)).GroupBy(w => w)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(400).ToArray();
        var regions = Regions.All.Order(StringComparer.Ordinal).ToArray();
        var divisionList = divisions.ToArray();

        var rng = new Random(seed);
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = rng.NextDouble();
            var (kind, text) = roll switch
            {
                < 0.30 => ("1 word", Pick(words)),
                < 0.55 => ("2 words", $"{Pick(words)} {Pick(words)}"),
                < 0.70 => ("3 words", $"{Pick(words)} {Pick(words)} {Pick(words)}"),
                < 0.85 => ("phrase", Phrase(titles[rng.Next(titles.Count)])),
                _ => ("typo", Typo(Pick(words))),
            };
            var filters = new List<(string, string)>
            {
                ("stage", Stages.All[rng.Next(Stages.All.Count)]),
                ("region", regions[rng.Next(regions.Length)]),
                ("cpv", divisionList[rng.Next(divisionList.Length)]),
                ("sme", "true"),
                ("open", "true"),
            };
            var first = rng.Next(filters.Count);
            var second = (first + 1 + rng.Next(filters.Count - 1)) % filters.Count;
            // "open" implies the tender stage; pairing it with another stage would always be empty.
            if (filters[first].Item1 == "open" && filters[second].Item1 == "stage" || filters[second].Item1 == "open" && filters[first].Item1 == "stage")
            {
                filters[filters.FindIndex(f => f.Item1 == "stage")] = ("stage", Stages.Tender);
            }
            queries.Add(new BenchQuery(kind, text, filters[first].Item1, filters[first].Item2, filters[second].Item1, filters[second].Item2));
        }
        return queries;

        string Pick(string[] from) => from[rng.Next(Math.Min(from.Length, 400))];

        string Phrase(string title)
        {
            var w = Words(title).ToArray();
            if (w.Length < 2)
            {
                return title;
            }
            var start = rng.Next(w.Length - 1);
            return $"\"{w[start]} {w[start + 1]}\"";
        }

        string Typo(string word)
        {
            var chars = word.ToCharArray();
            var at = 1 + rng.Next(chars.Length - 2);
            if (rng.Next(2) == 0)
            {
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
            }
            else
            {
                chars[at] = (char)('a' + rng.Next(26));
            }
            return new string(chars);
        }
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', '.', '(', ')', ':', ';', '/', '-', '\'', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsLetter)).Select(w => w.ToLower(CultureInfo.InvariantCulture));

    /// <summary>Summary of the mix, for the report.</summary>
    public static string Describe(IReadOnlyList<BenchQuery> queries) =>
        string.Join(", ", queries.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count() * 100 / queries.Count}%"));
}
