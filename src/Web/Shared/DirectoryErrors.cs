using Polly;
using Refit;

namespace Thirty3.Web.Shared;

/// <summary>Which failures of the directory client mean "the directory is unavailable" to a visitor.</summary>
public static class DirectoryErrors
{
    /// <summary>
    /// True for transport failures, error responses, timeouts and an open circuit; false for a
    /// visitor who went away (<paramref name="requestAborted"/>), which is no outage.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        HttpRequestException => true,
        ApiException => true,
        ExecutionRejectedException => true,
        TimeoutException => true,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };
}
