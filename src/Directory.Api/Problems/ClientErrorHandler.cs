using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Thirty3.DirectoryApi.Ingest;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Search;

namespace Thirty3.DirectoryApi.Problems;

/// <summary>
/// Turns a client's mistakes that surface as exceptions into 4xx problem details, so bad input is
/// never answered with a 500; anything else stays a 500 and is logged.
/// </summary>
public sealed partial class ClientErrorHandler(IProblemDetailsService problems, ILogger<ClientErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, path) = exception switch
        {
            OcdsFormatException e => (400, "The body is not OCDS.", e.Message, e.Path),
            JsonException e => (400, "The body is not valid JSON.", JsonDetail(e), e.Path),
            BatchTooLargeException e => (413, "The batch is too large.", e.Message, null),
            PayloadTooLargeException e => (413, "The request body is too large.", e.Message, null),
            UnsupportedContentTypeException e => (415, "Unsupported content type.", e.Message, null),
            CsvTemplateException e => (400, "The CSV is not the City Tools template.", e.Message, null),
            CsvHelper.CsvHelperException e => (400, "The CSV could not be read.", e.Message.Split('\n')[0], null),
            InvalidSearchRequestException e => (400, "The search is not valid.", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, "The request is not valid.", e.Message, null),
            System.Text.DecoderFallbackException => (400, "The body is not valid UTF-8.", "The request body contains bytes that are not valid UTF-8.", null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request.", "The client went away.", null),
            _ => (0, "", "", null),
        };
        if (status == 0)
        {
            return false;
        }
        LogClientError(logger, status, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        if (path is not null)
        {
            problem.Extensions["path"] = path;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string JsonDetail(JsonException e) =>
        e.LineNumber is { } line ? $"{FirstSentence(e.Message)} (line {line + 1}, byte {e.BytePositionInLine + 1})." : FirstSentence(e.Message);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client error {Status} on {Path}: {Reason}")]
    private static partial void LogClientError(ILogger logger, int status, string path, string reason);
}
