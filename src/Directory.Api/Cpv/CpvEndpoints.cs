using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.Domain.Cpv;

namespace Thirty3.DirectoryApi.Cpv;

/// <summary>A CPV code with its label and place in the hierarchy.</summary>
public sealed record CpvEntry(string Code, string? Label, string Level, IReadOnlyList<CpvAncestor> Ancestors);

public sealed record CpvAncestor(string Code, string? Label);

/// <summary>The outcome of a vocabulary import.</summary>
public sealed record CpvImportResult(int Read, int Added, int Updated, IReadOnlyList<string> Problems);

public static class CpvEndpoints
{
    public static IEndpointRouteBuilder MapCpvEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/cpv/{code}", Get)
            .WithTags("CPV").WithName("GetCpv").WithSummary("A CPV code's label and ancestors");

        routes.MapPost("/api/admin/cpv/import", ImportAsync)
            .WithTags("Admin").WithName("ImportCpv")
            .WithSummary("Import the CPV 2008 vocabulary (CSV with CODE,EN columns, check digits allowed)")
            .Accepts<string>("text/csv")
            .RequireAuthorization(AuthRegistration.AdminPolicy);
        return routes;
    }

    public static Results<Ok<CpvEntry>, NotFound> Get(string code, ICpvLabels labels)
    {
        var normalised = CpvCode.Normalise(code);
        if (normalised is null)
        {
            return TypedResults.NotFound();
        }
        var ancestors = CpvCode.SelfAndAncestors(normalised).Where(a => a != normalised).Select(a => new CpvAncestor(a, labels.Find(a))).ToList();
        return TypedResults.Ok(new CpvEntry(normalised, labels.Find(normalised), CpvCode.Level(normalised), ancestors));
    }

    public static async Task<Ok<CpvImportResult>> ImportAsync(HttpRequest request, CpvImporter importer, IOptions<IngestOptions> limits, CancellationToken cancellationToken)
    {
        using var reader = RequestBodies.OpenText(request, limits.Value);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return TypedResults.Ok(await importer.ImportAsync(new StringReader(text), cancellationToken));
    }
}

/// <summary>Loads a CPV vocabulary CSV into the label store; imported labels override labels learned from notices.</summary>
public sealed class CpvImporter(Store.DirectoryDbContext db, CpvLabelCache cache)
{
    public async Task<CpvImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        using var reader = new CsvHelper.CsvReader(csv, System.Globalization.CultureInfo.InvariantCulture);
        var problems = new List<string>();
        var labels = new Dictionary<string, string>();
        await reader.ReadAsync();
        reader.ReadHeader();
        var read = 0;
        while (await reader.ReadAsync())
        {
            read++;
            var raw = reader.GetField(0);
            var label = reader.GetField(1);
            var code = CpvCode.Normalise(raw);
            if (code is null || string.IsNullOrWhiteSpace(label))
            {
                if (problems.Count < 100)
                {
                    problems.Add($"row {reader.Parser.Row}: '{raw}' is not a CPV code with a label");
                }
                continue;
            }
            labels[code] = label.Trim();
        }
        var existing = await db.CpvLabels.AsTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        int added = 0, updated = 0;
        foreach (var (code, label) in labels)
        {
            if (existing.TryGetValue(code, out var entity))
            {
                if (entity.Label != label || entity.Origin != "import")
                {
                    entity.Label = label;
                    entity.Origin = "import";
                    updated++;
                }
            }
            else
            {
                db.CpvLabels.Add(new Store.CpvLabelEntity { Code = code, Label = label, Origin = "import" });
                added++;
            }
            cache.Set(code, label);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new CpvImportResult(read, added, updated, problems);
    }
}
