using Thirty3.DirectoryApi.Sample;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi;

/// <summary>
/// Prepares the store before the server takes requests (migrations, CPV seed) and, when asked,
/// loads sample data through the same ingest services that the API uses.
/// </summary>
public sealed class DirectoryStartup(StoreInitializer store, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SampleDataOptions> sample) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!sample.Value.Seed)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
