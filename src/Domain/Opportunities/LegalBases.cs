namespace Thirty3.Domain.Opportunities;

/// <summary>
/// The law a procurement is run under, from <c>tender.legalBasis</c> (a classification such as
/// <c>UKPGA 2023/54</c> or the EU directive's CELEX number) or, where the notice gives none, from its
/// notice types: only the Procurement Act 2023 publishes UK1…UK17.
/// </summary>
public static class LegalBases
{
    public const string ProcurementAct2023 = "pa2023";
    public const string Pcr2015 = "pcr2015";
    public const string Ucr2016 = "ucr2016";
    public const string Ccr2016 = "ccr2016";
    public const string Dscpr2011 = "dscpr2011";
    public const string PcsScotland2015 = "pcs2015";

    private static readonly Dictionary<string, string> Names = new()
    {
        [ProcurementAct2023] = "Procurement Act 2023",
        [Pcr2015] = "Public Contracts Regulations 2015",
        [Ucr2016] = "Utilities Contracts Regulations 2016",
        [Ccr2016] = "Concession Contracts Regulations 2016",
        [Dscpr2011] = "Defence and Security Public Contracts Regulations 2011",
        [PcsScotland2015] = "Public Contracts (Scotland) Regulations 2015",
    };

    public static IReadOnlyCollection<string> Known => Names.Keys;

    // The same law under the identifiers publishers use: UK legislation ids and the directives' CELEX numbers.
    private static readonly Dictionary<string, string> ByIdentifier = new(StringComparer.OrdinalIgnoreCase)
    {
        ["2023/54"] = ProcurementAct2023,
        ["2015/102"] = Pcr2015,
        ["32014L0024"] = Pcr2015,
        ["2016/274"] = Ucr2016,
        ["32014L0025"] = Ucr2016,
        ["2016/273"] = Ccr2016,
        ["32014L0023"] = Ccr2016,
        ["2011/1848"] = Dscpr2011,
        ["32009L0081"] = Dscpr2011,
        ["2015/446"] = PcsScotland2015,
    };

    /// <summary>The directory's code for a legal basis identifier, or null when it is not one the directory knows.</summary>
    public static string? FromIdentifier(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        var trimmed = id.Trim();
        if (ByIdentifier.TryGetValue(trimmed, out var code))
        {
            return code;
        }
        // "ukpga/2023/54", "https://www.legislation.gov.uk/ukpga/2023/54/contents"
        return ByIdentifier.FirstOrDefault(pair => pair.Key.Contains('/') && trimmed.Contains("/" + pair.Key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>The name of a code; an unknown one is shown as sent.</summary>
    public static string Name(string code) => Names.GetValueOrDefault(code) ?? code;
}

/// <summary>Special regimes of a procurement (<c>tender.specialRegime</c>), named for people.</summary>
public static class SpecialRegimes
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lightTouch"] = "Light touch",
        ["defenceAndSecurity"] = "Defence and security",
        ["defenceSecurity"] = "Defence and security",
        ["utilities"] = "Utilities",
        ["concession"] = "Concession",
        ["concessions"] = "Concession",
    };

    public static string Name(string code) => Names.GetValueOrDefault(code) ?? code;
}

/// <summary>Values of the threshold filter: whether the value is above the relevant threshold of the Act or Regulations.</summary>
public static class Thresholds
{
    public const string Above = "above";
    public const string Below = "below";

    public static readonly IReadOnlyList<string> All = [Above, Below];
}
