using ClosedXML.Excel;
using Thirty3.Domain.Technologies;

namespace Thirty3.Connectors.Inventories;

/// <summary>
/// The City Tools inventory template: one row per product in a borough's estate, with the columns
/// <c>borough,service_area,function,product,supplier,supplier_id,contract_start,contract_end,
/// contract_max_extension,annual_value,total_value,hosting,notes,source,last_verified</c>.
/// </summary>
public static class CityToolsTemplate
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "borough", "service_area", "function", "product", "supplier", "supplier_id", "contract_start", "contract_end",
        "contract_max_extension", "annual_value", "total_value", "hosting", "notes", "source", "last_verified",
    ];

    /// <summary>Maps one row (column name → cell text) to an entry; <paramref name="source"/> fills an empty source column.</summary>
    public static TechnologyEntryInput ToEntry(IReadOnlyDictionary<string, string?> row, string source)
    {
        string? Cell(string name) => row.TryGetValue(name, out var value) ? Cells.Text(value) : null;
        return new TechnologyEntryInput
        {
            Borough = Cell("borough"),
            ServiceArea = Cell("service_area"),
            Function = Cell("function"),
            Product = Cell("product"),
            Supplier = Cell("supplier"),
            SupplierId = Cell("supplier_id"),
            ContractStart = Cells.Date(Cell("contract_start")),
            ContractEnd = Cells.Date(Cell("contract_end")),
            ContractMaxExtension = Cells.Date(Cell("contract_max_extension")),
            AnnualValue = Cells.Money(Cell("annual_value")),
            TotalValue = Cells.Money(Cell("total_value")),
            Hosting = Cell("hosting"),
            Notes = Cell("notes"),
            Source = Cell("source") ?? source,
            LastVerified = Cells.Instant(Cell("last_verified")),
        };
    }

    /// <summary>Reads the first worksheet of a template workbook; row 1 holds the column names.</summary>
    public static IReadOnlyList<TechnologyEntryInput> ReadXlsx(Stream xlsx, string source)
    {
        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null)
        {
            return [];
        }
        var header = used.FirstRow().Cells().Select(c => c.GetString().Trim().ToLowerInvariant()).ToList();
        var entries = new List<TechnologyEntryInput>();
        foreach (var xlRow in used.RowsUsed().Skip(1))
        {
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                var cell = xlRow.Cell(i + 1);
                row[header[i]] = cell.DataType == XLDataType.DateTime
                    ? cell.GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : cell.GetFormattedString();
            }
            if (row.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            entries.Add(ToEntry(row, source));
        }
        return entries;
    }
}
