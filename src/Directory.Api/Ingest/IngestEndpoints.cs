using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Idempotency;
using Thirty3.DirectoryApi.Problems;
using Thirty3.Domain;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>The ingest API: where connectors and procurement systems write.</summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ingest").WithTags("Ingest").RequireAuthorization(AuthRegistration.PublisherPolicy)
            .WithMetadata(new IdempotentWriteAttribute());

        group.MapPost("/releases", IngestReleasesAsync)
            .WithName("IngestReleases")
            .WithSummary("Ingest OCDS notices")
            .WithDescription("Accepts an OCDS release package, record package, array of releases or a single release. Each release is stored, updated, found unchanged (idempotent) or rejected with a reason and a JSON path. 200 when any item was accepted; 422 when none was; 403 when the key may publish for none of the buyers.")
            .Accepts<object>("application/json");

        group.MapPost("/technologies", IngestTechnologiesAsync)
            .WithName("IngestTechnologies")
            .WithSummary("Ingest technology entries (JSON)")
            .WithDescription("A JSON array of technology entries (City Tools inventory lines). Entries without an id get one derived from borough, service area, function, product and supplier, so re-sending updates.")
            .Accepts<TechnologyEntryInput[]>("application/json");

        group.MapPost("/technologies/csv", IngestTechnologiesCsvAsync)
            .WithName("IngestTechnologiesCsv")
            .WithSummary("Ingest technology entries (City Tools CSV template)")
            .WithDescription("text/csv with the header: " + string.Join(",", CityToolsCsvReader.Columns) + ". Required: borough, service_area, function, product, supplier. Dates yyyy-MM-dd or dd/MM/yyyy.")
            .Accepts<string>("text/csv");

        return routes;
    }

    public static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestReleasesAsync(
        HttpRequest request, ReleaseIngestService ingest, IOptions<IngestOptions> limits, string? source, CancellationToken cancellationToken)
    {
        var payload = await RequestBodies.ReadJsonAsync(request, limits.Value, cancellationToken);
        var publisher = Publisher.FromRequest(request.HttpContext);
        var result = await ingest.IngestAsync(payload, SourceName(source, publisher), publisher, cancellationToken);
        return Outcome(result);
    }

    public static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestTechnologiesAsync(
        HttpRequest request, TechnologyIngestService ingest, IOptions<IngestOptions> limits, string? source, CancellationToken cancellationToken)
    {
        var entries = await RequestBodies.ReadJsonAsync<List<TechnologyEntryInput?>>(request, limits.Value, DirectoryJson.Options, cancellationToken);
        if (entries is null)
        {
            return ProblemResults.BadRequest("Expected a JSON array of technology entries, not null.", "$");
        }
        var publisher = Publisher.FromRequest(request.HttpContext);
        return Outcome(await ingest.IngestAsync(entries, SourceName(source, publisher), publisher, cancellationToken));
    }

    public static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestTechnologiesCsvAsync(
        HttpRequest request, TechnologyIngestService ingest, IOptions<IngestOptions> limits, string? source, CancellationToken cancellationToken)
    {
        List<TechnologyEntryInput?> entries;
        List<string> paths;
        List<CsvRowProblem> problems;
        using (var reader = RequestBodies.OpenText(request, limits.Value))
        {
            // CsvHelper reads synchronously; buffering the (size-limited) text keeps Kestrel's no-sync-IO rule.
            var text = await reader.ReadToEndAsync(cancellationToken);
            (entries, paths, problems) = CityToolsCsvReader.Read(new StringReader(text), limits.Value.MaxBatchItems);
        }
        var publisher = Publisher.FromRequest(request.HttpContext);
        var result = await ingest.IngestAsync(entries, SourceName(source, publisher), publisher, cancellationToken, paths);
        // Rows that could not even be parsed are reported with the cell that was wrong.
        var items = result.Items.Select(i => problems.FirstOrDefault(p => p.Index == i.Index) is { } p ? i with { Reason = p.Reason, Path = p.Path } : i).ToList();
        return Outcome(IngestResult.From(items));
    }

    private static Results<Ok<IngestResult>, ProblemHttpResult> Outcome(IngestResult result)
    {
        if (result.Received > 0 && result.Rejected == result.Received)
        {
            var forbidden = result.Items.All(i => i.Reason?.Contains("may not publish", StringComparison.Ordinal) == true);
            return ProblemResults.Create(
                forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity,
                forbidden ? "This key may not publish for these buyers." : "No item of the batch could be accepted.",
                $"All {result.Received} items were rejected; see 'items' for the reason and path of each.",
                extensions: new Dictionary<string, object?> { ["items"] = result.Items });
        }
        return TypedResults.Ok(result);
    }

    private static string SourceName(string? source, Publisher publisher)
    {
        var name = string.IsNullOrWhiteSpace(source) ? publisher.Name : source.Trim();
        return name.Length > 100 ? name[..100] : name;
    }
}
