using System.Globalization;
using Thirty3.Domain.Opportunities;

namespace Thirty3.Web.Shared;

/// <summary>How the site writes money and dates (British conventions, whatever the server's culture).</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal? value, string? currency = "GBP")
    {
        if (value is null)
        {
            return "Not given";
        }
        var symbol = currency is null or "GBP" ? "£" : currency + " ";
        var format = value.Value % 1 == 0 ? "N0" : "N2";
        return symbol + value.Value.ToString(format, Invariant);
    }

    public static string Date(DateTimeOffset? value) => value is null ? "Not given" : value.Value.ToString("d MMMM yyyy", Invariant);

    public static string Date(DateOnly? value) => value is null ? "Not given" : value.Value.ToString("d MMMM yyyy", Invariant);

    public static string DateTime(DateTimeOffset? value) =>
        value is null ? "Not given" : value.Value.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", Invariant);

    public static string Iso(DateOnly value) => value.ToString("yyyy-MM-dd", Invariant);

    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd", Invariant);

    public static string Number(long value) => value.ToString("N0", Invariant);

    public static string Stage(string? stage) => stage switch
    {
        "planning" => "Planning",
        "tender" => "Tender",
        "award" => "Award",
        "contract" => "Contract",
        null or "" => "Unknown",
        _ => char.ToUpperInvariant(stage[0]) + stage[1..],
    };

    /// <summary>"true"/"yes" facet values as a person reads them.</summary>
    public static string Label(string facet, string value, string label) => facet switch
    {
        "stage" => Stage(value),
        "status" => Stage(value),
        "sme" or "vcse" => value is "true" ? "Yes" : value is "false" ? "No" : label,
        "noticeType" => NoticeTypes.Label(value),
        "legalBasis" => LegalBases.Name(value),
        "technique" => Techniques.Name(value),
        "threshold" => value == Thresholds.Above ? "Above threshold" : value == Thresholds.Below ? "Below threshold" : label,
        "specialRegime" => SpecialRegimes.Name(value),
        _ => label,
    };

    /// <summary>What a deadline is for: bids, or expressions of interest where that is the only deadline.</summary>
    public static string DeadlineName(string? kind) => kind == DeadlineKinds.ExpressionOfInterest ? "Expressions of interest by" : "Deadline";
}
