using System.Globalization;
using System.Text.Json;
using Thirty3.Domain.Search;

namespace Thirty3.Domain.Technologies;

/// <summary>Maps a technology entry to the document every search backend indexes.</summary>
public static class TechnologyDocuments
{
    public static IndexDocument ToDocument(TechnologyEntry entry)
    {
        var doc = new IndexDocument
        {
            Id = entry.Id,
            Summary = JsonSerializer.Serialize(entry, DirectoryJson.Options),
        };
        doc.Text[TechnologyIndex.ProductText] = entry.Product;
        doc.Text[TechnologyIndex.SupplierText] = entry.Supplier;
        doc.Text[TechnologyIndex.FunctionText] = entry.Function;
        doc.Text[TechnologyIndex.ServiceAreaText] = entry.ServiceArea;
        if (entry.Notes is { } notes)
        {
            doc.Text[TechnologyIndex.Notes] = notes;
        }
        doc.AddKeyword(TechnologyIndex.Borough, entry.BoroughGss)
            .AddKeyword(TechnologyIndex.ServiceArea, entry.ServiceArea)
            .AddKeyword(TechnologyIndex.Function, entry.Function)
            .AddKeyword(TechnologyIndex.Supplier, entry.Supplier)
            .AddKeyword(TechnologyIndex.Product, entry.Product)
            .AddKeyword(TechnologyIndex.Hosting, entry.Hosting)
            .AddKeyword(TechnologyIndex.ContractEndYear, entry.ContractEnd?.Year.ToString(CultureInfo.InvariantCulture));
        SetDate(doc, TechnologyIndex.ContractStart, entry.ContractStart);
        SetDate(doc, TechnologyIndex.ContractEnd, entry.ContractEnd);
        SetDate(doc, TechnologyIndex.MaxExtension, entry.ContractMaxExtension);
        if (entry.AnnualValue is { } annual)
        {
            doc.Numbers[TechnologyIndex.AnnualValue] = (double)annual;
        }
        if (entry.TotalValue is { } total)
        {
            doc.Numbers[TechnologyIndex.TotalValue] = (double)total;
        }
        return doc;
    }

    private static void SetDate(IndexDocument doc, string field, DateOnly? date)
    {
        if (date is { } d)
        {
            doc.Dates[field] = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
    }
}
