using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Thirty3.Connectors.Inventories;
using Thirty3.Connectors.Ocds;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Sources;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Stats;
using Thirty3.Domain.Technologies;

namespace Thirty3.Connectors.Tests.Support;

/// <summary>
/// A directory that records what connectors send it, behaves like the real ingest (per-item results,
/// idempotent by ocid+id) and can be told to fail: a 5xx, a timeout or a crash on a given call.
/// </summary>
public sealed class RecordingDirectory : IDirectoryApi
{
    private readonly ConcurrentDictionary<(string Ocid, string Id), int> _received = new();
    private readonly ConcurrentDictionary<(string Ocid, string Id), string> _stored = new();
    private int _calls;

    /// <summary>Called with the 1-based number of each ingest call before it is processed; return an exception to fail that call.</summary>
    public Func<int, Exception?>? FailOn { get; set; }

    /// <summary>Called after a call was acknowledged (e.g. to cancel the run).</summary>
    public Action<int>? AfterCall { get; set; }

    public int Calls => _calls;
    public ConcurrentQueue<string> Sources { get; } = new();
    public ConcurrentQueue<TechnologyEntryInput> Technologies { get; } = new();
    public ConcurrentQueue<string> CsvFiles { get; } = new();
    public ConcurrentQueue<SourceStatusReport> StatusReports { get; } = new();

    /// <summary>How many times each release (ocid, id) was received in an acknowledged call.</summary>
    public IReadOnlyDictionary<(string Ocid, string Id), int> Received => _received;

    public IReadOnlyDictionary<(string Ocid, string Id), string> Stored => _stored;

    public int Rejected { get; private set; }

    /// <summary>Every acknowledged release whose (ocid, id) arrived more than once.</summary>
    public IEnumerable<(string Ocid, string Id)> Duplicates => _received.Where(kv => kv.Value > 1).Select(kv => kv.Key);

    private Task BeforeAsync(out int call)
    {
        call = Interlocked.Increment(ref _calls);
        return FailOn?.Invoke(call) is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    public async Task<IngestResult> IngestReleasesAsync(HttpContent ocdsJson, string? source, CancellationToken cancellationToken)
    {
        await BeforeAsync(out var call);
        var body = await ocdsJson.ReadAsByteArrayAsync(cancellationToken);
        var page = OcdsPayload.Extract(OcdsPayload.Parse(body));
        var items = new List<IngestItemResult>();
        var index = 0;
        foreach (var node in page.Releases)
        {
            if (node is JsonObject release && release["ocid"]?.ToString() is { Length: > 0 } ocid && release["id"]?.ToString() is { Length: > 0 } id)
            {
                var json = release.ToJsonString();
                var status = !_stored.TryGetValue((ocid, id), out var previous) ? IngestItemStatus.Stored
                    : previous == json ? IngestItemStatus.Unchanged : IngestItemStatus.Updated;
                _stored[(ocid, id)] = json;
                _received.AddOrUpdate((ocid, id), 1, (_, n) => n + 1);
                items.Add(new IngestItemResult(index, ocid, id, status));
            }
            else
            {
                Rejected++;
                items.Add(new IngestItemResult(index, (node as JsonObject)?["ocid"]?.ToString(), null, IngestItemStatus.Rejected,
                    node is JsonObject ? "ocid and id are required" : "a release must be an object", $"$.releases[{index}]"));
            }
            index++;
        }
        Sources.Enqueue(source ?? "");
        AfterCall?.Invoke(call);
        return IngestResult.From(items);
    }

    public async Task<IngestResult> IngestTechnologiesAsync(IReadOnlyList<TechnologyEntryInput> entries, string? source, CancellationToken cancellationToken)
    {
        await BeforeAsync(out var call);
        foreach (var entry in entries)
        {
            Technologies.Enqueue(entry);
        }
        AfterCall?.Invoke(call);
        return IngestResult.From([.. entries.Select((e, i) => new IngestItemResult(i, null, e.Id, IngestItemStatus.Stored))]);
    }

    public async Task<IngestResult> IngestTechnologiesCsvAsync(HttpContent csv, string? source, CancellationToken cancellationToken)
    {
        await BeforeAsync(out var call);
        var bytes = await csv.ReadAsByteArrayAsync(cancellationToken);
        CsvFiles.Enqueue(System.Text.Encoding.UTF8.GetString(bytes));
        var rows = CsvTable.Read(bytes).ToList();
        foreach (var row in rows)
        {
            Technologies.Enqueue(CityToolsTemplate.ToEntry(row, source ?? ""));
        }
        AfterCall?.Invoke(call);
        return IngestResult.From([.. rows.Select((_, i) => new IngestItemResult(i, null, null, IngestItemStatus.Stored))]);
    }

    public Task ReportSourceStatusAsync(string name, SourceStatusReport report, CancellationToken cancellationToken)
    {
        StatusReports.Enqueue(report);
        // As the directory does until it serves this route: the connector must shrug it off.
        throw new HttpRequestException("Not found", null, HttpStatusCode.NotFound);
    }

    public Task<OpportunitySearchResult> SearchOpportunitiesAsync(OpportunitySearchQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Refit.IApiResponse<OpportunityDetail>> GetOpportunityAsync(string ocid, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<TechnologySearchResult> SearchTechnologiesAsync(TechnologySearchQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<TechnologyEntry>> GetPeersAsync(string product, string? function, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<BoroughSummary>> GetBoroughsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Refit.IApiResponse<BoroughStack>> GetBoroughAsync(string gssCode, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Refit.IApiResponse<SupplierFootprint>> GetSupplierFootprintAsync(string? id, string? name, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<DirectoryStats> GetStatsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RetenderCandidate>> GetRetendersAsync(RetenderQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(CoalitionQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
}
