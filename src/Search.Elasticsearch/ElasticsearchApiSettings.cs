using System.Text.Json;
using Refit;

namespace Thirty3.Search.Elasticsearch;

/// <summary>Refit settings shared by the registered client and tests: System.Text.Json and error envelopes as <see cref="ElasticsearchException"/>.</summary>
public static class ElasticsearchApiSettings
{
    public static RefitSettings Create() => new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
    {
        ExceptionFactory = async response =>
        {
            if (response.IsSuccessStatusCode)
            {
                return null;
            }
            var body = response.Content is null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var request = response.RequestMessage;
            return ElasticsearchException.From(response.StatusCode, request?.Method.Method ?? "?", request?.RequestUri?.PathAndQuery ?? "?", body);
        },
    };
}
