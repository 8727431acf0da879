using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch;

/// <summary>Opens the alias-backed index of a schema; nothing is sent to the cluster until the index is first used.</summary>
public sealed class ElasticsearchSearchIndexFactory(
    IElasticsearchApi api,
    IOptions<ElasticsearchOptions> options,
    TimeProvider time,
    ILoggerFactory? loggerFactory = null) : ISearchIndexFactory
{
    public ISearchIndex Open(IndexSchema schema) => OpenIndex(schema);

    public ElasticsearchSearchIndex OpenIndex(IndexSchema schema) =>
        new(api, options.Value, time, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ElasticsearchSearchIndex>(), schema);

    /// <summary>Which product and version answers; decides the point-in-time endpoints.</summary>
    public async Task<ClusterInfo> DetectAsync(CancellationToken cancellationToken) =>
        ClusterInfo.From(await api.GetRootAsync(cancellationToken).ConfigureAwait(false));
}
