using System.Text.Json;
using System.Text.Json.Nodes;
using Refit;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// The REST API of Elasticsearch 8/9 and OpenSearch 2/3, as far as the search backend uses it.
/// Bodies are plain <c>application/json</c> (NDJSON for <c>_bulk</c>): OpenSearch refuses the
/// Elasticsearch compatibility media types, and both accept plain JSON.
/// </summary>
/// <remarks>Failures surface as <see cref="ElasticsearchException"/> (see <see cref="ElasticsearchApiSettings"/>).</remarks>
[Headers("Accept: application/json")]
public interface IElasticsearchApi
{
    /// <summary>Cluster name and version; tells Elasticsearch from OpenSearch.</summary>
    [Get("/")]
    Task<RootInfo> GetRootAsync(CancellationToken cancellationToken);

    /// <summary>Creates an index with settings (analysis), mappings and aliases.</summary>
    [Put("/{index}")]
    Task CreateIndexAsync(string index, [Body] JsonObject body, CancellationToken cancellationToken);

    [Delete("/{index}")]
    Task DeleteIndexAsync(string index, CancellationToken cancellationToken);

    /// <summary>Indexes the alias points to, keyed by index name; 404 when the alias does not exist.</summary>
    [Get("/_alias/{alias}")]
    Task<Dictionary<string, JsonElement>> GetAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>Applies alias actions atomically (remove + add in one request).</summary>
    [Post("/_aliases")]
    Task UpdateAliasesAsync([Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>NDJSON bulk request; <paramref name="refresh"/> "wait_for" makes the changes visible before returning.</summary>
    [Post("/_bulk")]
    Task<BulkResponse> BulkAsync([Body] HttpContent body, [AliasAs("refresh")] string? refresh, CancellationToken cancellationToken);

    [Post("/{index}/_search")]
    Task<JsonElement> SearchAsync(string index, [Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>Search over a point in time (the body names it, the path names no index).</summary>
    [Post("/_search")]
    Task<JsonElement> SearchPointInTimeAsync([Body] JsonObject body, CancellationToken cancellationToken);

    [Get("/{index}/_count")]
    Task<CountResponse> CountAsync(string index, CancellationToken cancellationToken);

    [Post("/{index}/_refresh")]
    Task RefreshAsync(string index, CancellationToken cancellationToken);

    /// <summary>Elasticsearch: opens a point in time; the response is <c>{"id": ...}</c>.</summary>
    [Post("/{index}/_pit")]
    Task<JsonElement> OpenPointInTimeElasticsearchAsync(string index, [AliasAs("keep_alive")] string keepAlive, CancellationToken cancellationToken);

    /// <summary>Elasticsearch: closes a point in time; the body is <c>{"id": ...}</c>.</summary>
    [Delete("/_pit")]
    Task<JsonElement> ClosePointInTimeElasticsearchAsync([Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>OpenSearch: opens a point in time; the response is <c>{"pit_id": ...}</c>.</summary>
    [Post("/{index}/_search/point_in_time")]
    Task<JsonElement> OpenPointInTimeOpenSearchAsync(string index, [AliasAs("keep_alive")] string keepAlive, CancellationToken cancellationToken);

    /// <summary>OpenSearch: closes points in time; the body is <c>{"pit_id": [...]}</c>.</summary>
    [Delete("/_search/point_in_time")]
    Task<JsonElement> ClosePointInTimeOpenSearchAsync([Body] JsonObject body, CancellationToken cancellationToken);
}
