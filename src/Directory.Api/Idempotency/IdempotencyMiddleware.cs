using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.DirectoryApi.Problems;

namespace Thirty3.DirectoryApi.Idempotency;

/// <summary>Marks an endpoint whose requests may carry an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentWriteAttribute : Attribute;

/// <summary>
/// Pushes sent with an <c>Idempotency-Key</c> header (per API key): the same key and request get
/// the first answer again (same status and body, with <c>Idempotent-Replayed: true</c>); the same
/// key with another request is refused (422). Duplicates arriving together on one instance wait for
/// the first and get its answer; on another instance they are told to retry (409, Retry-After).
/// Answers of 5xx and 429, and requests that throw, are not kept: the client's retry is processed.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InFlight = new();

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store, IOptions<IngestOptions> limits)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWriteAttribute>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } apiKeyId)
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "The Idempotency-Key is not valid.", $"Send one {HeaderName} of 1 to {MaxKeyLength} printable characters.");
            return;
        }
        var cancellationToken = context.RequestAborted;
        var requestHash = await BufferAndHashAsync(context.Request, limits.Value, cancellationToken);

        // Duplicates on this instance queue behind the first instead of being turned away.
        var gate = InFlight.GetOrAdd($"{apiKeyId}\n{key}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var claim = await store.ClaimAsync(apiKeyId, key, requestHash, cancellationToken);
            switch (claim.Outcome)
            {
                case ClaimOutcome.Replay:
                    var record = claim.Record!;
                    context.Response.StatusCode = record.StatusCode!.Value;
                    context.Response.Headers[ReplayedHeader] = "true";
                    if (record.ContentType is not null)
                    {
                        context.Response.ContentType = record.ContentType;
                    }
                    await context.Response.WriteAsync(record.ResponseBody ?? "", cancellationToken);
                    return;
                case ClaimOutcome.Mismatch:
                    LogMismatch(logger, apiKeyId, key);
                    await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.", $"Key '{key}' was first sent with a different request; use a new key for a new request.");
                    return;
                case ClaimOutcome.InProgress:
                    context.Response.Headers.RetryAfter = "1";
                    await WriteProblemAsync(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress.", "Retry after it has been answered to get its result.");
                    return;
            }
            await ProcessAndRememberAsync(context, store, apiKeyId, key, cancellationToken);
        }
        finally
        {
            gate.Release();
            // Drop the gate once nobody waits on it; a late arrival that took it just makes a new one.
            if (gate.CurrentCount == 1)
            {
                InFlight.TryRemove(new KeyValuePair<string, SemaphoreSlim>($"{apiKeyId}\n{key}", gate));
            }
        }
    }

    private async Task ProcessAndRememberAsync(HttpContext context, IdempotencyStore store, string apiKeyId, string key, CancellationToken cancellationToken)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(apiKeyId, key, CancellationToken.None);
            throw;
        }
        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests)
        {
            await store.ReleaseAsync(apiKeyId, key, CancellationToken.None);
        }
        else
        {
            // Stored before the client sees the answer: a client that saw it can always get it again.
            await store.CompleteAsync(apiKeyId, key, status, context.Response.ContentType, Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length), CancellationToken.None);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, cancellationToken);
    }

    /// <summary>Reads the body (within the ingest size limit) so it can be hashed and then read again by the endpoint.</summary>
    private static async Task<string> BufferAndHashAsync(HttpRequest request, IngestOptions limits, CancellationToken cancellationToken)
    {
        RequestBodies.AllowConfiguredSize(request, limits);
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            throw new PayloadTooLargeException(limits.MaxBodyBytes);
        }
        var body = new MemoryStream();
        await new LengthLimitedStream(request.Body, limits.MaxBodyBytes).CopyToAsync(body, cancellationToken);
        body.Position = 0;
        request.Body = body;
        request.HttpContext.Response.RegisterForDispose(body);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.ContentType}\n"));
        hash.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key {Key} of API key {KeyId} was reused for a different request")]
    private static partial void LogMismatch(ILogger logger, string keyId, string key);
}
