using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Boroughs;

public static class BoroughEndpoints
{
    public static IEndpointRouteBuilder MapBoroughEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/boroughs").WithTags("Boroughs");

        group.MapGet("/", ListAsync)
            .WithName("ListBoroughs")
            .WithSummary("The 33 London boroughs and every other council with technology entries, with counts");

        group.MapGet("/{gssCode}", GetStackAsync)
            .WithName("GetBoroughStack")
            .WithSummary("A borough's technology stack by service area and function, with its open opportunities");

        return routes;
    }

    public static async Task<Ok<List<BoroughSummary>>> ListAsync(DirectoryDbContext db, SearchIndexes indexes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var technologyCounts = await db.Technologies.GroupBy(t => t.BoroughGss).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var gssCodes = LondonBoroughs.All.Select(c => c.GssCode).Union(technologyCounts.Keys).ToList();
        var openByBuyer = await OpenCountsByBuyerAsync(gssCodes, indexes, clock, cancellationToken);
        var boroughs = gssCodes.Select(gss =>
        {
            var london = LondonBoroughs.FindByGss(gss);
            return new BoroughSummary(gss, london?.Name ?? gss, london is null ? null : LondonBoroughs.Region, technologyCounts.GetValueOrDefault(gss), openByBuyer.GetValueOrDefault($"GB-GSS-{gss}"));
        }).OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return TypedResults.Ok(boroughs);
    }

    public static async Task<Results<Ok<BoroughStack>, NotFound>> GetStackAsync(string gssCode, DirectoryDbContext db, SearchIndexes indexes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var london = LondonBoroughs.Find(gssCode);
        var gss = london?.GssCode ?? gssCode.ToUpperInvariant();
        var entries = (await db.Technologies.Where(t => t.BoroughGss == gss).Select(t => t.Json).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<TechnologyEntry>(j, DirectoryJson.Options)!)
            .ToList();
        if (london is null && entries.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var open = await indexes.Opportunities.SearchAsync(new SearchRequest
        {
            Terms = [new TermsFilter(OpportunityIndex.Buyer, [$"GB-GSS-{gss}"]), new TermsFilter(OpportunityIndex.Status, ["active"])],
            Ranges = [OpportunitySearchService.OpenNow(clock.GetUtcNow())],
            Sort = new SortSpec(OpportunityIndex.Deadline, Descending: false),
            Size = 50,
            Highlight = false,
        }, cancellationToken);
        var serviceAreas = entries
            .GroupBy(e => e.ServiceArea, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ServiceAreaGroup(g.Key, g
                .GroupBy(e => e.Function, StringComparer.OrdinalIgnoreCase)
                .OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
                .Select(f => new FunctionGroup(f.Key, f.OrderBy(e => e.Product, StringComparer.OrdinalIgnoreCase).ToList()))
                .ToList()))
            .ToList();
        var summary = new BoroughSummary(gss, london?.Name ?? gss, london is null ? null : LondonBoroughs.Region, entries.Count, open.Total);
        var opportunities = open.Hits.Select(h => JsonSerializer.Deserialize<OpportunitySummary>(h.Summary, DirectoryJson.Options)!).ToList();
        return TypedResults.Ok(new BoroughStack(summary, serviceAreas, opportunities));
    }

    /// <summary>
    /// Open opportunities per council, one count query each: a buyer facet would ignore a buyer
    /// filter (facets are multi-select) and could cut small councils from its top values.
    /// </summary>
    internal static async Task<Dictionary<string, long>> OpenCountsByBuyerAsync(IEnumerable<string> gssCodes, SearchIndexes indexes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var open = OpportunitySearchService.BuildRequest(new OpportunitySearchQuery { Open = true, PageSize = 1 }, clock.GetUtcNow()) with { Facets = [], Size = 0, Highlight = false };
        var counts = new Dictionary<string, long>();
        foreach (var gss in gssCodes)
        {
            var buyer = $"GB-GSS-{gss}";
            var response = await indexes.Opportunities.SearchAsync(open with { Terms = [.. open.Terms, new TermsFilter(OpportunityIndex.Buyer, [buyer])] }, cancellationToken);
            counts[buyer] = response.Total;
        }
        return counts;
    }
}
