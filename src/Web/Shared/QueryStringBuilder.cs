using System.Text;

namespace Thirty3.Web.Shared;

/// <summary>
/// An immutable, ordered query string: the site's links (remove a filter, next page, the same
/// search as a feed) are the current query with one change, so every state is a shareable GET URL.
/// </summary>
public sealed class QueryStringBuilder
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _pairs;

    private QueryStringBuilder(IReadOnlyList<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static QueryStringBuilder Empty { get; } = new([]);

    /// <summary>The query's pairs in order, without empty values (an empty form field is no filter).</summary>
    public static QueryStringBuilder From(IQueryCollection query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in query)
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    pairs.Add(new(key, value));
                }
            }
        }
        return new(pairs);
    }

    public IEnumerable<KeyValuePair<string, string>> Pairs => _pairs;

    public bool Has(string key, string value) =>
        _pairs.Any(p => Same(p.Key, key) && p.Value == value);

    /// <summary>Adds one more value of <paramref name="key"/> (multi-valued filters repeat the key).</summary>
    public QueryStringBuilder Add(string key, string value) => new([.. _pairs, new(key, value)]);

    /// <summary>Replaces every value of <paramref name="key"/> with <paramref name="value"/> (none when null).</summary>
    public QueryStringBuilder With(string key, string? value)
    {
        var pairs = _pairs.Where(p => !Same(p.Key, key)).ToList();
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add(new(key, value));
        }
        return new(pairs);
    }

    public QueryStringBuilder Without(string key) => new(_pairs.Where(p => !Same(p.Key, key)).ToList());

    public QueryStringBuilder Without(string key, string value) =>
        new(_pairs.Where(p => !(Same(p.Key, key) && p.Value == value)).ToList());

    /// <summary>Keeps only the given keys (drops paging state such as page and cursor).</summary>
    public QueryStringBuilder Only(IEnumerable<string> keys)
    {
        var keep = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        return new(_pairs.Where(p => keep.Contains(p.Key)).ToList());
    }

    /// <summary><c>?a=1&amp;b=2</c>, or the empty string when there are no pairs.</summary>
    public override string ToString()
    {
        if (_pairs.Count == 0)
        {
            return "";
        }
        var sb = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            sb.Append(sb.Length == 0 ? '?' : '&')
              .Append(Uri.EscapeDataString(key))
              .Append('=')
              .Append(Uri.EscapeDataString(value));
        }
        return sb.ToString();
    }

    /// <summary><paramref name="path"/> followed by this query string.</summary>
    public string ToUrl(string path) => path + ToString();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
