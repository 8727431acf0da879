using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;
using Thirty3.Domain;

namespace Thirty3.DirectoryClient;

public static class DirectoryClientRegistration
{
    /// <summary>The Refit settings matching the API's JSON conventions.</summary>
    public static RefitSettings Settings { get; } = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(DirectoryJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web))),
        UrlParameterFormatter = IsoDates(),
    };

    /// <summary>Dates in query strings as ISO 8601, not the invariant culture's month-first form.</summary>
    private static DefaultUrlParameterFormatter IsoDates()
    {
        var formatter = new DefaultUrlParameterFormatter();
        formatter.AddFormat<DateOnly>("yyyy-MM-dd");
        formatter.AddFormat<DateTimeOffset>("O");
        return formatter;
    }

    /// <summary>Registers <see cref="IDirectoryApi"/> with options from section "Directory" and the standard resilience pipeline.</summary>
    public static IHttpClientBuilder AddDirectoryClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryClientOptions>()
            .Bind(configuration.GetSection(DirectoryClientOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var builder = services.AddRefitGeneratedClient<IDirectoryApi>(Settings)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<DirectoryClientOptions>>().Value;
                client.BaseAddress = options.BaseAddress;
                // The resilience pipeline owns timeouts; HttpClient's own would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new ApiKeyHandler(sp.GetRequiredService<IOptions<DirectoryClientOptions>>().Value.ApiKey ?? ""));
        builder.AddStandardResilienceHandler();
        return builder;
    }
}
