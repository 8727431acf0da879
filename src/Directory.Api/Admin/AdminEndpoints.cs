using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Admin;

/// <summary>A request for a new API key.</summary>
/// <param name="Name">Who the key is for (a connector, a procurement system).</param>
/// <param name="AllowedBuyers">Buyer directory ids the key may publish for, comma-separated; "*" for any.</param>
/// <param name="IsAdmin">Whether the key may call admin operations.</param>
public sealed record CreateApiKeyRequest(string Name, string? AllowedBuyers, bool IsAdmin = false);

public sealed record ReindexResult(string Index, long Documents);

/// <summary>How many processes were compiled again.</summary>
public sealed record RecompileResult(int Processes);

public sealed record RejectionView(long Id, DateTimeOffset At, string Source, string? Ocid, string? ItemId, string Path, string Reason);

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AuthRegistration.AdminPolicy);

        group.MapPost("/reindex", ReindexAsync).WithName("Reindex").WithSummary("Rebuild both search indexes from the store");
        group.MapPost("/recompile", RecompileAsync).WithName("Recompile")
            .WithSummary("Compile every stored process again from its releases and queue it for the index (after an upgrade that reads more of the notices)");
        group.MapPost("/keys", CreateKeyAsync).WithName("CreateApiKey").WithSummary("Issue an API key (the key is shown once)");
        group.MapGet("/keys", ListKeysAsync).WithName("ListApiKeys").WithSummary("List API keys (never their secrets)");
        group.MapDelete("/keys/{id}", RevokeKeyAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key");
        group.MapPost("/keys/{id}/rotate", RotateKeyAsync).WithName("RotateApiKey")
            .WithSummary("Issue a new key with the same name and scope (shown once); the old one keeps working until revoked, or until ?grace= (e.g. 24h) has passed");

        routes.MapGet("/api/ingest/rejections", RejectionsAsync)
            .WithTags("Ingest").WithName("ListRejections")
            .WithSummary("What ingest refused recently, and why: a publisher sees what its own key sent, an admin sees everything")
            .RequireAuthorization(AuthRegistration.PublisherPolicy);
        return routes;
    }

    public static async Task<Ok<RecompileResult>> RecompileAsync(Thirty3.DirectoryApi.Ingest.ReleaseIngestService ingest, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RecompileResult(await ingest.RecompileAllAsync(cancellationToken)));

    public static async Task<Ok<List<ReindexResult>>> ReindexAsync(IndexProjector projector, CancellationToken cancellationToken)
    {
        var results = new List<ReindexResult>();
        foreach (var name in new[] { OpportunityIndex.Schema.Name, TechnologyIndex.Schema.Name })
        {
            results.Add(new ReindexResult(name, await projector.RebuildAsync(name, cancellationToken)));
        }
        return TypedResults.Ok(results);
    }

    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateKeyAsync(CreateApiKeyRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return ProblemResults.BadRequest("'name' is required (at most 100 characters).", "$.name");
        }
        var created = await keys.CreateAsync(request.Name.Trim(), request.AllowedBuyers ?? "", request.IsAdmin, cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{created.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListKeysAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    public static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(string id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<RotatedApiKey>, NotFound, ProblemHttpResult>> RotateKeyAsync(string id, string? grace, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        TimeSpan? period = null;
        if (grace is not null)
        {
            if (!ApiKeyStore.TryParseGrace(grace, out var parsed))
            {
                return ProblemResults.BadRequest("'grace' is a period such as 30m, 24h or 7d (at most 365 days).", "grace");
            }
            period = parsed;
        }
        var rotated = await keys.RotateAsync(id, period, cancellationToken);
        return rotated is null ? TypedResults.NotFound() : TypedResults.Ok(rotated);
    }

    public static async Task<Ok<List<RejectionView>>> RejectionsAsync(DirectoryDbContext db, System.Security.Claims.ClaimsPrincipal user, string? source, int? limit, CancellationToken cancellationToken)
    {
        var query = db.Rejections.AsQueryable();
        var publisher = Publisher.FromPrincipal(user);
        if (!publisher.IsAdmin)
        {
            // Rejected items carry other publishers' notices (and their mistakes): not for every key to read.
            query = query.Where(r => r.PublisherName == publisher.Name);
        }
        if (!string.IsNullOrWhiteSpace(source))
        {
            query = query.Where(r => r.Source == source);
        }
        var rows = await query.OrderByDescending(r => r.Id).Take(Math.Clamp(limit ?? 100, 1, 1_000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new RejectionView(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Source, r.Ocid, r.ItemId, r.Path, r.Reason)).ToList());
    }
}
