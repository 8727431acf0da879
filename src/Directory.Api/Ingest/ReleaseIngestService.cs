using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>
/// The one write path for notices. Validates each release, stores it with its process compiled
/// again, and queues the process for the index, all in one transaction: when this returns, what it
/// reports as stored is durable, and will reach the index even if the process dies next.
/// </summary>
public sealed partial class ReleaseIngestService(
    DirectoryDbContext db,
    WriteGate gate,
    CpvLabelCache labels,
    IndexSignal signal,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ReleaseIngestService> logger)
{
    public async Task<IngestResult> IngestAsync(JsonNode? payload, string source, Publisher publisher, CancellationToken cancellationToken)
    {
        var (_, items) = OcdsPayload.Read(payload);
        if (items.Count > options.Value.MaxBatchItems)
        {
            throw new BatchTooLargeException(items.Count, options.Value.MaxBatchItems);
        }

        var results = new IngestItemResult?[items.Count];
        var rejections = new List<RejectionEntity>();
        var accepted = new List<(int Index, NormalisedRelease Release, string Json, string Hash)>();
        foreach (var item in items)
        {
            var (release, problem) = ReleaseNormaliser.Normalise(item);
            if (release is null)
            {
                Reject(item.Index, null, null, problem!.Path, problem.Reason, item.Node);
                continue;
            }
            var json = release.Json.ToJsonString();
            accepted.Add((item.Index, release, json, Hash(json)));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StoreWriteLock.AcquireAsync(db, cancellationToken);
            var ocids = accepted.Select(a => a.Release.Ocid).Distinct().ToList();
            var stored = await LoadInChunks(ocids, chunk => db.Releases.AsTracking().Where(r => chunk.Contains(r.Ocid)), cancellationToken);
            var byKey = stored.ToDictionary(r => (r.Ocid, r.ReleaseId));
            var opportunities = (await LoadInChunks(ocids, chunk => db.Opportunities.AsTracking().Where(o => chunk.Contains(o.Ocid)), cancellationToken))
                .ToDictionary(o => o.Ocid);
            var changed = new HashSet<string>();
            // Releases of this batch are compiled from the objects already parsed, not re-read from their JSON.
            var fresh = new Dictionary<(string Ocid, string Id), NormalisedRelease>();

            foreach (var (index, release, json, hash) in accepted)
            {
                var owner = opportunities.GetValueOrDefault(release.Ocid)?.BuyerId;
                var buyer = BuyerOf(release.Json) ?? owner;
                if (!publisher.MayPublishFor(buyer))
                {
                    Reject(index, release.Ocid, release.Id, $"{items[index].Path}.buyer", $"This API key may not publish notices for buyer '{buyer ?? "(none named)"}'.", items[index].Node, forbidden: true);
                    WriteAudit.Refused(logger, publisher, buyer, $"notice {release.Ocid} names a buyer outside the key's scope");
                    continue;
                }
                // A release naming an allowed buyer must not take over a process another buyer published.
                if (owner is not null && !publisher.MayPublishFor(owner))
                {
                    Reject(index, release.Ocid, release.Id, $"{items[index].Path}.ocid", $"This API key may not publish notices for buyer '{owner}', whose process '{release.Ocid}' this is.", items[index].Node, forbidden: true);
                    WriteAudit.Refused(logger, publisher, owner, $"notice {release.Ocid} updates a process of another buyer");
                    continue;
                }
                if (byKey.TryGetValue((release.Ocid, release.Id), out var existing))
                {
                    if (existing.ContentHash == hash)
                    {
                        results[index] = new IngestItemResult(index, release.Ocid, release.Id, IngestItemStatus.Unchanged);
                        continue;
                    }
                    existing.Json = json;
                    existing.ContentHash = hash;
                    existing.DateMs = release.Date.ToUnixTimeMilliseconds();
                    existing.Tags = string.Join(',', release.Tags);
                    existing.Source = source;
                    existing.ReceivedMs = now;
                    results[index] = new IngestItemResult(index, release.Ocid, release.Id, IngestItemStatus.Updated);
                    fresh[(release.Ocid, release.Id)] = release;
                }
                else
                {
                    var entity = new ReleaseEntity
                    {
                        Ocid = release.Ocid,
                        ReleaseId = release.Id,
                        DateMs = release.Date.ToUnixTimeMilliseconds(),
                        Tags = string.Join(',', release.Tags),
                        Json = json,
                        ContentHash = hash,
                        Source = source,
                        ReceivedMs = now,
                    };
                    db.Releases.Add(entity);
                    byKey[(release.Ocid, release.Id)] = entity;
                    results[index] = new IngestItemResult(index, release.Ocid, release.Id, IngestItemStatus.Stored);
                    fresh[(release.Ocid, release.Id)] = release;
                }
                changed.Add(release.Ocid);
            }

            if (changed.Count > 0)
            {
                await CompileAsync(changed, byKey.Values, fresh, opportunities, now, cancellationToken);
            }
            db.Rejections.AddRange(rejections);
            await db.SaveChangesAsync(cancellationToken);
            await ChangeNotifications.NotifyOnCommitAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        signal.Notify();

        var final = IngestResult.From(results.Select((r, i) => r ?? new IngestItemResult(i, null, null, IngestItemStatus.Rejected, "Not processed.")).ToList());
        LogIngested(logger, source, publisher.Name, final.Stored, final.Updated, final.Unchanged, final.Rejected);
        return final;

        void Reject(int index, string? ocid, string? id, string path, string reason, JsonNode? node, bool forbidden = false)
        {
            results[index] = new IngestItemResult(index, ocid, id, IngestItemStatus.Rejected, reason, path);
            rejections.Add(new RejectionEntity
            {
                AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                Source = source,
                Ocid = ocid,
                ItemId = id,
                Path = path,
                Reason = forbidden ? $"[forbidden, key {publisher.KeyId}] {reason}" : reason,
                Payload = Truncate(node?.ToJsonString(), options.Value.MaxRejectedPayloadChars),
                PublisherName = publisher.Name,
            });
        }
    }

    private async Task CompileAsync(HashSet<string> changed, IEnumerable<ReleaseEntity> releases, Dictionary<(string Ocid, string Id), NormalisedRelease> fresh, Dictionary<string, OpportunityEntity> opportunities, long now, CancellationToken cancellationToken)
    {
        var compiledOrganisations = new Dictionary<string, (OrganisationRef Ref, bool Buyer)>();
        var learned = new Dictionary<string, string>();
        foreach (var process in releases.Where(r => changed.Contains(r.Ocid)).GroupBy(r => r.Ocid))
        {
            var stored = process.Select(e => fresh.TryGetValue((e.Ocid, e.ReleaseId), out var release) ? new StoredRelease(release, e.Source) : ToStored(e)).ToList();
            var compiled = OpportunityCompiler.Compile(stored, labels);
            var summary = compiled.Detail.Summary;
            if (!opportunities.TryGetValue(process.Key, out var entity))
            {
                entity = new OpportunityEntity { Ocid = process.Key, Title = "", Stage = "", DetailJson = "", CompiledJson = "" };
                db.Opportunities.Add(entity);
                opportunities[process.Key] = entity;
            }
            entity.Title = summary.Title;
            entity.Stage = summary.Stage;
            entity.Status = summary.Status;
            entity.BuyerId = summary.Buyer?.Id;
            entity.UpdatedMs = summary.Updated?.ToUnixTimeMilliseconds() ?? now;
            entity.DeadlineMs = summary.Deadline?.ToUnixTimeMilliseconds();
            entity.ReleaseCount = stored.Count;
            entity.DetailJson = JsonSerializer.Serialize(compiled.Detail, DirectoryJson.Options);
            entity.CompiledJson = compiled.CompiledRelease.ToJsonString();

            foreach (var organisation in compiled.Organisations)
            {
                var isBuyer = organisation.Id == summary.Buyer?.Id;
                compiledOrganisations[organisation.Id] = (organisation, isBuyer || (compiledOrganisations.TryGetValue(organisation.Id, out var seen) && seen.Buyer));
            }
            foreach (var (code, label) in compiled.CpvLabelsSeen)
            {
                if (labels.Find(code) is null)
                {
                    learned.TryAdd(code, label);
                }
            }
            db.IndexChanges.Add(new IndexChangeEntity { IndexName = OpportunityIndex.Schema.Name, DocumentId = process.Key, EnqueuedMs = now });
        }

        var ids = compiledOrganisations.Keys.ToList();
        var existing = (await LoadInChunks(ids, chunk => db.Organisations.AsTracking().Where(o => chunk.Contains(o.Id)), cancellationToken)).ToDictionary(o => o.Id);
        foreach (var (id, (reference, isBuyer)) in compiledOrganisations)
        {
            if (!existing.TryGetValue(id, out var organisation))
            {
                organisation = new OrganisationEntity { Id = id, Name = reference.Name };
                db.Organisations.Add(organisation);
            }
            organisation.Name = reference.Name;
            organisation.GssCode ??= reference.GssCode;
            organisation.Scale = reference.Scale ?? organisation.Scale;
            organisation.IsBuyer |= isBuyer;
            organisation.IsSupplier |= !isBuyer;
            organisation.UpdatedMs = now;
        }

        if (learned.Count > 0)
        {
            var codes = learned.Keys.ToList();
            var known = (await LoadInChunks(codes, chunk => db.CpvLabels.Where(c => chunk.Contains(c.Code)), cancellationToken)).Select(c => c.Code).ToHashSet();
            foreach (var (code, label) in learned.Where(l => !known.Contains(l.Key)))
            {
                db.CpvLabels.Add(new CpvLabelEntity { Code = code, Label = label, Origin = "notice" });
                labels.Learn(code, label);
            }
        }
    }

    internal static StoredRelease ToStored(ReleaseEntity entity)
    {
        var json = (JsonObject)JsonNode.Parse(entity.Json)!;
        var release = new NormalisedRelease(entity.Ocid, entity.ReleaseId, DateTimeOffset.FromUnixTimeMilliseconds(entity.DateMs), entity.Tags.Split(','), json, false);
        return new StoredRelease(release, entity.Source);
    }

    private static string? BuyerOf(JsonObject release)
    {
        if (release["buyer"] is not JsonObject buyer)
        {
            return null;
        }
        var buyerId = buyer["id"]?.ToString();
        var party = (release["parties"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => buyerId is not null && p["id"]?.ToString() == buyerId);
        return OrganisationIds.Resolve(buyer, party).Id;
    }

    /// <summary>SQLite allows ~32k parameters per statement; big batches are read in slices.</summary>
    private static async Task<List<T>> LoadInChunks<T>(IReadOnlyList<string> keys, Func<List<string>, IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        foreach (var chunk in keys.Chunk(2_000))
        {
            result.AddRange(await query([.. chunk]).ToListAsync(cancellationToken));
        }
        return result;
    }

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested releases from {Source} with key {Publisher}: {Stored} stored, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
    private static partial void LogIngested(ILogger logger, string source, string publisher, int stored, int updated, int unchanged, int rejected);
}

/// <summary>More items than one request may carry.</summary>
public sealed class BatchTooLargeException(int count, int max) : Exception($"The batch has {count} items; at most {max} are accepted per request. Split it.");
