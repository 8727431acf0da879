namespace Thirty3.Domain.Cpv;

/// <summary>
/// CPV 2008 codes. Feeds send the bare 8 digits (<c>72000000</c>), the vocabulary adds a check
/// digit (<c>72000000-5</c>); the directory keeps the 8 digits. The hierarchy is in the digits:
/// division (2 significant digits) &gt; group (3) &gt; class (4) &gt; category (5) and finer.
/// </summary>
public static class CpvCode
{
    /// <summary>The 8-digit code, or null when <paramref name="raw"/> is not a CPV code.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var s = raw.Trim();
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            s = s[..dash];
        }
        if (s.Length is < 2 or > 8 || !s.All(char.IsAsciiDigit))
        {
            return null;
        }
        // Some publishers drop trailing zeros; the hierarchy lets us pad them back.
        return s.PadRight(8, '0');
    }

    /// <summary>The two-digit division code padded to 8 digits (<c>72000000</c>).</summary>
    public static string Division(string code) => code[..2] + "000000";

    /// <summary>The code itself and all its ancestors, most general first.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string code)
    {
        var significant = code.TrimEnd('0');
        if (significant.Length < 2)
        {
            significant = code[..2];
        }
        var result = new List<string>(significant.Length);
        for (var length = 2; length <= significant.Length; length++)
        {
            result.Add(significant[..length].PadRight(8, '0'));
        }
        return result;
    }

    /// <summary>The level name of a code: division, group, class, category or subcategory.</summary>
    public static string Level(string code) => code.TrimEnd('0').Length switch
    {
        <= 2 => "division",
        3 => "group",
        4 => "class",
        5 => "category",
        _ => "subcategory",
    };
}
