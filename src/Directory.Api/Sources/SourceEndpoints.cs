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
/// <remarks>
/// Scope: a status is operational data of a connector, not a buyer's data, so any publisher key may
/// report one, whatever buyers it is scoped to. But a source belongs to the key name that first
/// reported it (rotation keeps the name): another publisher may not overwrite it (403, logged);
/// admin keys may.
/// </remarks>
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

    public static async Task<Results<NoContent, ProblemHttpResult>> ReportAsync(string name, SourceStatusReport report, HttpContext context, DirectoryDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
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
        var publisher = Publisher.FromRequest(context);
        if (entity is not null && entity.ReportedBy != publisher.Name && !publisher.IsAdmin)
        {
            WriteAudit.Refused(loggers.CreateLogger(typeof(SourceEndpoints)), publisher, $"source {name}", $"the source is reported by '{entity.ReportedBy}'");
            return ProblemResults.Create(StatusCodes.Status403Forbidden, "This key may not report this source.", $"Source '{name}' is reported by another publisher.");
        }
        if (entity is null)
        {
            entity = new SourceStatusEntity { Name = name, Json = "", ReportedBy = "" };
            db.SourceStatuses.Add(entity);
        }
        entity.Json = JsonSerializer.Serialize(report, DirectoryJson.Options);
        // An admin correcting a status leaves the source with its connector.
        if (entity.ReportedBy.Length == 0 || !publisher.IsAdmin)
        {
            entity.ReportedBy = publisher.Name;
        }
        entity.UpdatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
