using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>
/// The write path for technology entries (the City Tools inventory). Validates each entry, upserts
/// it by id and queues it for the index in one transaction.
/// </summary>
public sealed partial class TechnologyIngestService(
    DirectoryDbContext db,
    WriteGate gate,
    IndexSignal signal,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<TechnologyIngestService> logger)
{
    private const int MaxTextLength = 500;

    /// <param name="paths">Where each entry came from, for error reports (a JSON path or a CSV row); defaults to <c>$[i]</c>.</param>
    public async Task<IngestResult> IngestAsync(IReadOnlyList<TechnologyEntryInput?> entries, string source, Publisher publisher, CancellationToken cancellationToken, IReadOnlyList<string>? paths = null)
    {
        if (entries.Count > options.Value.MaxBatchItems)
        {
            throw new BatchTooLargeException(entries.Count, options.Value.MaxBatchItems);
        }
        var results = new IngestItemResult[entries.Count];
        var valid = new List<(int Index, TechnologyEntry Entry, string Json, string Hash)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var path = paths?[i] ?? $"$[{i}]";
            var (entry, problem) = Validate(entries[i], source, path);
            if (entry is null)
            {
                results[i] = new IngestItemResult(i, null, entries[i]?.Id, IngestItemStatus.Rejected, problem!.Value.Reason, problem.Value.Path);
                continue;
            }
            if (!publisher.MayPublishFor($"GB-GSS-{entry.BoroughGss}"))
            {
                results[i] = new IngestItemResult(i, null, entry.Id, IngestItemStatus.Rejected, $"This API key may not publish for council '{entry.BoroughGss}'.", $"{path}.borough");
                WriteAudit.Refused(logger, publisher, $"GB-GSS-{entry.BoroughGss}", $"technology entry {entry.Id} names a council outside the key's scope");
                continue;
            }
            var json = JsonSerializer.Serialize(entry with { LastVerified = entry.LastVerified }, DirectoryJson.Options);
            valid.Add((i, entry, json, Hash(json)));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StoreWriteLock.AcquireAsync(db, cancellationToken);
            var ids = valid.Select(v => v.Entry.Id).Distinct().ToList();
            var existing = new Dictionary<string, TechnologyEntity>();
            foreach (var chunk in ids.Chunk(2_000))
            {
                foreach (var entity in await db.Technologies.AsTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken))
                {
                    existing[entity.Id] = entity;
                }
            }
            foreach (var (index, entry, json, hash) in valid)
            {
                // An entry with an explicit id must not overwrite another council's entry of that id.
                if (existing.TryGetValue(entry.Id, out var owned) && owned.BoroughGss != entry.BoroughGss && !publisher.MayPublishFor($"GB-GSS-{owned.BoroughGss}"))
                {
                    results[index] = new IngestItemResult(index, null, entry.Id, IngestItemStatus.Rejected, $"This API key may not publish for council '{owned.BoroughGss}', whose entry '{entry.Id}' this is.", paths?[index] is { } p ? $"{p}.id" : $"$[{index}].id");
                    WriteAudit.Refused(logger, publisher, $"GB-GSS-{owned.BoroughGss}", $"technology entry {entry.Id} belongs to another council");
                    continue;
                }
                if (existing.TryGetValue(entry.Id, out var entity))
                {
                    if (entity.ContentHash == hash)
                    {
                        results[index] = new IngestItemResult(index, null, entry.Id, IngestItemStatus.Unchanged);
                        continue;
                    }
                    results[index] = new IngestItemResult(index, null, entry.Id, IngestItemStatus.Updated);
                }
                else
                {
                    entity = new TechnologyEntity { Id = entry.Id, BoroughGss = "", Function = "", Product = "", Supplier = "", Json = "", ContentHash = "" };
                    db.Technologies.Add(entity);
                    existing[entry.Id] = entity;
                    results[index] = new IngestItemResult(index, null, entry.Id, IngestItemStatus.Stored);
                }
                entity.BoroughGss = entry.BoroughGss;
                entity.Function = entry.Function;
                entity.Product = entry.Product;
                entity.Supplier = entry.Supplier;
                entity.SupplierId = entry.SupplierId;
                entity.ContractEnd = entry.ContractEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                entity.Json = json;
                entity.ContentHash = hash;
                entity.UpdatedMs = now;
                db.IndexChanges.Add(new IndexChangeEntity { IndexName = TechnologyIndex.Schema.Name, DocumentId = entry.Id, EnqueuedMs = now });
            }
            await db.SaveChangesAsync(cancellationToken);
            await ChangeNotifications.NotifyOnCommitAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        signal.Notify();
        return IngestResult.From(results);
    }

    internal static (TechnologyEntry? Entry, (string Path, string Reason)? Problem) Validate(TechnologyEntryInput? input, string source, string path)
    {
        if (input is null)
        {
            return (null, (path, "Expected a technology entry object."));
        }
        var council = ResolveCouncil(input.Borough);
        if (council is null)
        {
            return (null, ($"{path}.borough", string.IsNullOrWhiteSpace(input.Borough)
                ? "'borough' is required: a GSS code (E09000001..E09000033 for London) or a council's name."
                : $"'borough' '{Cut(input.Borough)}' is neither a GSS code nor a London borough's name."));
        }
        foreach (var (field, value) in new[] { ("serviceArea", input.ServiceArea), ("function", input.Function), ("product", input.Product), ("supplier", input.Supplier) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, ($"{path}.{field}", $"'{field}' is required."));
            }
            if (value.Length > MaxTextLength)
            {
                return (null, ($"{path}.{field}", $"'{field}' is longer than {MaxTextLength} characters."));
            }
        }
        if (input.ContractStart is { } start && input.ContractEnd is { } end && end < start)
        {
            return (null, ($"{path}.contractEnd", $"'contractEnd' ({end:yyyy-MM-dd}) is before 'contractStart' ({start:yyyy-MM-dd})."));
        }
        if (input.ContractEnd is { } end2 && input.ContractMaxExtension is { } max && max < end2)
        {
            return (null, ($"{path}.contractMaxExtension", $"'contractMaxExtension' ({max:yyyy-MM-dd}) is before 'contractEnd' ({end2:yyyy-MM-dd})."));
        }
        if (input.AnnualValue < 0 || input.TotalValue < 0)
        {
            return (null, ($"{path}.{(input.AnnualValue < 0 ? "annualValue" : "totalValue")}", "Values cannot be negative."));
        }
        if (input.Notes?.Length > 4_000)
        {
            return (null, ($"{path}.notes", "'notes' is longer than 4000 characters."));
        }
        var serviceArea = input.ServiceArea!.Trim();
        var function = input.Function!.Trim();
        var product = input.Product!.Trim();
        var supplier = input.Supplier!.Trim();
        var id = string.IsNullOrWhiteSpace(input.Id)
            ? DeriveId(council.Value.Gss, serviceArea, function, product, supplier)
            : input.Id.Trim();
        if (id.Length > 200)
        {
            return (null, ($"{path}.id", "'id' is longer than 200 characters."));
        }
        return (new TechnologyEntry
        {
            Id = id,
            BoroughGss = council.Value.Gss,
            BoroughName = council.Value.Name,
            ServiceArea = serviceArea,
            Function = function,
            Product = product,
            Supplier = supplier,
            SupplierId = string.IsNullOrWhiteSpace(input.SupplierId) ? null : input.SupplierId.Trim(),
            ContractStart = input.ContractStart,
            ContractEnd = input.ContractEnd,
            ContractMaxExtension = input.ContractMaxExtension,
            AnnualValue = input.AnnualValue,
            TotalValue = input.TotalValue,
            Hosting = string.IsNullOrWhiteSpace(input.Hosting) ? null : input.Hosting.Trim().ToLowerInvariant(),
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            Source = string.IsNullOrWhiteSpace(input.Source) ? source : input.Source.Trim(),
            LastVerified = input.LastVerified,
        }, null);
    }

    /// <summary>London boroughs by code or name; other UK councils by GSS code (E06–E10, W06, S12, N09).</summary>
    private static (string Gss, string Name)? ResolveCouncil(string? borough)
    {
        if (LondonBoroughs.Find(borough) is { } london)
        {
            return (london.GssCode, london.Name);
        }
        var code = borough?.Trim().ToUpperInvariant();
        return code is not null && GssCode().IsMatch(code) ? (code, code) : null;
    }

    /// <summary>The same line of an inventory sent twice gets the same id, so re-imports update instead of duplicating.</summary>
    public static string DeriveId(string gss, string serviceArea, string function, string product, string supplier)
    {
        var key = string.Join('|', gss, serviceArea, function, product, supplier).ToLowerInvariant();
        return $"{gss}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]}";
    }

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static string Cut(string s) => s.Length <= 60 ? s : s[..60] + "…";

    [GeneratedRegex("^(E0[6-9]|E10|W06|S12|N09)[0-9]{6}$")]
    private static partial Regex GssCode();
}
