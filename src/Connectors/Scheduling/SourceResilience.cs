using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Thirty3.Connectors.Scheduling;

/// <summary>
/// The HTTP resilience pipeline of one source: retries with exponential backoff and jitter that honour
/// <c>Retry-After</c> (seconds or HTTP date), a circuit breaker, and a timeout per attempt. Contracts
/// Finder signals its rate limit with 403, which is retried after <see cref="SourceOptions.RateLimitPause"/>.
/// </summary>
public static class SourceResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, string source, SourceOptions options, bool forbiddenIsRateLimit, TimeProvider time, ILogger logger)
    {
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromMinutes(30),
            ShouldRetryAfterHeader = false, // handled below, together with the 403 pause
            ShouldHandle = args => ValueTask.FromResult(
                options.MaxRetries > 0
                && (HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    || (forbiddenIsRateLimit && args.Outcome.Result?.StatusCode == HttpStatusCode.Forbidden))),
            DelayGenerator = args =>
            {
                if (args.Outcome.Result is { } response)
                {
                    if (forbiddenIsRateLimit && response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        ConnectorLog.RateLimited(logger, source, options.RateLimitPause);
                        return ValueTask.FromResult<TimeSpan?>(options.RateLimitPause);
                    }
                    if (RetryAfter.TryGet(response, time.GetUtcNow(), out var wait))
                    {
                        return ValueTask.FromResult<TimeSpan?>(wait);
                    }
                }
                return ValueTask.FromResult<TimeSpan?>(null); // the exponential backoff with jitter
            },
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(30),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
    }
}

/// <summary>Reads <c>Retry-After</c> as delta-seconds or as an HTTP date.</summary>
public static class RetryAfter
{
    public static bool TryGet(HttpResponseMessage response, DateTimeOffset now, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            wait = delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            return true;
        }
        if (header?.Date is { } date)
        {
            wait = date > now ? date - now : TimeSpan.Zero;
            return true;
        }
        return false;
    }
}
