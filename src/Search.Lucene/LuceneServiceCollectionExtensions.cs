using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene;

public static class LuceneServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Lucene backend as the <see cref="ISearchIndexFactory"/>, with
    /// <see cref="LuceneOptions"/> bound from <paramref name="configuration"/>'s "Lucene" section and
    /// validated at start. Opens nothing: indexes open when the factory is first asked.
    /// </summary>
    public static IServiceCollection AddLuceneSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LuceneOptions>()
            .Bind(configuration.GetSection(LuceneOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LuceneSearchIndexFactory>();
        services.AddSingleton<ISearchIndexFactory>(sp => sp.GetRequiredService<LuceneSearchIndexFactory>());
        return services;
    }
}
