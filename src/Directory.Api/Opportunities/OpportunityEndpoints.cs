using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;

namespace Thirty3.DirectoryApi.Opportunities;

public static class OpportunityEndpoints
{
    public static IEndpointRouteBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/opportunities").WithTags("Opportunities");

        group.MapGet("/", SearchAsync)
            .WithName("SearchOpportunities")
            .WithSummary("Search tender opportunities")
            .WithDescription("Full text (typos and local-government synonyms tolerated) with filters, multi-select facet counts, sort, page/pageSize paging up to 10,000 results and cursor paging beyond, and highlighted snippets.");

        group.MapGet("/{ocid}", GetAsync)
            .WithName("GetOpportunity")
            .WithSummary("An opportunity with its notices");

        group.MapGet("/{ocid}/record", GetRecordAsync)
            .WithName("GetOpportunityRecord")
            .WithSummary("An opportunity as an OCDS record package (all releases and the compiled release)");

        return routes;
    }

    public static async Task<Ok<OpportunitySearchResult>> SearchAsync([AsParameters] OpportunitySearchQuery query, OpportunitySearchService search, CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.SearchAsync(query, cancellationToken));

    public static async Task<Results<Ok<OpportunityDetail>, NotFound>> GetAsync(string ocid, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Opportunities.Where(o => o.Ocid == ocid).Select(o => o.DetailJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? TypedResults.NotFound() : TypedResults.Ok(JsonSerializer.Deserialize<OpportunityDetail>(json, DirectoryJson.Options)!);
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetRecordAsync(string ocid, DirectoryDbContext db, TimeProvider clock, HttpRequest request, CancellationToken cancellationToken)
    {
        var compiled = await db.Opportunities.Where(o => o.Ocid == ocid).Select(o => o.CompiledJson).FirstOrDefaultAsync(cancellationToken);
        if (compiled is null)
        {
            return TypedResults.NotFound();
        }
        var releases = await db.Releases.Where(r => r.Ocid == ocid).OrderBy(r => r.DateMs).ThenBy(r => r.ReleaseId).Select(r => r.Json).ToListAsync(cancellationToken);
        var package = new JsonObject
        {
            ["uri"] = $"{request.Scheme}://{request.Host}{request.Path}",
            ["version"] = "1.1",
            ["publishedDate"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["publisher"] = new JsonObject { ["name"] = "Thirty3 directory" },
            ["records"] = new JsonArray(new JsonObject
            {
                ["ocid"] = ocid,
                ["releases"] = new JsonArray(releases.Select(r => JsonNode.Parse(r)).ToArray()),
                ["compiledRelease"] = JsonNode.Parse(compiled),
            }),
        };
        return TypedResults.Content(package.ToJsonString(), "application/json");
    }
}
