using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Thirty3.Search.Elasticsearch;

/// <summary>One action of a <c>_bulk</c> request: index <paramref name="Source"/> under <paramref name="Id"/>, or delete it when null.</summary>
internal sealed record BulkOperation(string Index, string Id, JsonObject? Source)
{
    public bool IsDelete => Source is null;
}

/// <summary>
/// Sends <c>_bulk</c> requests and reads every item: the top-level <c>errors</c> flag is not trusted.
/// Items rejected with 429 (a full write queue) are sent again with exponential backoff; items refused
/// for what they are (400 <c>mapper_parsing_exception</c> and other 4xx/5xx) are collected and reported
/// in one <see cref="BulkIndexingException"/> once everything else was applied.
/// </summary>
internal sealed partial class BulkWriter(IElasticsearchApi api, ElasticsearchOptions options, TimeProvider time, ILogger logger)
{
    public async Task ExecuteAsync(IReadOnlyList<BulkOperation> operations, bool refresh, CancellationToken cancellationToken)
    {
        var failures = new List<BulkFailure>();
        foreach (var chunk in operations.Chunk(options.BulkBatchSize))
        {
            failures.AddRange(await ExecuteChunkAsync(chunk, refresh, cancellationToken).ConfigureAwait(false));
        }
        if (failures.Count > 0)
        {
            throw new BulkIndexingException(failures);
        }
    }

    /// <summary>Applies <paramref name="operations"/> and returns the items that could not be applied.</summary>
    internal async Task<List<BulkFailure>> ExecuteChunkAsync(IReadOnlyList<BulkOperation> operations, bool refresh, CancellationToken cancellationToken)
    {
        var failures = new List<BulkFailure>();
        IReadOnlyList<BulkOperation> pending = operations;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            using var content = Ndjson(pending);
            var response = await api.BulkAsync(content, refresh ? "wait_for" : null, cancellationToken).ConfigureAwait(false);
            if (response.Items.Count != pending.Count)
            {
                throw new InvalidOperationException($"_bulk answered {response.Items.Count} items for {pending.Count} actions.");
            }
            var rejected = new List<BulkOperation>();
            for (var i = 0; i < pending.Count; i++)
            {
                var operation = pending[i];
                var item = response.Items[i].Values.FirstOrDefault()
                    ?? throw new InvalidOperationException($"_bulk item {i} is empty.");
                if (item.Status is >= 200 and < 300 || (operation.IsDelete && item.Status == 404 && item.Error is null))
                {
                    // Deleting what is not there is done.
                    continue;
                }
                if (item.Status == 429)
                {
                    rejected.Add(operation);
                    continue;
                }
                failures.Add(Failure(operation, item));
            }
            if (rejected.Count == 0)
            {
                break;
            }
            if (attempt >= options.BulkRetries)
            {
                failures.AddRange(rejected.Select(o => new BulkFailure(o.Id, o.Index, 429, "es_rejected_execution_exception",
                    $"still rejected after {options.BulkRetries} retries")));
                break;
            }
            var delay = options.BulkRetryDelay * Math.Pow(2, attempt);
            LogRetry(logger, rejected.Count, attempt + 1, delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            pending = rejected;
        }
        return failures;
    }

    private static BulkFailure Failure(BulkOperation operation, BulkItem item)
    {
        string? type = null, reason = null;
        if (item.Error is { ValueKind: JsonValueKind.Object } error)
        {
            type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
            reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
            if (error.TryGetProperty("caused_by", out var cause) && cause.ValueKind == JsonValueKind.Object
                && cause.TryGetProperty("reason", out var causeReason))
            {
                reason = $"{reason} ({causeReason.GetString()})";
            }
        }
        else if (item.Error is { ValueKind: JsonValueKind.String } text)
        {
            reason = text.GetString();
        }
        return new BulkFailure(operation.Id, operation.Index, item.Status, type, reason ?? item.Result);
    }

    internal static HttpContent Ndjson(IEnumerable<BulkOperation> operations)
    {
        var body = new StringBuilder();
        foreach (var operation in operations)
        {
            var action = new JsonObject { ["_index"] = operation.Index, ["_id"] = operation.Id };
            body.Append(new JsonObject { [operation.IsDelete ? "delete" : "index"] = action }.ToJsonString()).Append('\n');
            if (operation.Source is not null)
            {
                body.Append(operation.Source.ToJsonString()).Append('\n');
            }
        }
        var content = new StringContent(body.ToString(), Encoding.UTF8);
        // Both Elasticsearch and OpenSearch document application/x-ndjson for _bulk; no compatibility type.
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} bulk items rejected with 429; retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int count, int attempt, TimeSpan delay);
}

/// <summary>One document the cluster refused.</summary>
public sealed record BulkFailure(string Id, string Index, int Status, string? ErrorType, string? Reason);

/// <summary>
/// Some documents were refused (mapping errors, or still rejected after the 429 retries). Every other
/// document of the call was applied; <see cref="Failures"/> lists the refused ones with the reasons.
/// </summary>
public sealed class BulkIndexingException(IReadOnlyList<BulkFailure> failures)
    : Exception(Describe(failures))
{
    public IReadOnlyList<BulkFailure> Failures { get; } = failures;

    private static string Describe(IReadOnlyList<BulkFailure> failures) =>
        $"{failures.Count} document(s) were not indexed: " + string.Join("; ", failures.Take(20).Select(f =>
            $"{f.Id} in {f.Index}: {f.Status} {f.ErrorType} {f.Reason}".TrimEnd())) + (failures.Count > 20 ? "; …" : "");
}
