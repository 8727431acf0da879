using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.DirectoryApi.Store;
using Thirty3.SampleData;

namespace Thirty3.DirectoryApi.Sample;

/// <summary>
/// Fills an empty directory with generated, realistic data (notices across stages and CPV
/// divisions, technology entries for every London borough) through the same ingest services the
/// API uses, so a first run shows the whole flow.
/// </summary>
public sealed partial class SampleDataSeeder(
    DirectoryDbContext db,
    ReleaseIngestService releases,
    TechnologyIngestService technologies,
    IOptions<SampleDataOptions> options,
    TimeProvider clock,
    ILogger<SampleDataSeeder> logger)
{
    private static readonly Publisher SamplePublisher = new("sample", "sample-data", IsAdmin: false, AllowedBuyers: null);

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Opportunities.AnyAsync(cancellationToken) || await db.Technologies.AnyAsync(cancellationToken))
        {
            return;
        }
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var package in OcdsSampleGenerator.GenerateReleasePackages(options.Value.Processes, options.Value.RandomSeed, now, releasesPerPackage: 500))
        {
            var result = await releases.IngestAsync(package, "sample", SamplePublisher, cancellationToken);
            count += result.Stored;
        }
        var entries = TechnologySampleGenerator.Generate(options.Value.RandomSeed, DateOnly.FromDateTime(now.UtcDateTime));
        var techResult = await technologies.IngestAsync(entries, TechnologySampleGenerator.Source, SamplePublisher, cancellationToken);
        LogSeeded(logger, count, options.Value.Processes, techResult.Stored, clock.GetElapsedTime(started).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded sample data: {Releases} releases of {Processes} processes and {Technologies} technology entries in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int releases, int processes, int technologies, double seconds);
}
