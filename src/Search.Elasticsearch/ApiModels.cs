using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thirty3.Search.Elasticsearch;

/// <summary>The answer of <c>GET /</c>.</summary>
public sealed record RootInfo
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("cluster_name")] public string? ClusterName { get; init; }
    [JsonPropertyName("version")] public RootVersion? Version { get; init; }
    [JsonPropertyName("tagline")] public string? Tagline { get; init; }
}

public sealed record RootVersion
{
    [JsonPropertyName("number")] public string? Number { get; init; }
    /// <summary>"opensearch" on OpenSearch; absent on Elasticsearch.</summary>
    [JsonPropertyName("distribution")] public string? Distribution { get; init; }
    [JsonPropertyName("build_flavor")] public string? BuildFlavor { get; init; }
}

public sealed record CountResponse
{
    [JsonPropertyName("count")] public long Count { get; init; }
}

/// <summary>The answer of <c>_bulk</c>: one item per action, in request order.</summary>
public sealed record BulkResponse
{
    [JsonPropertyName("took")] public long Took { get; init; }
    [JsonPropertyName("errors")] public bool Errors { get; init; }
    /// <summary>Each item is an object with one key (index, create, update, delete).</summary>
    [JsonPropertyName("items")] public List<Dictionary<string, BulkItem>> Items { get; init; } = [];
}

public sealed record BulkItem
{
    [JsonPropertyName("_index")] public string? Index { get; init; }
    [JsonPropertyName("_id")] public string? Id { get; init; }
    [JsonPropertyName("status")] public int Status { get; init; }
    [JsonPropertyName("result")] public string? Result { get; init; }
    [JsonPropertyName("error")] public JsonElement? Error { get; init; }
}
