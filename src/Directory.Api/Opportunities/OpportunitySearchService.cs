using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.DirectoryApi.Opportunities;

/// <summary>Translates the opportunities query string into a backend-neutral search and labels the facets.</summary>
public sealed class OpportunitySearchService(SearchIndexes indexes, DirectoryDbContext db, ICpvLabels cpvLabels, TimeProvider clock, IMemoryCache cache)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Offset paging stops here; deeper pages use the cursor, which costs the same at any depth.</summary>
    public const int MaxOffset = 10_000;
    public const int MaxQueryLength = 500;

    /// <summary>Facet names of the API and the index field each counts.</summary>
    private static readonly (string Name, string Field)[] FacetFields =
    [
        ("stage", OpportunityIndex.Stage),
        ("status", OpportunityIndex.Status),
        ("cpv", OpportunityIndex.CpvDivision),
        ("buyer", OpportunityIndex.Buyer),
        ("region", OpportunityIndex.Region),
        ("sme", OpportunityIndex.Sme),
        ("vcse", OpportunityIndex.Vcse),
        ("noticeType", OpportunityIndex.NoticeType),
        ("legalBasis", OpportunityIndex.LegalBasis),
        ("technique", OpportunityIndex.Technique),
        ("threshold", OpportunityIndex.Threshold),
        ("specialRegime", OpportunityIndex.SpecialRegime),
    ];

    public async Task<OpportunitySearchResult> SearchAsync(OpportunitySearchQuery query, CancellationToken cancellationToken)
    {
        var request = BuildRequest(query, clock.GetUtcNow());
        var response = await indexes.Opportunities.SearchAsync(request, cancellationToken);
        var hits = response.Hits.Select(h => new OpportunityHit(
            JsonSerializer.Deserialize<OpportunitySummary>(h.Summary, DirectoryJson.Options)!,
            h.Score,
            h.Highlights)).ToList();
        var facets = await LabelFacetsAsync(query, response.Facets, cancellationToken);
        return new OpportunitySearchResult(response.Total, query.Page ?? 1, request.Size, hits, facets, response.NextCursor);
    }

    /// <exception cref="InvalidSearchRequestException">A parameter is out of range or names an unknown value.</exception>
    public static SearchRequest BuildRequest(OpportunitySearchQuery query, DateTimeOffset now)
    {
        if (query.Q?.Length > MaxQueryLength)
        {
            throw new InvalidSearchRequestException($"q: at most {MaxQueryLength} characters.");
        }
        var size = query.PageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw new InvalidSearchRequestException($"pageSize: must be between 1 and {MaxPageSize}.");
        }
        var page = query.Page ?? 1;
        if (page < 1)
        {
            throw new InvalidSearchRequestException("page: must be 1 or more.");
        }
        var from = (long)(page - 1) * size;
        if (query.Cursor is null && from + size > MaxOffset)
        {
            throw new InvalidSearchRequestException($"page: offset paging stops at {MaxOffset} results; follow 'nextCursor' to go deeper.");
        }

        var terms = new List<TermsFilter>();
        AddTerms(terms, OpportunityIndex.Stage, query.Stage, Stages.All, "stage");
        AddTerms(terms, OpportunityIndex.Status, query.Status?.Select(s => s.ToLowerInvariant()).ToArray(), null, "status");
        AddTerms(terms, OpportunityIndex.Buyer, query.Buyer, null, "buyer");
        AddTerms(terms, OpportunityIndex.Region, query.Region, null, "region");
        AddCpv(terms, query.Cpv);
        AddTerms(terms, OpportunityIndex.Place, query.Place?.Select(p => p.Trim().ToUpperInvariant()).ToArray(), null, "place");
        AddTerms(terms, OpportunityIndex.NoticeType, query.NoticeType?.Select(t => NoticeTypes.Find(t)?.Code ?? t).ToArray(), null, "noticeType");
        AddTerms(terms, OpportunityIndex.LegalBasis, query.LegalBasis?.Select(b => b.ToLowerInvariant()).ToArray(), null, "legalBasis");
        AddTerms(terms, OpportunityIndex.Threshold, query.Threshold is null ? null : [query.Threshold.ToLowerInvariant()], Thresholds.All, "threshold");
        AddTerms(terms, OpportunityIndex.SpecialRegime, query.SpecialRegime, null, "specialRegime");
        AddTerms(terms, OpportunityIndex.Technique, query.Technique, Techniques.All, "technique");
        AddTerms(terms, OpportunityIndex.Framework, query.Framework is null ? null : [query.Framework], null, "framework");
        if (query.Sme is { } sme)
        {
            terms.Add(new TermsFilter(OpportunityIndex.Sme, [sme ? "true" : "false"]));
        }
        if (query.Vcse is { } vcse)
        {
            terms.Add(new TermsFilter(OpportunityIndex.Vcse, [vcse ? "true" : "false"]));
        }

        var ranges = new List<RangeFilter>();
        if (query.MinValue is not null || query.MaxValue is not null)
        {
            if (query.MinValue > query.MaxValue)
            {
                throw new InvalidSearchRequestException("minValue: must not be more than maxValue.");
            }
            ranges.Add(new RangeFilter(OpportunityIndex.Value, (double?)query.MinValue, (double?)query.MaxValue));
        }
        AddDateRange(ranges, OpportunityIndex.Deadline, query.DeadlineFrom, query.DeadlineTo, "deadline");
        AddDateRange(ranges, OpportunityIndex.Published, query.PublishedFrom, query.PublishedTo, "published");
        if (query.Open == true)
        {
            if (!terms.Any(t => t.Field == OpportunityIndex.Status))
            {
                terms.Add(new TermsFilter(OpportunityIndex.Status, ["active"]));
            }
            ranges.Add(OpenNow(now));
        }

        var hasText = !string.IsNullOrWhiteSpace(query.Q);
        var sort = (query.Sort ?? (hasText ? OpportunitySorts.Relevance : OpportunitySorts.Newest)).ToLowerInvariant() switch
        {
            OpportunitySorts.Relevance => SortSpec.Relevance,
            OpportunitySorts.Newest => new SortSpec(OpportunityIndex.Published, Descending: true),
            OpportunitySorts.ClosingSoonest => new SortSpec(OpportunityIndex.Deadline, Descending: false),
            OpportunitySorts.ValueHighest => new SortSpec(OpportunityIndex.Value, Descending: true),
            OpportunitySorts.ValueLowest => new SortSpec(OpportunityIndex.Value, Descending: false),
            var other => throw new InvalidSearchRequestException($"sort: unknown '{other}'; expected one of {string.Join(", ", OpportunitySorts.All)}."),
        };

        return new SearchRequest
        {
            Text = query.Q,
            Terms = terms,
            Ranges = ranges,
            Facets = FacetFields.Select(f => f.Field).ToList(),
            FacetSize = 50,
            Sort = sort,
            Size = size,
            From = (int)from,
            Cursor = query.Cursor,
            Highlight = hasText,
        };
    }

    /// <summary>
    /// Still taking bids or requests to participate: the deadline that counts (tender period, or the
    /// expression-of-interest deadline where it is the only one) not passed, or a dynamic market still
    /// admitting suppliers. To the minute, so the index can reuse the filter's matches for a minute;
    /// a deadline passed under a minute ago still counts as open.
    /// </summary>
    public static RangeFilter OpenNow(DateTimeOffset now) =>
        new(OpportunityIndex.OpenUntil, now.ToUnixTimeMilliseconds() / 60_000 * 60_000, null);

    private static void AddTerms(List<TermsFilter> terms, string field, string[]? values, IReadOnlyList<string>? allowed, string parameter)
    {
        var cleaned = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        if (cleaned is null || cleaned.Count == 0)
        {
            return;
        }
        if (cleaned.Count > 50 || cleaned.Any(v => v.Length > 200))
        {
            throw new InvalidSearchRequestException($"{parameter}: at most 50 values of at most 200 characters.");
        }
        if (allowed is not null && cleaned.FirstOrDefault(v => !allowed.Contains(v)) is { } unknown)
        {
            throw new InvalidSearchRequestException($"{parameter}: unknown value '{unknown}'; expected one of {string.Join(", ", allowed)}.");
        }
        terms.Add(new TermsFilter(field, cleaned));
    }

    /// <summary>
    /// Divisions filter on the division field, which is also the facet, so picking a second division
    /// widens the results (multi-select); finer codes filter on the hierarchy field, matching descendants.
    /// </summary>
    private static void AddCpv(List<TermsFilter> terms, string[]? codes)
    {
        if (codes is null || codes.Length == 0)
        {
            return;
        }
        var normalised = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => CpvCode.Normalise(c) ?? throw new InvalidSearchRequestException($"cpv: '{c}' is not a CPV code (8 digits, check digit optional).")).Distinct().ToList();
        var divisions = normalised.Where(c => c.TrimEnd('0').Length <= 2).ToList();
        var finer = normalised.Except(divisions).ToList();
        if (divisions.Count > 0)
        {
            terms.Add(new TermsFilter(OpportunityIndex.CpvDivision, divisions));
        }
        if (finer.Count > 0)
        {
            terms.Add(new TermsFilter(OpportunityIndex.Cpv, finer));
        }
    }

    private static void AddDateRange(List<RangeFilter> ranges, string field, DateTimeOffset? from, DateTimeOffset? to, string parameter)
    {
        if (from is null && to is null)
        {
            return;
        }
        if (from > to)
        {
            throw new InvalidSearchRequestException($"{parameter}From: must not be after {parameter}To.");
        }
        ranges.Add(new RangeFilter(field, from?.ToUnixTimeMilliseconds(), to?.ToUnixTimeMilliseconds()));
    }

    /// <summary>
    /// Names of the buyers in a facet. Every search shows up to 50 of them, and they change rarely,
    /// so they are kept a few minutes rather than read from the store on each search.
    /// </summary>
    private async Task<Dictionary<string, string>> BuyerNamesAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (cache.TryGetValue(BuyerNameKey(id), out string? name) && name is not null)
            {
                names[id] = name;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            foreach (var (id, name) in await db.Organisations.Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken))
            {
                names[id] = name;
                cache.Set(BuyerNameKey(id), name, BuyerNameLifetime);
            }
        }
        return names;
    }

    private static readonly TimeSpan BuyerNameLifetime = TimeSpan.FromMinutes(5);

    private static string BuyerNameKey(string id) => $"buyer-name:{id}";

    private async Task<IReadOnlyList<FacetGroup>> LabelFacetsAsync(OpportunitySearchQuery query, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> counts, CancellationToken cancellationToken)
    {
        var buyerIds = counts.GetValueOrDefault(OpportunityIndex.Buyer)?.Select(v => v.Value).ToList() ?? [];
        var buyerNames = await BuyerNamesAsync(buyerIds, cancellationToken);
        var selectedCpv = query.Cpv?.Select(CpvCode.Normalise).Where(c => c is not null).ToHashSet() ?? [];

        var groups = new List<FacetGroup>();
        foreach (var (name, field) in FacetFields)
        {
            var values = counts.GetValueOrDefault(field) ?? [];
            var selected = name switch
            {
                "stage" => query.Stage?.ToHashSet(),
                "status" => query.Status?.ToHashSet(),
                "buyer" => query.Buyer?.ToHashSet(),
                "region" => query.Region?.ToHashSet(),
                "cpv" => selectedCpv!,
                "sme" => query.Sme is { } s ? [s ? "true" : "false"] : null,
                "vcse" => query.Vcse is { } v ? [v ? "true" : "false"] : null,
                "noticeType" => query.NoticeType?.Select(t => NoticeTypes.Find(t)?.Code ?? t).ToHashSet(),
                "legalBasis" => query.LegalBasis?.Select(b => b.ToLowerInvariant()).ToHashSet(),
                "technique" => query.Technique?.ToHashSet(),
                "threshold" => query.Threshold is { } t ? [t.ToLowerInvariant()] : null,
                "specialRegime" => query.SpecialRegime?.ToHashSet(),
                _ => null,
            } ?? [];
            var labelled = values.Select(v => new FacetCount(v.Value, name switch
            {
                "cpv" => cpvLabels.Find(v.Value) is { } label ? $"{v.Value[..2]} {label}" : v.Value,
                "buyer" => buyerNames.GetValueOrDefault(v.Value) ?? v.Value,
                "sme" or "vcse" => v.Value == "true" ? "Suitable" : "Not marked suitable",
                "noticeType" => NoticeTypes.Label(v.Value),
                "legalBasis" => LegalBases.Name(v.Value),
                "technique" => Techniques.Name(v.Value),
                "threshold" => v.Value == Thresholds.Above ? "Above threshold" : "Below threshold",
                "specialRegime" => SpecialRegimes.Name(v.Value),
                _ => v.Value,
            }, v.Count, selected.Contains(v.Value))).ToList();
            // A selected value with no results still shows, so a person can remove it.
            foreach (var missing in selected.Where(s => labelled.All(l => l.Value != s)))
            {
                labelled.Add(new FacetCount(missing, missing, 0, true));
            }
            groups.Add(new FacetGroup(name, labelled));
        }
        return groups;
    }
}
