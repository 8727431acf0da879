using Thirty3.Domain.Search;

namespace Thirty3.Domain.Opportunities;

/// <summary>Field names and schema of the opportunities index (one document per OCDS process, compiled).</summary>
public static class OpportunityIndex
{
    public const string Title = "title";
    public const string Description = "description";
    public const string BuyerName = "buyer_name";
    public const string CpvLabels = "cpv_labels";
    public const string SupplierNames = "supplier_names";
    public const string LotsText = "lots_text";

    public const string Stage = "stage";
    public const string Status = "status";
    /// <summary>Every CPV code of the process with all its ancestors, so a filter on a division finds its descendants.</summary>
    public const string Cpv = "cpv";
    /// <summary>CPV divisions (first two digits) only: the facet people browse by.</summary>
    public const string CpvDivision = "cpv_division";
    public const string Buyer = "buyer";
    public const string Region = "region";
    public const string Sme = "sme";
    public const string Vcse = "vcse";
    public const string Source = "source";
    public const string Supplier = "supplier";
    /// <summary>NUTS/ITL codes of the delivery places with every coarser level (UKI31, UKI3, UKI).</summary>
    public const string Place = "place";
    /// <summary>Every notice type the process has published (UK1…UK17, or as sent).</summary>
    public const string NoticeType = "notice_type";
    /// <summary>The law it is run under (<see cref="LegalBases"/>).</summary>
    public const string LegalBasis = "legal_basis";
    /// <summary>above or below threshold.</summary>
    public const string Threshold = "threshold";
    public const string SpecialRegime = "special_regime";
    /// <summary>framework, openFramework or dynamicMarket.</summary>
    public const string Technique = "technique";
    /// <summary>For a call-off, the ocid of its framework: the framework's page lists its call-offs by it.</summary>
    public const string Framework = "framework";

    public const string Value = "value";
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Deadline = "deadline";
    public const string ContractEnd = "contract_end";
    /// <summary>Until when it takes bids or requests to participate: the deadline, or a dynamic market's end while it admits suppliers.</summary>
    public const string OpenUntil = "open_until";

    public static readonly IndexSchema Schema = new("opportunities",
    [
        new(Title, IndexFieldKind.Text, Boost: 4f, Highlight: true),
        new(Description, IndexFieldKind.Text, Boost: 1f, Highlight: true),
        new(BuyerName, IndexFieldKind.Text, Boost: 2f),
        new(CpvLabels, IndexFieldKind.Text, Boost: 1.5f),
        new(SupplierNames, IndexFieldKind.Text, Boost: 1f),
        new(LotsText, IndexFieldKind.Text, Boost: 0.7f),
        new(Stage, IndexFieldKind.Keyword),
        new(Status, IndexFieldKind.Keyword),
        new(Cpv, IndexFieldKind.Keyword),
        new(CpvDivision, IndexFieldKind.Keyword),
        new(Buyer, IndexFieldKind.Keyword),
        new(Region, IndexFieldKind.Keyword),
        new(Sme, IndexFieldKind.Keyword),
        new(Vcse, IndexFieldKind.Keyword),
        new(Source, IndexFieldKind.Keyword),
        new(Supplier, IndexFieldKind.Keyword),
        new(Place, IndexFieldKind.Keyword),
        new(NoticeType, IndexFieldKind.Keyword),
        new(LegalBasis, IndexFieldKind.Keyword),
        new(Threshold, IndexFieldKind.Keyword),
        new(SpecialRegime, IndexFieldKind.Keyword),
        new(Technique, IndexFieldKind.Keyword),
        new(Framework, IndexFieldKind.Keyword),
        new(Value, IndexFieldKind.Number),
        new(Published, IndexFieldKind.Date),
        new(Updated, IndexFieldKind.Date),
        new(Deadline, IndexFieldKind.Date),
        new(ContractEnd, IndexFieldKind.Date),
        new(OpenUntil, IndexFieldKind.Date),
    ]);
}
