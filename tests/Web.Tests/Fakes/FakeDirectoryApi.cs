using System.Globalization;
using System.Net;
using System.Text;
using Refit;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Sources;
using Thirty3.Domain.Stats;
using Thirty3.Domain.Technologies;

namespace Thirty3.Web.Tests.Fakes;

/// <summary>
/// The directory API in memory over <see cref="FakeData"/>: filters, facets (each counted with
/// the other filters applied), sorts, pages and cursors done simply, enough to drive the site.
/// </summary>
public sealed class FakeDirectoryApi : IDirectoryApi
{
    private readonly IReadOnlyList<OpportunityDetail> _opportunities;
    private readonly IReadOnlyList<TechnologyEntry> _technologies;
    private readonly DateTimeOffset _now;

    public FakeDirectoryApi(IReadOnlyList<OpportunityDetail>? opportunities = null, IReadOnlyList<TechnologyEntry>? technologies = null, DateTimeOffset? now = null)
    {
        _opportunities = opportunities ?? FakeData.Opportunities;
        _technologies = technologies ?? FakeData.Technologies;
        _now = now ?? FakeData.Now;
    }

    private DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public Task<OpportunitySearchResult> SearchOpportunitiesAsync(OpportunitySearchQuery query, CancellationToken cancellationToken)
    {
        var terms = Terms(query.Q);
        var matches = _opportunities.Select(d => d.Summary).Where(o => Matches(o, query, terms, skip: null)).ToList();
        IEnumerable<OpportunitySummary> sorted = query.Sort switch
        {
            OpportunitySorts.Newest => matches.OrderByDescending(o => o.Published),
            OpportunitySorts.ClosingSoonest => matches.OrderBy(o => o.Deadline ?? DateTimeOffset.MaxValue),
            OpportunitySorts.ValueHighest => matches.OrderByDescending(o => o.Value ?? -1),
            OpportunitySorts.ValueLowest => matches.OrderBy(o => o.Value ?? decimal.MaxValue),
            _ => matches.OrderByDescending(o => Score(o, terms)).ThenByDescending(o => o.Published),
        };
        var size = Math.Clamp(query.PageSize ?? 20, 1, 100);
        var offset = query.Cursor is { } cursor
            ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture)
            : ((query.Page ?? 1) - 1) * size;
        var page = sorted.Skip(offset).Take(size).ToList();
        var next = offset + size < matches.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + size).ToString(CultureInfo.InvariantCulture))) : null;
        var hits = page.Select(o => new OpportunityHit(o, Score(o, terms), Highlights(o, terms))).ToList();
        return Task.FromResult(new OpportunitySearchResult(matches.Count, offset / size + 1, size, hits, Facets(query, terms), next));
    }

    public Task<IApiResponse<OpportunityDetail>> GetOpportunityAsync(string ocid, CancellationToken cancellationToken) =>
        Task.FromResult(Response(_opportunities.FirstOrDefault(d => d.Summary.Ocid == ocid)));

    public Task<TechnologySearchResult> SearchTechnologiesAsync(TechnologySearchQuery query, CancellationToken cancellationToken)
    {
        var matches = _technologies
            .Where(t => query.Borough is not { Length: > 0 } || query.Borough.Contains(t.BoroughGss))
            .Where(t => query.Function is not { Length: > 0 } || query.Function.Contains(t.Function, StringComparer.OrdinalIgnoreCase))
            .Where(t => query.Product is not { Length: > 0 } || query.Product.Contains(t.Product, StringComparer.OrdinalIgnoreCase))
            .Where(t => query.Supplier is not { Length: > 0 } || query.Supplier.Contains(t.Supplier, StringComparer.OrdinalIgnoreCase))
            .Where(t => Terms(query.Q).All(term => $"{t.Function} {t.Product} {t.Supplier} {t.BoroughName}".Contains(term, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var size = Math.Clamp(query.PageSize ?? 20, 1, 100);
        var hits = matches.Take(size).Select(t => new TechnologyHit(t, 1, new Dictionary<string, IReadOnlyList<string>>())).ToList();
        FacetGroup Facet(string name, Func<TechnologyEntry, string> key) => new(name, matches.GroupBy(key)
            .Select(g => new FacetCount(g.Key, g.Key, g.Count(), false)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList());
        return Task.FromResult(new TechnologySearchResult(matches.Count, 1, size, hits,
            [Facet("supplier", t => t.Supplier), Facet("product", t => t.Product), Facet("function", t => t.Function), Facet("borough", t => t.BoroughGss)], null));
    }

    public Task<IReadOnlyList<TechnologyEntry>> GetPeersAsync(string product, string? function, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TechnologyEntry>>(_technologies
            .Where(t => string.Equals(t.Product, product, StringComparison.OrdinalIgnoreCase))
            .Where(t => function is null || string.Equals(t.Function, function, StringComparison.OrdinalIgnoreCase))
            .ToList());

    public Task<IReadOnlyList<BoroughSummary>> GetBoroughsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BoroughSummary>>(LondonBoroughs.All.Select(Summary).ToList());

    public Task<IApiResponse<BoroughStack>> GetBoroughAsync(string gssCode, CancellationToken cancellationToken)
    {
        var council = LondonBoroughs.All.FirstOrDefault(c => c.GssCode == gssCode);
        if (council is null)
        {
            return Task.FromResult(Response<BoroughStack>(null));
        }
        var areas = _technologies.Where(t => t.BoroughGss == gssCode)
            .GroupBy(t => t.ServiceArea).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(a => new ServiceAreaGroup(a.Key, a.GroupBy(t => t.Function).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(f => new FunctionGroup(f.Key, f.ToList())).ToList()))
            .ToList();
        return Task.FromResult(Response<BoroughStack>(new BoroughStack(Summary(council), areas, OpenOf(gssCode).ToList())));
    }

    public Task<IApiResponse<SupplierFootprint>> GetSupplierFootprintAsync(string? id, string? name, CancellationToken cancellationToken)
    {
        bool Named(string supplier) => string.Equals(supplier, name, StringComparison.OrdinalIgnoreCase);
        var entries = _technologies.Where(t => Named(t.Supplier) || (id is not null && t.SupplierId == id)).ToList();
        var won = _opportunities.Select(d => d.Summary)
            .Where(o => o.Suppliers.Any(s => Named(s.Name) || s.Id == id))
            .ToList();
        if (entries.Count == 0 && won.Count == 0)
        {
            return Task.FromResult(Response<SupplierFootprint>(null));
        }
        var boroughs = entries.Select(t => t.BoroughGss).Distinct()
            .Select(g => Summary(LondonBoroughs.All.Single(c => c.GssCode == g))).ToList();
        var products = entries.GroupBy(t => (t.Product, t.Function))
            .Select(g => new ProductUse(g.Key.Product, g.Key.Function, g.Select(t => t.BoroughName).Distinct().ToList())).ToList();
        var scale = won.SelectMany(o => o.Suppliers).FirstOrDefault(s => Named(s.Name))?.Scale;
        var footprint = new SupplierFootprint(entries.FirstOrDefault()?.Supplier ?? won[0].Suppliers.First(s => Named(s.Name) || s.Id == id).Name,
            entries.FirstOrDefault()?.SupplierId, scale, boroughs, products,
            won.Select(o => new ContractWon(o.Ocid, o.Title, o.Buyer, o.Value, o.ContractEnd)).ToList());
        return Task.FromResult(Response<SupplierFootprint>(footprint));
    }

    public Task<DirectoryStats> GetStatsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DirectoryStats(
            _opportunities.Count(d => IsOpen(d.Summary)),
            _opportunities.Count,
            _technologies.Select(t => t.BoroughGss).Distinct().Count(),
            _technologies.Count,
            _opportunities.Select(d => d.Summary).OrderByDescending(o => o.Updated).Take(5).ToList()));

    public Task<IReadOnlyList<RetenderCandidate>> GetRetendersAsync(RetenderQuery query, CancellationToken cancellationToken)
    {
        var until = Today.AddMonths(query.WithinMonths ?? 12);
        bool InWindow(DateOnly? end, DateOnly? max) =>
            (end is { } e && e >= Today && e <= until) || (max is { } m && m >= Today && m <= until);
        var technology = _technologies
            .Where(t => InWindow(t.ContractEnd, t.ContractMaxExtension))
            .Where(t => query.Function is null || t.Function.Contains(query.Function, StringComparison.OrdinalIgnoreCase))
            .Where(t => query.Borough is null || t.BoroughGss == query.Borough)
            .Select(t => new RetenderCandidate(RetenderKinds.Technology, t.BoroughGss, t.BoroughName, t.ServiceArea, t.Function, t.Product, t.Supplier,
                t.ContractEnd!.Value, t.ContractMaxExtension, null, null, t.AnnualValue));
        var notices = _opportunities.Select(d => d.Summary)
            .Where(o => o.Stage is Stages.Award or Stages.Contract && o.Buyer?.GssCode is not null && InWindow(o.ContractEnd, o.ContractMaxExtension))
            .Where(o => query.Function is null || o.Title.Contains(query.Function, StringComparison.OrdinalIgnoreCase))
            .Where(o => query.Borough is null || o.Buyer!.GssCode == query.Borough)
            .Select(o => new RetenderCandidate(RetenderKinds.Notice, o.Buyer!.GssCode!, LondonBoroughs.All.Single(c => c.GssCode == o.Buyer.GssCode).Name, null, null, null,
                o.Suppliers.FirstOrDefault()?.Name, o.ContractEnd!.Value, o.ContractMaxExtension, o.Ocid, o.Title, o.Value));
        return Task.FromResult<IReadOnlyList<RetenderCandidate>>(technology.Concat(notices).OrderBy(c => c.ContractEnd).ToList());
    }

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(CoalitionQuery query, CancellationToken cancellationToken)
    {
        var from = query.From ?? Today;
        var to = query.To ?? from.AddMonths(18);
        var coalitions = _technologies
            .Where(t => t.ContractEnd is { } end && end >= from && end <= to)
            .Where(t => query.Function is null || t.Function.Contains(query.Function, StringComparison.OrdinalIgnoreCase))
            .Where(t => query.Product is null || string.Equals(t.Product, query.Product, StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => t.Function)
            .Select(g => new Coalition(g.Key, query.Product, from, to, g.GroupBy(t => (t.BoroughGss, t.BoroughName))
                .Select(b => new CoalitionMember(b.Key.BoroughGss, b.Key.BoroughName, b.ToList())).ToList()))
            .Where(c => c.Boroughs.Count >= 2)
            .ToList();
        return Task.FromResult<IReadOnlyList<Coalition>>(coalitions);
    }

    public Task<IngestResult> IngestReleasesAsync(HttpContent ocdsJson, string? source, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IngestResult> IngestTechnologiesAsync(IReadOnlyList<TechnologyEntryInput> entries, string? source, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IngestResult> IngestTechnologiesCsvAsync(HttpContent csv, string? source, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReportSourceStatusAsync(string name, SourceStatusReport report, CancellationToken cancellationToken) => throw new NotSupportedException();

    private BoroughSummary Summary(Council c) => new(c.GssCode, c.Name, LondonBoroughs.Region,
        _technologies.Count(t => t.BoroughGss == c.GssCode), OpenOf(c.GssCode).Count());

    private IEnumerable<OpportunitySummary> OpenOf(string gss) =>
        _opportunities.Select(d => d.Summary).Where(o => o.Buyer?.GssCode == gss && IsOpen(o));

    private bool IsOpen(OpportunitySummary o) => o.Status == "active" && o.Deadline > _now;

    private static string[] Terms(string? q) =>
        string.IsNullOrWhiteSpace(q) ? [] : q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.Trim('"')).Where(t => t.Length > 0).ToArray();

    private static string Text(OpportunitySummary o) =>
        $"{o.Title} {o.DescriptionExcerpt} {o.Buyer?.Name} {string.Join(' ', o.Cpv.Select(c => c.Label))} {string.Join(' ', o.Suppliers.Select(s => s.Name))}";

    private static double Score(OpportunitySummary o, string[] terms) =>
        terms.Sum(t => o.Title.Contains(t, StringComparison.OrdinalIgnoreCase) ? 4 : 1);

    private bool Matches(OpportunitySummary o, OpportunitySearchQuery q, string[] terms, string? skip)
    {
        static bool Any(string[]? filter, Func<string, bool> match) => filter is not { Length: > 0 } || filter.Any(match);
        return terms.All(t => Text(o).Contains(t, StringComparison.OrdinalIgnoreCase))
            && (skip == "stage" || Any(q.Stage, s => s == o.Stage))
            && (skip == "status" || Any(q.Status, s => s == o.Status))
            && (skip == "cpv" || Any(q.Cpv, c => o.Cpv.Any(x => x.Code.StartsWith(c.TrimEnd('0'), StringComparison.Ordinal))))
            && (skip == "buyer" || Any(q.Buyer, b => b == o.Buyer?.Id))
            && (skip == "region" || Any(q.Region, r => r == o.Region))
            && (q.MinValue is null || o.Value >= q.MinValue)
            && (q.MaxValue is null || o.Value <= q.MaxValue)
            && (q.DeadlineFrom is null || o.Deadline >= q.DeadlineFrom)
            && (q.DeadlineTo is null || o.Deadline <= q.DeadlineTo)
            && (q.PublishedFrom is null || o.Published >= q.PublishedFrom)
            && (q.PublishedTo is null || o.Published <= q.PublishedTo)
            && (q.Sme != true || o.SuitableForSme == true)
            && (q.Vcse != true || o.SuitableForVcse == true)
            && (q.Open != true || IsOpen(o));
    }

    private List<FacetGroup> Facets(OpportunitySearchQuery q, string[] terms)
    {
        FacetGroup Group(string name, string[]? selected, Func<OpportunitySummary, IEnumerable<(string Value, string Label)>> values) =>
            new(name, _opportunities.Select(d => d.Summary).Where(o => Matches(o, q, terms, name))
                .SelectMany(values).GroupBy(v => v.Value)
                .Select(g => new FacetCount(g.Key, g.First().Label, g.Count(), selected?.Contains(g.Key) == true))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList());
        return
        [
            Group("stage", q.Stage, o => [(o.Stage, o.Stage)]),
            Group("status", q.Status, o => o.Status is null ? [] : [(o.Status, o.Status)]),
            Group("cpv", q.Cpv, o => o.Cpv.Select(c => (c.Code, c.Label ?? c.Code))),
            Group("buyer", q.Buyer, o => o.Buyer is null ? [] : [(o.Buyer.Id, o.Buyer.Name)]),
            Group("region", q.Region, o => o.Region is null ? [] : [(o.Region, o.Region)]),
        ];
    }

    /// <summary>Highlights as the real API sends them: HTML-encoded text with &lt;mark&gt; around matched terms.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Highlights(OpportunitySummary o, string[] terms)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (terms.Length == 0)
        {
            return result;
        }
        if (Mark(o.Title, terms) is { } title)
        {
            result["title"] = [title];
        }
        if (o.DescriptionExcerpt is not null && Mark(o.DescriptionExcerpt, terms) is { } description)
        {
            result["description"] = [description];
        }
        return result;
    }

    private static string? Mark(string text, string[] terms)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var marked = encoded;
        foreach (var term in terms)
        {
            var t = WebUtility.HtmlEncode(term);
            var at = marked.IndexOf(t, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                marked = marked[..at] + "<mark>" + marked.Substring(at, t.Length) + "</mark>" + marked[(at + t.Length)..];
            }
        }
        return marked == encoded ? null : marked;
    }

    private static IApiResponse<T> Response<T>(T? content) where T : class =>
        new ApiResponse<T>(new HttpResponseMessage(content is null ? HttpStatusCode.NotFound : HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage() }, content, DirectoryClientRegistration.Settings);
}

/// <summary>A directory that is down: every call fails as the real client would.</summary>
public sealed class UnavailableDirectoryApi : IDirectoryApi
{
    private static Task<T> Fail<T>() => Task.FromException<T>(new HttpRequestException("Connection refused (directory:8080)"));

    public Task<IngestResult> IngestReleasesAsync(HttpContent ocdsJson, string? source, CancellationToken cancellationToken) => Fail<IngestResult>();
    public Task<IngestResult> IngestTechnologiesAsync(IReadOnlyList<TechnologyEntryInput> entries, string? source, CancellationToken cancellationToken) => Fail<IngestResult>();
    public Task<IngestResult> IngestTechnologiesCsvAsync(HttpContent csv, string? source, CancellationToken cancellationToken) => Fail<IngestResult>();
    public Task<OpportunitySearchResult> SearchOpportunitiesAsync(OpportunitySearchQuery query, CancellationToken cancellationToken) => Fail<OpportunitySearchResult>();
    public Task<IApiResponse<OpportunityDetail>> GetOpportunityAsync(string ocid, CancellationToken cancellationToken) => Fail<IApiResponse<OpportunityDetail>>();
    public Task<TechnologySearchResult> SearchTechnologiesAsync(TechnologySearchQuery query, CancellationToken cancellationToken) => Fail<TechnologySearchResult>();
    public Task<IReadOnlyList<TechnologyEntry>> GetPeersAsync(string product, string? function, CancellationToken cancellationToken) => Fail<IReadOnlyList<TechnologyEntry>>();
    public Task<IReadOnlyList<BoroughSummary>> GetBoroughsAsync(CancellationToken cancellationToken) => Fail<IReadOnlyList<BoroughSummary>>();
    public Task<IApiResponse<BoroughStack>> GetBoroughAsync(string gssCode, CancellationToken cancellationToken) => Fail<IApiResponse<BoroughStack>>();
    public Task<IApiResponse<SupplierFootprint>> GetSupplierFootprintAsync(string? id, string? name, CancellationToken cancellationToken) => Fail<IApiResponse<SupplierFootprint>>();
    public Task<DirectoryStats> GetStatsAsync(CancellationToken cancellationToken) => Fail<DirectoryStats>();
    public Task<IReadOnlyList<RetenderCandidate>> GetRetendersAsync(RetenderQuery query, CancellationToken cancellationToken) => Fail<IReadOnlyList<RetenderCandidate>>();
    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(CoalitionQuery query, CancellationToken cancellationToken) => Fail<IReadOnlyList<Coalition>>();
    public Task ReportSourceStatusAsync(string name, SourceStatusReport report, CancellationToken cancellationToken) => Fail<bool>();
}
