using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>Builds index documents from the store: for the ids the outbox names, or for everything (rebuild).</summary>
public static class IndexDocumentLoader
{
    public static async Task<List<IndexDocument>> LoadAsync(DirectoryDbContext db, string indexName, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (indexName == OpportunityIndex.Schema.Name)
        {
            var rows = await db.Opportunities.Where(o => ids.Contains(o.Ocid)).Select(o => o.DetailJson).ToListAsync(cancellationToken);
            return rows.Select(OpportunityDocument).ToList();
        }
        var entries = await db.Technologies.Where(t => ids.Contains(t.Id)).Select(t => t.Json).ToListAsync(cancellationToken);
        return entries.Select(TechnologyDocument).ToList();
    }

    public static async IAsyncEnumerable<IndexDocument> LoadAllAsync(IServiceScopeFactory scopes, string indexName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset pages on the primary key with a fresh context each: constant memory at a million rows.
        string? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            List<(string Key, string Json)> page;
            if (indexName == OpportunityIndex.Schema.Name)
            {
                page = (await db.Opportunities.Where(o => after == null || string.Compare(o.Ocid, after) > 0).OrderBy(o => o.Ocid).Take(2_000)
                    .Select(o => new { o.Ocid, o.DetailJson }).ToListAsync(cancellationToken)).Select(o => (o.Ocid, o.DetailJson)).ToList();
            }
            else
            {
                page = (await db.Technologies.Where(t => after == null || string.Compare(t.Id, after) > 0).OrderBy(t => t.Id).Take(2_000)
                    .Select(t => new { t.Id, t.Json }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Json)).ToList();
            }
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var (_, json) in page)
            {
                yield return indexName == OpportunityIndex.Schema.Name ? OpportunityDocument(json) : TechnologyDocument(json);
            }
            after = page[^1].Key;
        }
    }

    private static IndexDocument OpportunityDocument(string detailJson) =>
        OpportunityDocuments.ToDocument(JsonSerializer.Deserialize<OpportunityDetail>(detailJson, DirectoryJson.Options)!);

    private static IndexDocument TechnologyDocument(string json) =>
        TechnologyDocuments.ToDocument(JsonSerializer.Deserialize<TechnologyEntry>(json, DirectoryJson.Options)!);
}
