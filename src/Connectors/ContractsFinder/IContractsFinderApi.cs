using Refit;

namespace Thirty3.Connectors.ContractsFinder;

/// <summary>
/// Contracts Finder's OCDS search. Pages are release packages whose <c>links.next</c> is a full URL
/// carrying the next <c>cursor</c>. Its rate limit answers 403 and wants a pause of minutes.
/// </summary>
public interface IContractsFinderApi
{
    [Get("/Published/Notices/OCDS/Search")]
    Task<HttpResponseMessage> SearchAsync(
        [AliasAs("publishedFrom")] string publishedFrom,
        [AliasAs("publishedTo")] string publishedTo,
        [AliasAs("stages")] string? stages,
        [AliasAs("limit")] int limit,
        [AliasAs("cursor")] string? cursor,
        CancellationToken cancellationToken);
}
