using System.Globalization;

namespace Thirty3.Connectors.Inventories;

/// <summary>Lenient reading of the dates and amounts councils type into spreadsheets.</summary>
public static class Cells
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d MMM yyyy", "dd MMM yyyy", "d MMMM yyyy", "dd/MM/yy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static DateOnly? Date(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }
        if (DateTime.TryParseExact(text, DateFormats, UK, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return DateOnly.FromDateTime(exact);
        }
        // Excel serial dates in CSV exports.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        return DateTime.TryParse(text, UK, DateTimeStyles.AllowWhiteSpaces, out var loose) ? DateOnly.FromDateTime(loose) : null;
    }

    public static DateTimeOffset? Instant(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }
        return Date(text) is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    public static decimal? Money(string? value)
    {
        var text = Text(value)?.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("GBP", "", StringComparison.OrdinalIgnoreCase).Trim();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }
}
