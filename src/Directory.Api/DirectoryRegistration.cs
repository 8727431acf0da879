using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Admin;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Boroughs;
using Thirty3.DirectoryApi.Cpv;
using Thirty3.DirectoryApi.Idempotency;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.DirectoryApi.Limits;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Retenders;
using Thirty3.DirectoryApi.Sample;
using Thirty3.DirectoryApi.Sources;
using Thirty3.DirectoryApi.Stats;
using Thirty3.DirectoryApi.Store;
using Thirty3.DirectoryApi.Suppliers;
using Thirty3.DirectoryApi.Technologies;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Search.Elasticsearch;
using Thirty3.Search.Lucene;

namespace Thirty3.DirectoryApi;

public static class DirectoryRegistration
{
    /// <summary>Everything the directory API needs: store, search backend, projection, ingest, auth and OpenAPI.</summary>
    public static IHostApplicationBuilder AddDirectory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddDirectoryStore();
        AddSearchBackend(builder);

        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CpvLabelCache>();
        services.AddSingleton<ICpvLabels>(sp => sp.GetRequiredService<CpvLabelCache>());
        services.AddSingleton<WriteGate>();
        services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IndexSignal>();
        services.AddSingleton<IndexHealth>();
        services.AddSingleton<SearchIndexes>();
        services.AddSingleton<IndexProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexProjector>());
        services.AddHostedService<PostgresChangeListener>();
        services.AddHostedService<DirectoryStartup>();
        services.AddScoped<ReleaseIngestService>();
        services.AddScoped<StoreBulkWriter>();
        services.AddScoped<TechnologyIngestService>();
        services.AddScoped<OpportunitySearchService>();
        services.AddScoped<TechnologySearchService>();
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<IdempotencyStore>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CpvImporter>();
        services.AddScoped<SampleDataSeeder>();

        services.AddDirectoryAuth();
        services.AddDirectoryRateLimits();
        services.AddProblemDetails();
        services.AddExceptionHandler<ClientErrorHandler>();
        services.Configure<JsonOptions>(options => DirectoryJson.Configure(options.SerializerOptions));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<IndexHealth>("index", tags: ["ready"]);
        return builder;
    }

    /// <summary>The embedded Lucene index lives in the data folder unless configured elsewhere.</summary>
    private static void AddSearchBackend(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchBackendOptions>().BindConfiguration(SearchBackendOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Choosing which services exist has to happen now; everything they read is bound lazily.
        if (string.Equals(builder.Configuration[$"{SearchBackendOptions.SectionName}:Backend"], SearchBackendOptions.Elasticsearch, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddElasticsearchSearch(builder.Configuration);
            return;
        }
        builder.Services.AddLuceneSearch(builder.Configuration);
        builder.Services.AddOptions<LuceneOptions>().PostConfigure<IOptions<DataOptions>>((lucene, data) =>
        {
            if (string.IsNullOrWhiteSpace(lucene.IndexPath))
            {
                lucene.IndexPath = Path.Combine(data.Value.FullPath, "index");
            }
        });
    }

    /// <summary>Maps every feature's endpoints, the OpenAPI document and its reference page.</summary>
    public static WebApplication MapDirectory(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication so requests are counted per key; before authorisation so a flood of refused requests is limited too.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi();
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, "/docs");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");

        app.MapIngestEndpoints();
        app.MapOpportunityEndpoints();
        app.MapTechnologyEndpoints();
        app.MapBoroughEndpoints();
        app.MapSupplierEndpoints();
        app.MapStatsEndpoints();
        app.MapCpvEndpoints();
        app.MapAdminEndpoints();
        app.MapRetenderEndpoints();
        app.MapSourceEndpoints();
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        return app;
    }
}
