using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Thirty3.DirectoryApi.Store;

public static class StoreRegistration
{
    public static IHostApplicationBuilder AddDirectoryStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var store = builder.Configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
        builder.Services.AddDbContextPool<DirectoryDbContext>(options =>
        {
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
