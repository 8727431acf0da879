using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Stats;

namespace Thirty3.DirectoryApi.Stats;

public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stats", GetAsync)
            .WithTags("Stats")
            .WithName("GetStats")
            .WithSummary("Headline counts and the most recently updated opportunities");
        return routes;
    }

    public static async Task<Ok<DirectoryStats>> GetAsync(DirectoryDbContext db, SearchIndexes indexes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var open = await indexes.Opportunities.SearchAsync(
            OpportunitySearchService.BuildRequest(new OpportunitySearchQuery { Open = true, PageSize = 1 }, clock.GetUtcNow()) with { Facets = [], Size = 0 },
            cancellationToken);
        var total = await indexes.Opportunities.CountAsync(cancellationToken);
        var technologies = await db.Technologies.LongCountAsync(cancellationToken);
        var boroughs = (await db.Technologies.Select(t => t.BoroughGss).Distinct().ToListAsync(cancellationToken)).Union(LondonBoroughs.All.Select(b => b.GssCode)).Count();
        var recent = (await db.Opportunities.OrderByDescending(o => o.UpdatedMs).Take(10).Select(o => o.DetailJson).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<OpportunityDetail>(j, DirectoryJson.Options)!.Summary)
            .ToList();
        return TypedResults.Ok(new DirectoryStats(open.Total, total, boroughs, technologies, recent));
    }
}
