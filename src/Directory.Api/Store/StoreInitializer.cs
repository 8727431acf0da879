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
        await db.Database.MigrateAsync(cancellationToken);

        var known = await db.CpvLabels.Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = CpvDivisions.Labels.Where(d => !known.Contains(d.Key)).ToList();
        if (missing.Count > 0)
        {
            db.CpvLabels.AddRange(missing.Select(d => new CpvLabelEntity { Code = d.Key, Label = d.Value, Origin = "seed" }));
            await db.SaveChangesAsync(cancellationToken);
        }
        await foreach (var label in db.CpvLabels.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            labels.Set(label.Code, label.Label);
        }
    }
}
