using Thirty3.Domain.Search;

namespace Thirty3.Domain.Technologies;

/// <summary>Field names and schema of the technologies index (one document per technology entry).</summary>
public static class TechnologyIndex
{
    public const string ProductText = "product_text";
    public const string SupplierText = "supplier_text";
    public const string FunctionText = "function_text";
    public const string ServiceAreaText = "service_area_text";
    public const string Notes = "notes";

    public const string Borough = "borough";
    public const string ServiceArea = "service_area";
    public const string Function = "function";
    public const string Supplier = "supplier";
    public const string Product = "product";
    public const string ContractEndYear = "contract_end_year";
    public const string Hosting = "hosting";

    public const string ContractStart = "contract_start";
    public const string ContractEnd = "contract_end";
    public const string MaxExtension = "max_extension";
    public const string AnnualValue = "annual_value";
    public const string TotalValue = "total_value";

    public static readonly IndexSchema Schema = new("technologies",
    [
        new(ProductText, IndexFieldKind.Text, Boost: 4f, Highlight: true),
        new(SupplierText, IndexFieldKind.Text, Boost: 2f),
        new(FunctionText, IndexFieldKind.Text, Boost: 2f, Highlight: true),
        new(ServiceAreaText, IndexFieldKind.Text, Boost: 1.5f),
        new(Notes, IndexFieldKind.Text, Boost: 1f),
        new(Borough, IndexFieldKind.Keyword),
        new(ServiceArea, IndexFieldKind.Keyword),
        new(Function, IndexFieldKind.Keyword),
        new(Supplier, IndexFieldKind.Keyword),
        new(Product, IndexFieldKind.Keyword),
        new(ContractEndYear, IndexFieldKind.Keyword),
        new(Hosting, IndexFieldKind.Keyword),
        new(ContractStart, IndexFieldKind.Date),
        new(ContractEnd, IndexFieldKind.Date),
        new(MaxExtension, IndexFieldKind.Date),
        new(AnnualValue, IndexFieldKind.Number),
        new(TotalValue, IndexFieldKind.Number),
    ]);
}
