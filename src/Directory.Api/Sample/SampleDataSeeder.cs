namespace Thirty3.DirectoryApi.Sample;

/// <summary>Placeholder until the sample generator lands.</summary>
public sealed class SampleDataSeeder
{
    public Task SeedIfEmptyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
