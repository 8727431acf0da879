using Refit;
using Thirty3.Domain.Technologies;

namespace Thirty3.Connectors.Inventories;

/// <summary>
/// A JSON inventory API a council or supplier can offer (documented in the README):
/// <c>GET /inventory?updatedSince={ISO 8601}&amp;page={1..}&amp;pageSize={n}</c> answers
/// <c>{"items":[{TechnologyEntryInput}], "nextPage": 2 | null}</c>, items using the directory's
/// technology entry fields in camelCase (borough, serviceArea, function, product, supplier, ...).
/// </summary>
public interface IInventoryApi
{
    [Get("/inventory")]
    Task<InventoryPage> GetInventoryAsync(
        [AliasAs("updatedSince")] string? updatedSince,
        [AliasAs("page")] int page,
        [AliasAs("pageSize")] int pageSize,
        CancellationToken cancellationToken);
}

/// <summary>One page of an inventory API.</summary>
public sealed record InventoryPage(IReadOnlyList<TechnologyEntryInput> Items, int? NextPage);
