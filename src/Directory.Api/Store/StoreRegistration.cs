using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Thirty3.DirectoryApi.Store;

public static class StoreRegistration
{
    public static IHostApplicationBuilder AddDirectoryStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !o.IsPostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), "Store:ConnectionString is required when Store:Provider is PostgreSql.")
            .ValidateOnStart();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Both providers are registered; the configured one is picked when a context is first asked
        // for, not at registration, so test hosts and late configuration apply. Neither opens a
        // connection until used.
        builder.Services.AddDbContextPool<SqliteDirectoryDbContext>((services, options) =>
        {
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
        builder.Services.AddDbContextPool<PostgresDirectoryDbContext>((services, options) =>
        {
            var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
            options.UseNpgsql(store.ConnectionString, npgsql => npgsql.CommandTimeout(60));
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        builder.Services.AddScoped<DirectoryDbContext>(services =>
            services.GetRequiredService<IOptions<StoreOptions>>().Value.IsPostgreSql
                ? services.GetRequiredService<PostgresDirectoryDbContext>()
                : services.GetRequiredService<SqliteDirectoryDbContext>());
        builder.Services.AddSingleton<StoreInitializer>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return builder;
    }
}
