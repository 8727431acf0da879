using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thirty3.Domain.Search;
using Thirty3.Search.Conformance;

namespace Thirty3.Search.Elasticsearch.Tests;

/// <summary>
/// The backend-neutral suite against a live Elasticsearch or OpenSearch node named by
/// <c>THIRTY3_TEST_ELASTICSEARCH_URL</c> (optionally <c>THIRTY3_TEST_ELASTICSEARCH_API_KEY</c>, or
/// <c>_USERNAME</c>/<c>_PASSWORD</c>, and <c>_CA_CERTIFICATE</c>), or in a container started with
/// Testcontainers where Docker runs (<see cref="ElasticsearchNode"/>). Without either every test is skipped, saying why.
/// Each index gets its own prefix and is deleted afterwards.
/// </summary>
public sealed class ElasticsearchSearchIndexConformanceTests : SearchIndexConformanceTests
{
    internal const string NoCluster = "no Elasticsearch: set THIRTY3_TEST_ELASTICSEARCH_URL or run where Docker is available";

    private readonly List<ElasticsearchSearchIndex> indexes = [];
    private ServiceProvider? provider;

    protected override ISearchIndex CreateIndex(IndexSchema schema)
    {
        var (url, whyNot) = ElasticsearchNode.Get();
        Skip.If(url is null, whyNot ?? NoCluster);
        provider ??= BuildProvider(url!);
        var options = provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
        var isolated = new ElasticsearchOptions
        {
            Url = options.Url,
            IndexPrefix = $"thirty3-test-{Guid.NewGuid():N}"[..26],
            NumberOfReplicas = 0,
            BulkRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        var index = new ElasticsearchSearchIndex(
            provider.GetRequiredService<IElasticsearchApi>(), isolated, TimeProvider.System, NullLogger.Instance, schema);
        indexes.Add(index);
        return index;
    }

    private static ServiceProvider BuildProvider(string url)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Elasticsearch:Url"] = url,
            ["Elasticsearch:ApiKey"] = Environment.GetEnvironmentVariable("THIRTY3_TEST_ELASTICSEARCH_API_KEY"),
            ["Elasticsearch:Username"] = Environment.GetEnvironmentVariable("THIRTY3_TEST_ELASTICSEARCH_USERNAME"),
            ["Elasticsearch:Password"] = Environment.GetEnvironmentVariable("THIRTY3_TEST_ELASTICSEARCH_PASSWORD"),
            ["Elasticsearch:CaCertificatePath"] = Environment.GetEnvironmentVariable("THIRTY3_TEST_ELASTICSEARCH_CA_CERTIFICATE"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddElasticsearchSearch(configuration).BuildServiceProvider();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && provider is not null)
        {
            var api = provider.GetRequiredService<IElasticsearchApi>();
            foreach (var index in indexes)
            {
                foreach (var concrete in index.AliasIndexesAsync(CancellationToken.None).GetAwaiter().GetResult())
                {
                    api.DeleteIndexAsync(concrete, CancellationToken.None).GetAwaiter().GetResult();
                }
            }
            provider.Dispose();
        }
        base.Dispose(disposing);
    }
}
