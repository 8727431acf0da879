namespace Thirty3.Domain.Organisations;

/// <summary>
/// UK regions as the directory names them (the English regions, Scotland, Wales, Northern Ireland).
/// Publishers send region names, NUTS 2016 codes (<c>UKM71</c>) or ITL codes (<c>TLM71</c>); all
/// resolve to the first-level region.
/// </summary>
public static class Regions
{
    private static readonly Dictionary<string, string> ByNuts1 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UKC"] = "North East",
        ["UKD"] = "North West",
        ["UKE"] = "Yorkshire and The Humber",
        ["UKF"] = "East Midlands",
        ["UKG"] = "West Midlands",
        ["UKH"] = "East of England",
        ["UKI"] = "London",
        ["UKJ"] = "South East",
        ["UKK"] = "South West",
        ["UKL"] = "Wales",
        ["UKM"] = "Scotland",
        ["UKN"] = "Northern Ireland",
    };

    private static readonly Dictionary<string, string> ByName = BuildNames();

    public static IReadOnlyCollection<string> All => ByNuts1.Values;

    /// <summary>What a notice delivered in every region is called.</summary>
    public const string UkWide = "UK-wide";

    /// <summary>Whether a place names the whole United Kingdom (NUTS/ITL level 0 "UK", or the name).</summary>
    public static bool IsUkWide(string? nameOrCode) =>
        nameOrCode?.Trim().ToUpperInvariant() is "UK" or "UNITED KINGDOM" or "UK-WIDE" or "UK WIDE" or "ALL UK" or "WHOLE OF THE UK";

    /// <summary>The regions a place names: one, all twelve for the whole UK, or none.</summary>
    public static IEnumerable<string> ResolveAll(string? nameOrCode) =>
        IsUkWide(nameOrCode) ? ByNuts1.Values : Resolve(nameOrCode) is { } region ? [region] : [];

    /// <summary>"UK-wide" for every region, the one region, or several joined, in the order given.</summary>
    public static string? Describe(IReadOnlyCollection<string> regions) =>
        regions.Count == 0 ? null
        : ByNuts1.Values.All(regions.Contains) ? UkWide
        : string.Join(", ", regions);

    /// <summary>The region of a name or code, or null when it names no UK region (e.g. "England", "United Kingdom").</summary>
    public static string? Resolve(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return null;
        }
        var s = nameOrCode.Trim();
        if (s.Length >= 3 && (s.StartsWith("UK", StringComparison.OrdinalIgnoreCase) || s.StartsWith("TL", StringComparison.OrdinalIgnoreCase)) && s.Length <= 5 && char.IsAsciiLetter(s[2]))
        {
            return ByNuts1.GetValueOrDefault("UK" + s[2]);
        }
        return ByName.GetValueOrDefault(Normalise(s));
    }

    private static Dictionary<string, string> BuildNames()
    {
        var names = ByNuts1.Values.ToDictionary(Normalise, v => v);
        names["eastern"] = "East of England";
        names["east"] = "East of England";
        names["yorkshire and humber"] = "Yorkshire and The Humber";
        names["yorkshire"] = "Yorkshire and The Humber";
        names["greater london"] = "London";
        return names;
    }

    private static string Normalise(string s) =>
        string.Join(' ', s.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal).Replace("the ", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
