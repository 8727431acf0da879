using System.Globalization;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Opportunities;
using Thirty3.Web.Shared;

namespace Thirty3.Web.Opportunities;

/// <summary>The opportunities search as an Atom feed and as a CSV download, same query string as the page.</summary>
public static class OpportunityExportEndpoints
{
    private const int FeedSize = 50;
    private const int CsvPageSize = 100;

    public static IEndpointRouteBuilder MapOpportunityExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/opportunities/feed", FeedAsync).WithName("OpportunitiesFeed").WithSummary("The search as an Atom 1.0 feed.");
        app.MapGet("/opportunities.csv", CsvAsync).WithName("OpportunitiesCsv").WithSummary("The search as CSV, every page up to a cap.");
        return app;
    }

    public static async Task<IResult> FeedAsync(HttpContext context, IDirectoryApi api, TimeProvider clock, CancellationToken cancellationToken)
    {
        var filters = OpportunityFilters.From(context.Request.Query);
        OpportunitySearchResult result;
        try
        {
            result = await api.SearchOpportunitiesAsync(filters.ToApiQuery(FeedSize, defaultSort: OpportunitySorts.Newest), cancellationToken);
        }
        catch (Exception ex) when (DirectoryErrors.IsUnavailable(ex, cancellationToken))
        {
            return Unavailable();
        }

        var site = SiteRoot(context);
        var query = filters.Query.ToString();
        var entries = result.Items.Select(hit =>
        {
            var o = hit.Opportunity;
            var link = new Uri(site, "/opportunities/" + Uri.EscapeDataString(o.Ocid));
            var summary = string.Join(" — ", new[] { o.Buyer?.Name, Format.Stage(o.Stage), o.Deadline is null ? null : "Deadline " + Format.Date(o.Deadline), o.DescriptionExcerpt }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
            return new AtomEntry(link.AbsoluteUri, o.Title, link, o.Updated ?? o.Published ?? clock.GetUtcNow(), o.Published, summary,
                [o.Stage, .. o.Cpv.Select(c => c.Code)]);
        }).ToList();
        var updated = entries.Count == 0 ? clock.GetUtcNow() : entries.Max(e => e.Updated);
        var title = filters.Q is null ? "Thirty3: opportunities" : $"Thirty3: opportunities matching “{filters.Q}”";
        var feed = new AtomFeed(new Uri(site, "/opportunities/feed" + query).AbsoluteUri, title,
            new Uri(site, "/opportunities/feed" + query), new Uri(site, "/opportunities" + query), updated, entries);

        return Results.Stream(stream => AtomFeedWriter.WriteAsync(feed, stream, cancellationToken), AtomFeedWriter.ContentType);
    }

    public static async Task<IResult> CsvAsync(HttpContext context, IDirectoryApi api, IOptions<SiteOptions> options, CancellationToken cancellationToken)
    {
        var filters = OpportunityFilters.From(context.Request.Query);
        var cap = options.Value.CsvRowCap;

        // Fetch the first page before answering, so an outage is a 503 and not a truncated file.
        OpportunitySearchResult first;
        try
        {
            first = await api.SearchOpportunitiesAsync(filters.ToApiQuery(CsvPageSize), cancellationToken);
        }
        catch (Exception ex) when (DirectoryErrors.IsUnavailable(ex, cancellationToken))
        {
            return Unavailable();
        }

        var site = SiteRoot(context);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"opportunities.csv\"";
        return Results.Stream(async stream =>
        {
            await using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            var csv = new CsvWriter(text);
            await csv.WriteRowAsync(Header);
            var written = 0;
            var page = first;
            while (true)
            {
                foreach (var hit in page.Items)
                {
                    if (written >= cap)
                    {
                        return;
                    }
                    await csv.WriteRowAsync(Row(hit.Opportunity, site));
                    written++;
                }
                if (page.NextCursor is null || page.Items.Count == 0 || written >= cap)
                {
                    return;
                }
                page = await api.SearchOpportunitiesAsync(filters.ToApiQuery(CsvPageSize, page.NextCursor), cancellationToken);
            }
        }, "text/csv; charset=utf-8");
    }

    private static readonly string[] Header =
        ["ocid", "title", "stage", "status", "buyer", "buyer_id", "region", "cpv", "value", "currency", "published", "deadline", "contract_end", "sme_suitable", "vcse_suitable", "suppliers", "thirty3_url", "source_url"];

    private static IEnumerable<string?> Row(OpportunitySummary o, Uri site) =>
    [
        o.Ocid, o.Title, o.Stage, o.Status, o.Buyer?.Name, o.Buyer?.Id, o.Region,
        string.Join(' ', o.Cpv.Select(c => c.Code)),
        o.Value?.ToString(CultureInfo.InvariantCulture), o.Currency,
        o.Published?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        o.Deadline?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        o.ContractEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Bool(o.SuitableForSme), Bool(o.SuitableForVcse),
        string.Join("; ", o.Suppliers.Select(s => s.Name)),
        new Uri(site, "/opportunities/" + Uri.EscapeDataString(o.Ocid)).AbsoluteUri,
        o.Link,
    ];

    private static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    private static Uri SiteRoot(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static IResult Unavailable() =>
        Results.Text("The directory is unavailable at the moment. Please try again in a few minutes.\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
}
