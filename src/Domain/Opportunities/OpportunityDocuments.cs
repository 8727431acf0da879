using System.Text.Json;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Search;

namespace Thirty3.Domain.Opportunities;

/// <summary>Maps an opportunity to the document every search backend indexes.</summary>
public static class OpportunityDocuments
{
    public static IndexDocument ToDocument(OpportunityDetail detail)
    {
        var s = detail.Summary;
        var doc = new IndexDocument
        {
            Id = s.Ocid,
            Summary = JsonSerializer.Serialize(s, DirectoryJson.Options),
        };
        doc.Text[OpportunityIndex.Title] = s.Title;
        if (detail.Description is { } description)
        {
            doc.Text[OpportunityIndex.Description] = description;
        }
        if (s.Buyer is { } buyer)
        {
            doc.Text[OpportunityIndex.BuyerName] = buyer.Name;
            doc.AddKeyword(OpportunityIndex.Buyer, buyer.Id);
        }
        var labels = string.Join(" ; ", s.Cpv.Select(c => c.Label).Where(l => l is not null));
        if (labels.Length > 0)
        {
            doc.Text[OpportunityIndex.CpvLabels] = labels;
        }
        if (s.Suppliers.Count > 0)
        {
            doc.Text[OpportunityIndex.SupplierNames] = string.Join(" ; ", s.Suppliers.Select(x => x.Name));
        }
        var lots = string.Join(" ; ", detail.Lots.SelectMany(l => new[] { l.Title, l.Description }.Concat(l.Suppliers.Select(x => x.Name))).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (lots.Length > 0)
        {
            doc.Text[OpportunityIndex.LotsText] = lots;
        }

        doc.AddKeyword(OpportunityIndex.Stage, s.Stage);
        doc.AddKeyword(OpportunityIndex.Status, s.Status);
        foreach (var code in s.Cpv)
        {
            foreach (var ancestor in CpvCode.SelfAndAncestors(code.Code))
            {
                doc.AddKeyword(OpportunityIndex.Cpv, ancestor);
            }
            doc.AddKeyword(OpportunityIndex.CpvDivision, CpvCode.Division(code.Code));
        }
        foreach (var region in s.Regions)
        {
            doc.AddKeyword(OpportunityIndex.Region, region);
        }
        if (s.SuitableForSme is { } sme)
        {
            doc.AddKeyword(OpportunityIndex.Sme, sme ? "true" : "false");
        }
        if (s.SuitableForVcse is { } vcse)
        {
            doc.AddKeyword(OpportunityIndex.Vcse, vcse ? "true" : "false");
        }
        doc.AddKeyword(OpportunityIndex.Source, s.Source);
        foreach (var supplier in s.Suppliers)
        {
            doc.AddKeyword(OpportunityIndex.Supplier, supplier.Id);
        }
        foreach (var code in s.PlaceCodes.SelectMany(DeliveryPlaces.SelfAndAncestors))
        {
            doc.AddKeyword(OpportunityIndex.Place, code);
        }
        foreach (var type in s.NoticeTypes)
        {
            doc.AddKeyword(OpportunityIndex.NoticeType, type);
        }
        doc.AddKeyword(OpportunityIndex.LegalBasis, s.LegalBasis);
        if (s.AboveThreshold is { } above)
        {
            doc.AddKeyword(OpportunityIndex.Threshold, above ? Thresholds.Above : Thresholds.Below);
        }
        foreach (var regime in s.SpecialRegimes)
        {
            doc.AddKeyword(OpportunityIndex.SpecialRegime, regime);
        }
        doc.AddKeyword(OpportunityIndex.Technique, s.Technique);
        doc.AddKeyword(OpportunityIndex.Framework, s.FrameworkOcid);

        if ((s.Value ?? s.MinValue) is { } value)
        {
            doc.Numbers[OpportunityIndex.Value] = (double)value;
        }
        SetDate(doc, OpportunityIndex.Published, s.Published);
        SetDate(doc, OpportunityIndex.Updated, s.Updated);
        SetDate(doc, OpportunityIndex.Deadline, s.Deadline);
        SetDate(doc, OpportunityIndex.OpenUntil, OpenUntil(s));
        if (s.ContractEnd is { } end)
        {
            doc.Dates[OpportunityIndex.ContractEnd] = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        return doc;
    }

    /// <summary>A dynamic market with no end date admits suppliers until it ceases: index it as open indefinitely.</summary>
    private static readonly DateTimeOffset NoEnd = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? OpenUntil(OpportunitySummary s) =>
        s.AdmitsSuppliers ? s.AdmitsSuppliersUntil ?? NoEnd : s.Deadline;

    private static void SetDate(IndexDocument doc, string field, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            doc.Dates[field] = v;
        }
    }
}
