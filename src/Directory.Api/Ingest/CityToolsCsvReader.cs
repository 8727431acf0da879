using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>A CSV row that could not be read, and where.</summary>
public sealed record CsvRowProblem(int Index, string Path, string Reason);

/// <summary>
/// Reads the City Tools inventory template: a header row with the columns below (any order, case
/// and spaces/underscores ignored), then one technology entry per row. Dates are ISO (yyyy-MM-dd)
/// or UK style (dd/MM/yyyy); values are plain numbers (a leading £ and thousands commas are allowed).
/// Required: borough, service_area, function, product, supplier.
/// </summary>
public static class CityToolsCsvReader
{
    public static IReadOnlyList<string> Columns => CityToolsCsv.Columns;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ"];

    /// <exception cref="CsvTemplateException">The header lacks a required column or the file is not CSV.</exception>
    public static (List<TechnologyEntryInput?> Entries, List<string> Paths, List<CsvRowProblem> Problems) Read(TextReader text, int maxRows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => Normalise(args.Header),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(text, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new CsvTemplateException("The CSV is empty: expected a header row with " + string.Join(", ", Columns) + ".");
        }
        var header = csv.HeaderRecord.Select(Normalise).ToList();
        var missing = new[] { "borough", "service_area", "function", "product", "supplier" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvTemplateException($"The header lacks required column(s): {string.Join(", ", missing)}. Expected the City Tools template: {string.Join(",", Columns)}.");
        }

        var entries = new List<TechnologyEntryInput?>();
        var paths = new List<string>();
        var problems = new List<CsvRowProblem>();
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            if (entries.Count >= maxRows)
            {
                throw new BatchTooLargeException(entries.Count + 1, maxRows);
            }
            var index = entries.Count;
            var path = $"row {row}";
            paths.Add(path);
            string? Field(string name) => header.Contains(name) && csv.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            try
            {
                entries.Add(new TechnologyEntryInput
                {
                    Borough = Field("borough"),
                    ServiceArea = Field("service_area"),
                    Function = Field("function"),
                    Product = Field("product"),
                    Supplier = Field("supplier"),
                    SupplierId = Field("supplier_id"),
                    ContractStart = ParseDate(Field("contract_start"), "contract_start"),
                    ContractEnd = ParseDate(Field("contract_end"), "contract_end"),
                    ContractMaxExtension = ParseDate(Field("contract_max_extension"), "contract_max_extension"),
                    AnnualValue = ParseMoney(Field("annual_value"), "annual_value"),
                    TotalValue = ParseMoney(Field("total_value"), "total_value"),
                    Hosting = Field("hosting"),
                    Notes = Field("notes"),
                    Source = Field("source"),
                    LastVerified = ParseDate(Field("last_verified"), "last_verified") is { } verified ? new DateTimeOffset(verified.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                    Id = Field("id"),
                });
            }
            catch (CellException ex)
            {
                entries.Add(null);
                problems.Add(new CsvRowProblem(index, $"{path}, column {ex.Column}", ex.Message));
            }
        }
        return (entries, paths, problems);
    }

    private static DateOnly? ParseDate(string? value, string column) =>
        value is null ? null
        : DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var dt) ? DateOnly.FromDateTime(dt)
        : throw new CellException(column, $"'{column}' is not a date (yyyy-MM-dd or dd/MM/yyyy): '{Cut(value)}'.");

    private static decimal? ParseMoney(string? value, string column)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = value.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new CellException(column, $"'{column}' is not a number: '{Cut(value)}'.");
    }

    private static string Normalise(string header) => header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private sealed class CellException(string column, string message) : Exception(message)
    {
        public string Column { get; } = column;
    }
}

/// <summary>The CSV is not the City Tools template.</summary>
public sealed class CsvTemplateException(string message) : Exception(message);
