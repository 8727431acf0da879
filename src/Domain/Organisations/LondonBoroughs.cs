namespace Thirty3.Domain.Organisations;

/// <summary>A UK council known to the directory by its GSS code.</summary>
/// <param name="GssCode">ONS GSS code, e.g. E09000022.</param>
/// <param name="Name">Short name, e.g. Lambeth.</param>
/// <param name="OfficialName">Full name, e.g. London Borough of Lambeth.</param>
public sealed record Council(string GssCode, string Name, string OfficialName)
{
    /// <summary>The directory id of the council as a buyer.</summary>
    public string OrganisationId => $"GB-GSS-{GssCode}";
}

/// <summary>
/// The 33 London authorities (GSS E09000001..E09000033), known by name so that notices naming a
/// borough in any of its usual forms resolve to one buyer.
/// </summary>
public static class LondonBoroughs
{
    public const string Region = "London";

    public static readonly IReadOnlyList<Council> All =
    [
        new("E09000001", "City of London", "City of London Corporation"),
        new("E09000002", "Barking and Dagenham", "London Borough of Barking and Dagenham"),
        new("E09000003", "Barnet", "London Borough of Barnet"),
        new("E09000004", "Bexley", "London Borough of Bexley"),
        new("E09000005", "Brent", "London Borough of Brent"),
        new("E09000006", "Bromley", "London Borough of Bromley"),
        new("E09000007", "Camden", "London Borough of Camden"),
        new("E09000008", "Croydon", "London Borough of Croydon"),
        new("E09000009", "Ealing", "London Borough of Ealing"),
        new("E09000010", "Enfield", "London Borough of Enfield"),
        new("E09000011", "Greenwich", "Royal Borough of Greenwich"),
        new("E09000012", "Hackney", "London Borough of Hackney"),
        new("E09000013", "Hammersmith and Fulham", "London Borough of Hammersmith & Fulham"),
        new("E09000014", "Haringey", "London Borough of Haringey"),
        new("E09000015", "Harrow", "London Borough of Harrow"),
        new("E09000016", "Havering", "London Borough of Havering"),
        new("E09000017", "Hillingdon", "London Borough of Hillingdon"),
        new("E09000018", "Hounslow", "London Borough of Hounslow"),
        new("E09000019", "Islington", "London Borough of Islington"),
        new("E09000020", "Kensington and Chelsea", "Royal Borough of Kensington and Chelsea"),
        new("E09000021", "Kingston upon Thames", "Royal Borough of Kingston upon Thames"),
        new("E09000022", "Lambeth", "London Borough of Lambeth"),
        new("E09000023", "Lewisham", "London Borough of Lewisham"),
        new("E09000024", "Merton", "London Borough of Merton"),
        new("E09000025", "Newham", "London Borough of Newham"),
        new("E09000026", "Redbridge", "London Borough of Redbridge"),
        new("E09000027", "Richmond upon Thames", "London Borough of Richmond upon Thames"),
        new("E09000028", "Southwark", "London Borough of Southwark"),
        new("E09000029", "Sutton", "London Borough of Sutton"),
        new("E09000030", "Tower Hamlets", "London Borough of Tower Hamlets"),
        new("E09000031", "Waltham Forest", "London Borough of Waltham Forest"),
        new("E09000032", "Wandsworth", "London Borough of Wandsworth"),
        new("E09000033", "Westminster", "City of Westminster"),
    ];

    private static readonly Dictionary<string, Council> ByGss = All.ToDictionary(c => c.GssCode, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Council> ByName = BuildNameIndex();

    public static Council? FindByGss(string? gssCode) =>
        gssCode is not null && ByGss.TryGetValue(gssCode.Trim(), out var council) ? council : null;

    /// <summary>
    /// Resolves a published buyer name ("London Borough of Merton", "LB Merton", "Merton Council",
    /// "Royal Borough of Greenwich", "Croydon") to its council, or null.
    /// </summary>
    public static Council? FindByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        return ByName.GetValueOrDefault(NormaliseName(name));
    }

    /// <summary>Resolves a GSS code or a name.</summary>
    public static Council? Find(string? gssOrName) => FindByGss(gssOrName) ?? FindByName(gssOrName);

    internal static string NormaliseName(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        foreach (var noise in new[] { "london borough of", "royal borough of", "the ", "council", "corporation", "lb ", "l.b.", "city of westminster", "borough" })
        {
            if (noise == "city of westminster")
            {
                n = n.Replace(noise, "westminster", StringComparison.Ordinal);
                continue;
            }
            n = n.Replace(noise, " ", StringComparison.Ordinal);
        }
        return string.Join(' ', n.Split([' ', ',', '.', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, Council> BuildNameIndex()
    {
        var index = new Dictionary<string, Council>(StringComparer.Ordinal);
        foreach (var council in All)
        {
            index[NormaliseName(council.Name)] = council;
            index[NormaliseName(council.OfficialName)] = council;
        }
        index["city of london"] = All[0];
        index["westminster city"] = ByGssStatic("E09000033");
        return index;

        Council ByGssStatic(string gss) => All.First(c => c.GssCode == gss);
    }
}
