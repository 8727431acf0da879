namespace Thirty3.DirectoryClient;

/// <summary>Adds the publisher API key to every request, so callers never handle the header themselves.</summary>
public sealed class ApiKeyHandler(string apiKey) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Remove(HeaderName);
            request.Headers.Add(HeaderName, apiKey);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
