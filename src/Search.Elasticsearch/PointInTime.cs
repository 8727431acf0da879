using System.Text.Json;
using System.Text.Json.Nodes;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// Opens and closes points in time with the endpoints of the product at hand: Elasticsearch
/// <c>POST /{index}/_pit</c> → <c>{"id"}</c>, <c>DELETE /_pit {"id"}</c>; OpenSearch
/// <c>POST /{index}/_search/point_in_time</c> → <c>{"pit_id"}</c>, <c>DELETE /_search/point_in_time {"pit_id":[...]}</c>.
/// </summary>
public sealed class PointInTime(IElasticsearchApi api, ClusterInfo cluster)
{
    public async Task<string> OpenAsync(string index, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        var keep = $"{Math.Max(1, (int)Math.Ceiling(keepAlive.TotalSeconds))}s";
        if (cluster.Product == SearchProduct.OpenSearch)
        {
            var os = await api.OpenPointInTimeOpenSearchAsync(index, keep, cancellationToken).ConfigureAwait(false);
            return Read(os, "pit_id");
        }
        var es = await api.OpenPointInTimeElasticsearchAsync(index, keep, cancellationToken).ConfigureAwait(false);
        return Read(es, "id");
    }

    /// <summary>Closes <paramref name="id"/>; true when the cluster freed it (false when it had already expired).</summary>
    public async Task<bool> CloseAsync(string id, CancellationToken cancellationToken)
    {
        if (cluster.Product == SearchProduct.OpenSearch)
        {
            var os = await api.ClosePointInTimeOpenSearchAsync(new JsonObject { ["pit_id"] = new JsonArray(id) }, cancellationToken).ConfigureAwait(false);
            return os.TryGetProperty("pits", out var pits) && pits.ValueKind == JsonValueKind.Array
                && pits.EnumerateArray().Any(p => p.TryGetProperty("successful", out var ok) && ok.ValueKind == JsonValueKind.True);
        }
        var es = await api.ClosePointInTimeElasticsearchAsync(new JsonObject { ["id"] = id }, cancellationToken).ConfigureAwait(false);
        return es.TryGetProperty("succeeded", out var succeeded) && succeeded.ValueKind == JsonValueKind.True
            && es.TryGetProperty("num_freed", out var freed) && freed.GetInt32() > 0;
    }

    private static string Read(JsonElement response, string property) =>
        response.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new InvalidOperationException($"The point-in-time response has no \"{property}\".");
}
