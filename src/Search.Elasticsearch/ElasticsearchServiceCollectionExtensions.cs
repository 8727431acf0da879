using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

public static class ElasticsearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Elasticsearch/OpenSearch backend as the <see cref="ISearchIndexFactory"/>:
    /// <see cref="ElasticsearchOptions"/> bound from the "Elasticsearch" section and validated at start,
    /// the <see cref="IElasticsearchApi"/> Refit client with auth, CA trust and a resilience pipeline,
    /// and the "elasticsearch" health check. Sends nothing: the first request goes out on first use.
    /// </summary>
    public static IServiceCollection AddElasticsearchSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElasticsearchOptions>()
            .Bind(configuration.GetSection(ElasticsearchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddRefitGeneratedClient<IElasticsearchApi>(_ => ElasticsearchApiSettings.Create())
            .ConfigureHttpClient((sp, client) => Configure(client, sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(sp => PrimaryHandler(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value))
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value.RequestTimeoutSeconds);
                // Each attempt gets the configured timeout; the whole call covers the retries too.
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 4;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2 > TimeSpan.FromSeconds(30) ? timeout * 2 : TimeSpan.FromSeconds(30);
                // Every request this backend sends is idempotent (index by id, delete by id, searches, alias
                // swaps that name both sides), so retrying a POST or PUT is safe; Retry-After is honoured.
            });

        services.AddSingleton<ElasticsearchSearchIndexFactory>();
        services.AddSingleton<ISearchIndexFactory>(sp => sp.GetRequiredService<ElasticsearchSearchIndexFactory>());
        services.AddHealthChecks().AddCheck<ElasticsearchHealthCheck>("elasticsearch", tags: ["ready"]);
        return services;
    }

    internal static void Configure(HttpClient client, ElasticsearchOptions options)
    {
        client.BaseAddress = new Uri(options.Url.EndsWith('/') ? options.Url : options.Url + "/");
        // The resilience pipeline owns timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    internal static HttpMessageHandler PrimaryHandler(ElasticsearchOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CertificateAuthority.Validator(CertificateAuthority.Load(options.CaCertificatePath));
        }
        return handler;
    }
}
