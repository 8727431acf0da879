using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components;
using Thirty3.DirectoryClient;

namespace Thirty3.Web.Shared;

/// <summary>
/// Base of pages that read the directory: an outage becomes a friendly 503 section on the page
/// (see <see cref="DirectoryUnavailable"/>), never a stack trace.
/// </summary>
public abstract partial class DirectoryPage : ComponentBase
{
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] protected IDirectoryApi Api { get; set; } = default!;

    [Inject] protected TimeProvider Clock { get; set; } = default!;

    [Inject] protected ILogger<DirectoryPage> Logger { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected bool Unavailable { get; private set; }

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Runs <paramref name="load"/>; when the directory fails, marks the page unavailable (503) and returns false.</summary>
    protected async Task<bool> TryLoadAsync(Func<CancellationToken, Task> load)
    {
        try
        {
            await load(Aborted);
            return true;
        }
        catch (Exception ex) when (DirectoryErrors.IsUnavailable(ex, Aborted))
        {
            LogUnavailable(Logger, HttpContext?.Request.Path.Value, ex);
            Unavailable = true;
            SetStatus(StatusCodes.Status503ServiceUnavailable);
            HttpContext?.Response.Headers.RetryAfter = "60";
            return false;
        }
    }

    /// <summary>Answers 404 with the site's not-found page (Blazor renders it in place of this page).</summary>
    protected void NotFound() => Navigation.NotFound();

    protected void SetStatus(int statusCode)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = statusCode;
            // The page explains the status itself; status code pages must not replace it.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory unavailable while rendering {Path}")]
    private static partial void LogUnavailable(ILogger logger, string? path, Exception exception);
}
