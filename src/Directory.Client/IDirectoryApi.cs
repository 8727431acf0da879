using Refit;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Sources;
using Thirty3.Domain.Stats;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryClient;

/// <summary>
/// Typed client of the directory's HTTP API, used by the web site and the connectors. Writes need
/// a publisher API key (sent as <c>X-Api-Key</c> by <see cref="ApiKeyHandler"/>).
/// </summary>
public interface IDirectoryApi
{
    /// <summary>Ingests an OCDS release package, record package, release array or single release (raw JSON).</summary>
    [Post("/api/ingest/releases")]
    Task<IngestResult> IngestReleasesAsync([Body] HttpContent ocdsJson, [Query] string? source, CancellationToken cancellationToken);

    /// <summary>Ingests a batch of technology entries.</summary>
    [Post("/api/ingest/technologies")]
    Task<IngestResult> IngestTechnologiesAsync([Body] IReadOnlyList<TechnologyEntryInput> entries, [Query] string? source, CancellationToken cancellationToken);

    /// <summary>Ingests a City Tools template CSV.</summary>
    [Post("/api/ingest/technologies/csv")]
    Task<IngestResult> IngestTechnologiesCsvAsync([Body] HttpContent csv, [Query] string? source, CancellationToken cancellationToken);

    [Get("/api/opportunities")]
    Task<OpportunitySearchResult> SearchOpportunitiesAsync([Query(CollectionFormat.Multi)] OpportunitySearchQuery query, CancellationToken cancellationToken);

    [Get("/api/opportunities/{ocid}")]
    Task<IApiResponse<OpportunityDetail>> GetOpportunityAsync(string ocid, CancellationToken cancellationToken);

    [Get("/api/technologies")]
    Task<TechnologySearchResult> SearchTechnologiesAsync([Query(CollectionFormat.Multi)] TechnologySearchQuery query, CancellationToken cancellationToken);

    /// <summary>Who else uses <paramref name="product"/> (optionally for <paramref name="function"/>).</summary>
    [Get("/api/technologies/peers")]
    Task<IReadOnlyList<TechnologyEntry>> GetPeersAsync([Query] string product, [Query] string? function, CancellationToken cancellationToken);

    [Get("/api/boroughs")]
    Task<IReadOnlyList<BoroughSummary>> GetBoroughsAsync(CancellationToken cancellationToken);

    [Get("/api/boroughs/{gssCode}")]
    Task<IApiResponse<BoroughStack>> GetBoroughAsync(string gssCode, CancellationToken cancellationToken);

    /// <summary>A supplier's footprint, by directory id or by name.</summary>
    [Get("/api/suppliers/footprint")]
    Task<IApiResponse<SupplierFootprint>> GetSupplierFootprintAsync([Query] string? id, [Query] string? name, CancellationToken cancellationToken);

    [Get("/api/stats")]
    Task<DirectoryStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Contracts (technology entries and awarded notices) ending or reaching their maximum extension within the window, with no newer notice yet.</summary>
    [Get("/api/retenders")]
    Task<IReadOnlyList<RetenderCandidate>> GetRetendersAsync([Query] RetenderQuery query, CancellationToken cancellationToken);

    /// <summary>For a function or product and a window, the boroughs whose contracts end within it, grouped as candidate coalitions.</summary>
    [Get("/api/coalitions")]
    Task<IReadOnlyList<Coalition>> GetCoalitionsAsync([Query] CoalitionQuery query, CancellationToken cancellationToken);

    /// <summary>Reports a connector source's status after a run (404 until the API serves it; callers tolerate failure).</summary>
    [Put("/api/sources/{name}/status")]
    Task ReportSourceStatusAsync(string name, [Body] SourceStatusReport report, CancellationToken cancellationToken);
}
