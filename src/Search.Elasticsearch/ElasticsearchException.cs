using System.Net;
using System.Text.Json;

namespace Thirty3.Search.Elasticsearch;

/// <summary>
/// The cluster refused or failed a request. Carries the HTTP status and, when the body is the
/// usual error envelope (<c>{"error":{"type","reason","root_cause":[...]},"status":N}</c>), its type and reason.
/// </summary>
public sealed class ElasticsearchException(HttpStatusCode status, string? errorType, string? reason, string message)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>For example <c>index_not_found_exception</c>, <c>mapper_parsing_exception</c>.</summary>
    public string? ErrorType { get; } = errorType;

    public string? Reason { get; } = reason;

    /// <summary>Reads the error envelope of a failed response into an exception.</summary>
    internal static ElasticsearchException From(HttpStatusCode status, string method, string path, string? body)
    {
        string? type = null, reason = null, rootCause = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.String)
                    {
                        reason = error.GetString();
                    }
                    else if (error.ValueKind == JsonValueKind.Object)
                    {
                        type = Str(error, "type");
                        reason = Str(error, "reason");
                        if (error.TryGetProperty("root_cause", out var causes) && causes.ValueKind == JsonValueKind.Array && causes.GetArrayLength() > 0)
                        {
                            var first = causes[0];
                            var causeType = Str(first, "type");
                            var causeReason = Str(first, "reason");
                            if (causeType != type || causeReason != reason)
                            {
                                rootCause = $"{causeType}: {causeReason}";
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                reason = body.Length > 500 ? body[..500] : body;
            }
        }
        var message = $"{method} {path} failed with {(int)status} {status}"
            + (type is null ? "" : $": {type}")
            + (reason is null ? "" : $": {reason}")
            + (rootCause is null ? "" : $" (root cause {rootCause})");
        return new ElasticsearchException(status, type, reason, message);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
