using System.Text.Json;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Technologies;

/// <summary>Translates the technologies query string into a backend-neutral search.</summary>
public sealed class TechnologySearchService(SearchIndexes indexes)
{
    private static readonly (string Name, string Field)[] FacetFields =
    [
        ("serviceArea", TechnologyIndex.ServiceArea),
        ("function", TechnologyIndex.Function),
        ("supplier", TechnologyIndex.Supplier),
        ("product", TechnologyIndex.Product),
        ("borough", TechnologyIndex.Borough),
        ("contractEndYear", TechnologyIndex.ContractEndYear),
        ("hosting", TechnologyIndex.Hosting),
    ];

    public async Task<TechnologySearchResult> SearchAsync(TechnologySearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Q?.Length > 500)
        {
            throw new InvalidSearchRequestException("q: at most 500 characters.");
        }
        var size = query.PageSize ?? 20;
        var page = query.Page ?? 1;
        if (size is < 1 or > 200 || page < 1 || (query.Cursor is null && (long)page * size > 10_000))
        {
            throw new InvalidSearchRequestException("page/pageSize: pageSize 1..200, page 1 or more, offset paging up to 10,000 results (follow 'nextCursor' beyond).");
        }
        var terms = new List<TermsFilter>();
        Add(TechnologyIndex.Borough, query.Borough?.Select(b => LondonBoroughs.Find(b)?.GssCode ?? b).ToArray());
        Add(TechnologyIndex.ServiceArea, query.ServiceArea);
        Add(TechnologyIndex.Function, query.Function);
        Add(TechnologyIndex.Supplier, query.Supplier);
        Add(TechnologyIndex.Product, query.Product);
        Add(TechnologyIndex.ContractEndYear, query.ContractEndYear);
        Add(TechnologyIndex.Hosting, query.Hosting);

        var hasText = !string.IsNullOrWhiteSpace(query.Q);
        var sort = (query.Sort ?? (hasText ? "relevance" : "contract_end")).ToLowerInvariant() switch
        {
            "relevance" => SortSpec.Relevance,
            "contract_end" => new SortSpec(TechnologyIndex.ContractEnd, Descending: false),
            "value" => new SortSpec(TechnologyIndex.AnnualValue, Descending: true),
            var other => throw new InvalidSearchRequestException($"sort: unknown '{other}'; expected relevance, contract_end or value."),
        };
        var response = await indexes.Technologies.SearchAsync(new SearchRequest
        {
            Text = query.Q,
            Terms = terms,
            Facets = FacetFields.Select(f => f.Field).ToList(),
            FacetSize = 100,
            Sort = sort,
            Size = size,
            From = (page - 1) * size,
            Cursor = query.Cursor,
            Highlight = hasText,
        }, cancellationToken);

        var selected = new Dictionary<string, string[]?>
        {
            ["serviceArea"] = query.ServiceArea,
            ["function"] = query.Function,
            ["supplier"] = query.Supplier,
            ["product"] = query.Product,
            ["borough"] = query.Borough,
            ["contractEndYear"] = query.ContractEndYear,
            ["hosting"] = query.Hosting,
        };
        var facets = FacetFields.Select(f => new FacetGroup(f.Name, (response.Facets.GetValueOrDefault(f.Field) ?? [])
            .Select(v => new FacetCount(v.Value, f.Name == "borough" ? LondonBoroughs.FindByGss(v.Value)?.Name ?? v.Value : v.Value, v.Count, selected[f.Name]?.Contains(v.Value) == true))
            .ToList())).ToList();
        var hits = response.Hits.Select(h => new TechnologyHit(JsonSerializer.Deserialize<TechnologyEntry>(h.Summary, DirectoryJson.Options)!, h.Score, h.Highlights)).ToList();
        return new TechnologySearchResult(response.Total, page, size, hits, facets, response.NextCursor);

        void Add(string field, string[]? values)
        {
            var cleaned = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
            if (cleaned is { Count: > 0 })
            {
                if (cleaned.Count > 50 || cleaned.Any(v => v.Length > 200))
                {
                    throw new InvalidSearchRequestException($"{field}: at most 50 values of at most 200 characters.");
                }
                terms.Add(new TermsFilter(field, cleaned));
            }
        }
    }
}
