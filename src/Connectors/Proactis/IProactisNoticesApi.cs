using Refit;

namespace Thirty3.Connectors.Proactis;

/// <summary>
/// The notices API of Proactis-hosted portals (Public Contracts Scotland, Sell2Wales): all notices of
/// one type published in one month, as OCDS (<c>outputType=0</c>). Releases there carry no <c>id</c>.
/// </summary>
public interface IProactisNoticesApi
{
    /// <param name="dateFrom">The month, as <c>MM-yyyy</c>.</param>
    /// <param name="noticeType">The portal's notice type code.</param>
    [Get("/v1/Notices?outputType=0")]
    Task<HttpResponseMessage> GetNoticesAsync(
        [AliasAs("dateFrom")] string dateFrom,
        [AliasAs("noticeType")] int noticeType,
        CancellationToken cancellationToken);
}
