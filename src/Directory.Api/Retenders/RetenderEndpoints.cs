using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Problems;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Retenders;

/// <summary>
/// Contracts coming up for re-tender, and boroughs that could procure together: both read the
/// technology entries' contract dates and the awarded notices' contract periods.
/// </summary>
public static class RetenderEndpoints
{
    private const int MaxCandidates = 1_000;

    public static IEndpointRouteBuilder MapRetenderEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/retenders", RetendersAsync)
            .WithTags("Re-tenders").WithName("GetRetenders")
            .WithSummary("Contracts ending or reaching their maximum extension within a window, with no newer notice yet")
            .WithDescription("From technology entries and awarded notices. A technology entry counts as already re-tendered when its borough has a planning or tender notice published in the last 18 months whose text matches its function or product.");

        routes.MapGet("/api/coalitions", CoalitionsAsync)
            .WithTags("Re-tenders").WithName("GetCoalitions")
            .WithSummary("Boroughs whose contracts for a function (or product) end within a window: candidates to procure together");
        return routes;
    }

    public static async Task<Results<Ok<List<RetenderCandidate>>, ProblemHttpResult>> RetendersAsync(
        [Microsoft.AspNetCore.Http.AsParameters] RetenderQuery query, DirectoryDbContext db, SearchIndexes indexes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var months = query.WithinMonths ?? 12;
        if (months is < 1 or > 120)
        {
            return ProblemResults.BadRequest("'withinMonths' must be between 1 and 120.", "withinMonths");
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var until = today.AddMonths(months);
        var gss = query.Borough is null ? null : LondonBoroughs.Find(query.Borough)?.GssCode ?? query.Borough.ToUpperInvariant();

        var rows = db.Technologies.AsQueryable();
        if (gss is not null)
        {
            rows = rows.Where(t => t.BoroughGss == gss);
        }
        if (!string.IsNullOrWhiteSpace(query.Function))
        {
            rows = rows.Where(t => t.Function == query.Function);
        }
        var entries = (await rows.Where(t => t.ContractEnd != null).Select(t => t.Json).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<TechnologyEntry>(j, DirectoryJson.Options)!)
            .Where(e => EndsWithin(e.ContractEnd, e.ContractMaxExtension, today, until))
            .OrderBy(e => e.ContractEnd)
            .Take(MaxCandidates)
            .ToList();

        var candidates = new List<RetenderCandidate>();
        foreach (var entry in entries)
        {
            if (await HasRecentNoticeAsync(indexes, entry, now, cancellationToken))
            {
                continue;
            }
            candidates.Add(new RetenderCandidate(RetenderKinds.Technology, entry.BoroughGss, entry.BoroughName, entry.ServiceArea, entry.Function, entry.Product, entry.Supplier, entry.ContractEnd!.Value, entry.ContractMaxExtension, null, null, entry.AnnualValue));
        }

        // Awarded notices whose contract ends in the window. They carry no "function", so a function filter leaves them out.
        if (string.IsNullOrWhiteSpace(query.Function))
        {
            var terms = new List<TermsFilter> { new(OpportunityIndex.Stage, [Stages.Award, Stages.Contract]) };
            if (gss is not null)
            {
                terms.Add(new TermsFilter(OpportunityIndex.Buyer, [$"GB-GSS-{gss}"]));
            }
            var awarded = await indexes.Opportunities.SearchAsync(new SearchRequest
            {
                Terms = terms,
                Ranges = [new RangeFilter(OpportunityIndex.ContractEnd, ToMs(today), ToMs(until))],
                Sort = new SortSpec(OpportunityIndex.ContractEnd, Descending: false),
                Size = 500,
                Highlight = false,
            }, cancellationToken);
            foreach (var summary in awarded.Hits.Select(h => JsonSerializer.Deserialize<OpportunitySummary>(h.Summary, DirectoryJson.Options)!))
            {
                var buyerGss = summary.Buyer?.GssCode;
                candidates.Add(new RetenderCandidate(RetenderKinds.Notice, buyerGss ?? summary.Buyer?.Id ?? "", summary.Buyer?.Name ?? "(unknown buyer)", null, null, null,
                    string.Join(", ", summary.Suppliers.Select(s => s.Name)), summary.ContractEnd!.Value, summary.ContractMaxExtension, summary.Ocid, summary.Title, summary.Value));
            }
        }
        return TypedResults.Ok(candidates.OrderBy(c => c.ContractEnd).ThenBy(c => c.BoroughName, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public static async Task<Results<Ok<List<Coalition>>, ProblemHttpResult>> CoalitionsAsync(
        [Microsoft.AspNetCore.Http.AsParameters] CoalitionQuery query, DirectoryDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Function) && string.IsNullOrWhiteSpace(query.Product))
        {
            return ProblemResults.BadRequest("Give a 'function' or a 'product' to find boroughs that could procure it together.", "function");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = query.From ?? today;
        var to = query.To ?? from.AddMonths(24);
        if (to < from)
        {
            return ProblemResults.BadRequest("'to' must not be before 'from'.", "to");
        }
        var rows = db.Technologies.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Function))
        {
            rows = rows.Where(t => t.Function == query.Function);
        }
        if (!string.IsNullOrWhiteSpace(query.Product))
        {
            rows = rows.Where(t => t.Product == query.Product);
        }
        var entries = (await rows.Select(t => t.Json).ToListAsync(cancellationToken))
            .Select(j => JsonSerializer.Deserialize<TechnologyEntry>(j, DirectoryJson.Options)!)
            .Where(e => EndsWithin(e.ContractEnd, e.ContractMaxExtension, from, to))
            .ToList();

        var coalitions = new List<Coalition>();
        foreach (var byFunction in entries.GroupBy(e => e.Function, StringComparer.OrdinalIgnoreCase))
        {
            AddIfShared(byFunction.Key, query.Product, byFunction);
            if (string.IsNullOrWhiteSpace(query.Product))
            {
                // Boroughs on the same product are the strongest case: one specification, one market.
                foreach (var byProduct in byFunction.GroupBy(e => e.Product, StringComparer.OrdinalIgnoreCase))
                {
                    AddIfShared(byFunction.Key, byProduct.Key, byProduct);
                }
            }
        }
        return TypedResults.Ok(coalitions.OrderByDescending(c => c.Boroughs.Count).ThenBy(c => c.Product is null ? 0 : 1).ThenBy(c => c.Function).ToList());

        void AddIfShared(string function, string? product, IEnumerable<TechnologyEntry> group)
        {
            var members = group.GroupBy(e => e.BoroughGss)
                .Select(b => new CoalitionMember(b.Key, b.First().BoroughName, b.OrderBy(e => e.ContractEnd).ToList()))
                .OrderBy(m => m.Entries[0].ContractEnd)
                .ToList();
            if (members.Count >= 2)
            {
                coalitions.Add(new Coalition(function, product, from, to, members));
            }
        }
    }

    private static bool EndsWithin(DateOnly? end, DateOnly? maxExtension, DateOnly from, DateOnly to) =>
        (end is { } e && e >= from && e <= to) || (maxExtension is { } m && m >= from && m <= to);

    private static async Task<bool> HasRecentNoticeAsync(SearchIndexes indexes, TechnologyEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await indexes.Opportunities.SearchAsync(new SearchRequest
        {
            Text = $"\"{entry.Function.Replace("\"", "", StringComparison.Ordinal)}\"",
            Terms = [new TermsFilter(OpportunityIndex.Buyer, [$"GB-GSS-{entry.BoroughGss}"]), new TermsFilter(OpportunityIndex.Stage, [Stages.Planning, Stages.Tender])],
            Ranges = [new RangeFilter(OpportunityIndex.Published, now.AddMonths(-18).ToUnixTimeMilliseconds(), null)],
            Size = 0,
            Highlight = false,
        }, cancellationToken);
        return response.Total > 0;
    }

    private static double ToMs(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
