namespace Thirty3.Domain.Technologies;

/// <summary>
/// The City Tools CSV template: one <see cref="TechnologyEntryInput"/> per row, the import format the
/// directory API accepts and the sample generator writes. UTF-8, comma-separated, RFC 4180 quoting
/// (fields containing a comma, a double quote or a line break are enclosed in double quotes, and
/// double quotes inside them are doubled); dates are ISO <c>yyyy-MM-dd</c>; numbers use the invariant
/// culture (a dot as decimal separator, no thousands separator, no currency symbol). An empty field
/// means "not known".
/// </summary>
/// <remarks>
/// Columns, in order:
/// <list type="table">
/// <item><term>borough</term><description>GSS code of the council (<c>E09000001</c>..<c>E09000033</c> for London) or its name. Required.</description></item>
/// <item><term>service_area</term><description>Council service area, e.g. <c>Revenues &amp; Benefits</c>, <c>Adult Social Care</c>. Required.</description></item>
/// <item><term>function</term><description>What the product does for that service, e.g. <c>Council tax</c>, <c>Case management</c>. Required.</description></item>
/// <item><term>product</term><description>Product as the market names it, e.g. <c>Liquidlogic LAS</c>. Required.</description></item>
/// <item><term>supplier</term><description>Supplier's name, e.g. <c>System C</c>. Required.</description></item>
/// <item><term>supplier_id</term><description>Supplier's directory id when known, e.g. <c>GB-COH-01234567</c>.</description></item>
/// <item><term>contract_start</term><description>Start of the current contract, <c>yyyy-MM-dd</c>.</description></item>
/// <item><term>contract_end</term><description>End of the current contract's initial term, <c>yyyy-MM-dd</c>.</description></item>
/// <item><term>contract_max_extension</term><description>Latest date the contract can run to if every extension is taken, <c>yyyy-MM-dd</c>.</description></item>
/// <item><term>annual_value</term><description>Annual cost in GBP, e.g. <c>125000</c> or <c>125000.50</c>.</description></item>
/// <item><term>total_value</term><description>Whole-life contract value in GBP.</description></item>
/// <item><term>hosting</term><description><c>on-premises</c>, <c>cloud</c>, <c>saas</c> or <c>hybrid</c>.</description></item>
/// <item><term>notes</term><description>Free text.</description></item>
/// <item><term>source</term><description>Where the row came from, e.g. <c>city-tools</c>, <c>foi-response</c>, <c>sample</c>.</description></item>
/// <item><term>last_verified</term><description>When the row was last checked, <c>yyyy-MM-dd</c> (or an ISO 8601 date and time).</description></item>
/// </list>
/// </remarks>
public static class CityToolsCsv
{
    /// <summary>The header row of the template, exactly; columns as described on <see cref="CityToolsCsv"/>.</summary>
    public const string Header = "borough,service_area,function,product,supplier,supplier_id,contract_start,contract_end,contract_max_extension,annual_value,total_value,hosting,notes,source,last_verified";

    /// <summary>The columns of <see cref="Header"/>, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = Header.Split(',');

    /// <summary>Date format of the date columns.</summary>
    public const string DateFormat = "yyyy-MM-dd";
}
