namespace Thirty3.Connectors.OcdsFeed;

/// <summary>
/// Reads pages of any OCDS publisher's release- or record-package feed. Feeds name their next page by a
/// full, opaque URL (<c>links.next</c>), which a Refit route template cannot express, so this one client
/// is a plain typed <see cref="HttpClient"/> with the same per-source resilience pipeline.
/// </summary>
public sealed class OcdsFeedClient(HttpClient http)
{
    public Task<HttpResponseMessage> GetPageAsync(Uri url, CancellationToken cancellationToken)
        => http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
}
