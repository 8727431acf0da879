using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.Search.Conformance;

/// <summary>A few council technology entries, enough to prove the second schema works end to end.</summary>
public static class TechnologyFixture
{
    private static readonly (string Id, string Borough, string Product, string Supplier, string Function, int? EndYear)[] Rows =
    [
        ("tech-01", "Camden", "iTrent", "MHR", "Human resources and payroll", 2027),
        ("tech-02", "Hackney", "Dynamics 365", "Microsoft", "CRM", 2026),
        ("tech-03", "Camden", "Northgate Revenues & Benefits", "NEC", "Revenues and benefits", null),
        ("tech-04", "Islington", "Mosaic", "Servelec", "Adult social care case management", 2028),
        ("tech-05", "Hackney", "ArcGIS", "Esri", "GIS", 2025),
        ("tech-06", "Islington", "Oracle Fusion", "Oracle", "ERP", 2029),
        ("tech-07", "Camden", "Salesforce Service Cloud", "Salesforce", "Customer relationship management", null),
        ("tech-08", "Lambeth", "Civica Pay", "Civica", "Payments", 2026),
    ];

    public static int Count => Rows.Length;

    public static IReadOnlyList<IndexDocument> Documents { get; } = [.. Rows.Select(Build)];

    public static IEnumerable<(string Id, string Borough, int? EndYear)> Facts => Rows.Select(r => (r.Id, r.Borough, r.EndYear));

    private static IndexDocument Build((string Id, string Borough, string Product, string Supplier, string Function, int? EndYear) row)
    {
        var doc = new IndexDocument
        {
            Id = row.Id,
            Summary = $$"""{"id":"{{row.Id}}"}""",
            Text =
            {
                [TechnologyIndex.ProductText] = row.Product,
                [TechnologyIndex.SupplierText] = row.Supplier,
                [TechnologyIndex.FunctionText] = row.Function,
            },
        };
        doc.AddKeyword(TechnologyIndex.Borough, row.Borough)
            .AddKeyword(TechnologyIndex.Supplier, row.Supplier)
            .AddKeyword(TechnologyIndex.Function, row.Function);
        if (row.EndYear is { } year)
        {
            doc.Dates[TechnologyIndex.ContractEnd] = new DateTimeOffset(year, 3, 31, 0, 0, 0, TimeSpan.Zero);
            doc.AddKeyword(TechnologyIndex.ContractEndYear, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return doc;
    }
}
