using System.Net;
using System.Text.Json.Nodes;
using Thirty3.Connectors.Scheduling;

namespace Thirty3.Connectors.Ocds;

/// <summary>
/// Fetches one upstream page and checks it is well-formed JSON. HTTP faults are retried by the
/// source's resilience pipeline; a 2xx whose body is truncated is retried here, and if it stays
/// broken the run fails so the checkpoint stays where it was.
/// </summary>
public sealed class PageFetcher(TimeProvider time, ILogger<PageFetcher> logger)
{
    public async Task<JsonNode> FetchAsync(SourceRun run, string what, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await send(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(response.StatusCode, $"{run.Name}: {what} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            try
            {
                return OcdsPayload.Parse(body);
            }
            catch (MalformedPayloadException ex) when (attempt < run.Options.MalformedPageAttempts)
            {
                ConnectorLog.MalformedPage(logger, run.Name, what, attempt, ex.Message);
                await Task.Delay(run.Options.RetryBaseDelay * attempt, time, cancellationToken);
            }
        }
    }
}

/// <summary>The upstream answered with a failure after the resilience pipeline gave up.</summary>
public sealed class UpstreamException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
