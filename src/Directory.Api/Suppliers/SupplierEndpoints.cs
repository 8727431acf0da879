using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Suppliers;

public static class SupplierEndpoints
{
    public static IEndpointRouteBuilder MapSupplierEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/suppliers").WithTags("Suppliers")
            .MapGet("/footprint", FootprintAsync)
            .WithName("GetSupplierFootprint")
            .WithSummary("Where a supplier is present: boroughs, products and contracts won")
            .WithDescription("By directory id (e.g. GB-COH-01234567) or by name as it appears in technology entries and awards.");
        return routes;
    }

    public static async Task<Results<Ok<SupplierFootprint>, NotFound, ProblemHttpResult>> FootprintAsync(string? id, string? name, DirectoryDbContext db, SearchIndexes indexes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(name))
        {
            return ProblemResults.BadRequest("Give the supplier's 'id' or 'name'.", "id");
        }
        var organisation = !string.IsNullOrWhiteSpace(id)
            ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await db.Organisations.FirstOrDefaultAsync(o => o.IsSupplier && o.Name == name, cancellationToken);
        var supplierName = organisation?.Name ?? name ?? id!;

        var technologies = (await db.Technologies
                .Where(t => t.Supplier == supplierName || (id != null && t.SupplierId == id) || (organisation != null && t.SupplierId == organisation.Id))
                .Select(t => t.Json).Take(2_000).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<TechnologyEntry>(j, DirectoryJson.Options)!)
            .ToList();

        var awarded = organisation is null ? null : await indexes.Opportunities.SearchAsync(new SearchRequest
        {
            Terms = [new TermsFilter(OpportunityIndex.Supplier, [organisation.Id])],
            Sort = new SortSpec(OpportunityIndex.Updated, Descending: true),
            Size = 100,
            Highlight = false,
        }, cancellationToken);
        if (technologies.Count == 0 && (awarded is null || awarded.Total == 0) && organisation is null)
        {
            return TypedResults.NotFound();
        }

        var boroughs = technologies.GroupBy(t => t.BoroughGss)
            .Select(g => new BoroughSummary(g.Key, g.First().BoroughName, LondonBoroughs.FindByGss(g.Key) is null ? null : LondonBoroughs.Region, g.Count(), 0))
            .OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var products = technologies.GroupBy(t => (t.Product, t.Function))
            .Select(g => new ProductUse(g.Key.Product, g.Key.Function, g.Select(t => t.BoroughName).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList()))
            .OrderByDescending(p => p.Boroughs.Count).ThenBy(p => p.Product, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var contracts = (awarded?.Hits ?? [])
            .Select(h => JsonSerializer.Deserialize<OpportunitySummary>(h.Summary, DirectoryJson.Options)!)
            .Select(o => new ContractWon(o.Ocid, o.Title, o.Buyer, o.Value, o.ContractEnd))
            .ToList();
        return TypedResults.Ok(new SupplierFootprint(supplierName, organisation?.Id, organisation?.Scale, boroughs, products, contracts));
    }
}
