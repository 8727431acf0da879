using Refit;

namespace Thirty3.Connectors.FindATender;

/// <summary>
/// Find a Tender's OCDS release packages by update time. Answers 429/503 with <c>Retry-After</c>;
/// long windows are known to miss releases, so callers walk short windows and page each fully.
/// </summary>
public interface IFindATenderApi
{
    [Get("/api/1.0/ocdsReleasePackages")]
    Task<HttpResponseMessage> GetReleasePackagesAsync(
        [AliasAs("updatedFrom")] string updatedFrom,
        [AliasAs("updatedTo")] string updatedTo,
        [AliasAs("stages")] string? stages,
        [AliasAs("limit")] int limit,
        [AliasAs("cursor")] string? cursor,
        CancellationToken cancellationToken);
}
