using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.Domain.Cpv;

namespace Thirty3.DirectoryApi.Store;

/// <summary>Creates the data folder, applies migrations and seeds the CPV divisions, once at start-up.</summary>
public sealed class StoreInitializer(IServiceScopeFactory scopes, IOptions<DataOptions> data, CpvLabelCache labels)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data.Value.FullPath);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        // EF Core takes a database-wide migration lock, so instances starting together apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);

        // Instances starting together would both insert the seed: serialise like any writer.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreWriteLock.AcquireAsync(db, cancellationToken);
        var known = await db.CpvLabels.Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = CpvDivisions.Labels.Where(d => !known.Contains(d.Key)).ToList();
        if (missing.Count > 0)
        {
            db.CpvLabels.AddRange(missing.Select(d => new CpvLabelEntity { Code = d.Key, Label = d.Value, Origin = "seed" }));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await foreach (var label in db.CpvLabels.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            labels.Set(label.Code, label.Label);
        }
    }
}
