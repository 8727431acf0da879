using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Sources;

namespace Thirty3.DirectoryApi.Sources;

/// <summary>Connector status: connectors report after each run; anyone can read how each source is doing.</summary>
public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sources").WithTags("Sources");
        group.MapGet("/", ListAsync).WithName("ListSources").WithSummary("Each connector source: last run, items fetched/accepted/rejected, last error, lag");
        group.MapPut("/{name}/status", ReportAsync).WithName("ReportSourceStatus").WithSummary("A connector reports a source's status")
            .RequireAuthorization(AuthRegistration.PublisherPolicy);
        return routes;
    }

    public static async Task<Ok<List<SourceStatusReport>>> ListAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.SourceStatuses.OrderBy(s => s.Name).Select(s => s.Json).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<SourceStatusReport>(j, DirectoryJson.Options)!)
            .ToList());

    public static async Task<Results<NoContent, ProblemHttpResult>> ReportAsync(string name, SourceStatusReport report, ClaimsPrincipal user, DirectoryDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (name.Length > 100 || report.Name != name)
        {
            return ProblemResults.BadRequest("The report's 'name' must match the source in the path (at most 100 characters).", "$.name");
        }
        if (report.LastError?.Length > 4_000 || report.Checkpoint?.Length > 1_000)
        {
            return ProblemResults.BadRequest("'lastError' (4000) or 'checkpoint' (1000 characters) is too long.", "$.lastError");
        }
        var entity = await db.SourceStatuses.AsTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (entity is null)
        {
            entity = new SourceStatusEntity { Name = name, Json = "", ReportedBy = "" };
            db.SourceStatuses.Add(entity);
        }
        entity.Json = JsonSerializer.Serialize(report, DirectoryJson.Options);
        entity.ReportedBy = Publisher.FromPrincipal(user).Name;
        entity.UpdatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
