using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Technologies;

public static class TechnologyEndpoints
{
    public static IEndpointRouteBuilder MapTechnologyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/technologies").WithTags("Technologies");

        group.MapGet("/", SearchAsync)
            .WithName("SearchTechnologies")
            .WithSummary("Search boroughs' technology entries")
            .WithDescription("Full text over product, supplier, function and service area, with facets on service area, function, supplier, product, borough, contract end year and hosting.");

        group.MapGet("/peers", PeersAsync)
            .WithName("GetTechnologyPeers")
            .WithSummary("Who else uses this product (for this function)");

        group.MapGet("/{id}", GetAsync)
            .WithName("GetTechnology")
            .WithSummary("One technology entry");

        return routes;
    }

    public static async Task<Ok<TechnologySearchResult>> SearchAsync([AsParameters] TechnologySearchQuery query, TechnologySearchService search, CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.SearchAsync(query, cancellationToken));

    public static async Task<Results<Ok<List<TechnologyEntry>>, ProblemHttpResult>> PeersAsync(string? product, string? function, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(product))
        {
            return ProblemResults.BadRequest("'product' is required: the product whose users you want.", "product");
        }
        var rows = db.Technologies.Where(t => t.Product == product.Trim());
        if (!string.IsNullOrWhiteSpace(function))
        {
            rows = rows.Where(t => t.Function == function.Trim());
        }
        var entries = (await rows.OrderBy(t => t.BoroughGss).Select(t => t.Json).Take(500).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<TechnologyEntry>(j, DirectoryJson.Options)!)
            .ToList();
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Ok<TechnologyEntry>, NotFound>> GetAsync(string id, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Technologies.Where(t => t.Id == id).Select(t => t.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? TypedResults.NotFound() : TypedResults.Ok(JsonSerializer.Deserialize<TechnologyEntry>(json, DirectoryJson.Options)!);
    }
}
