using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Thirty3.DirectoryApi.Store;

public static class StoreRegistration
{
    public static IHostApplicationBuilder AddDirectoryStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddDbContextPool<DirectoryDbContext>((services, options) =>
        {
            // Read at first use, not at registration, so test hosts and late configuration apply.
            var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
            var data = services.GetRequiredService<IOptions<DataOptions>>().Value;
            var connectionString = store.ConnectionString ?? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(data.FullPath, "directory.db"),
                Pooling = true,
            }.ToString();
            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(60));
            options.AddInterceptors(new SqlitePragmas());
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        builder.Services.AddSingleton<StoreInitializer>();
        return builder;
    }
}
