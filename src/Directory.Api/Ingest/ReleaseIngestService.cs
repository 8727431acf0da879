using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Indexing;
using Thirty3.DirectoryApi.Store;
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
    StoreBulkWriter bulk,
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

        var rejections = new List<RejectionEntity>();
        var refused = new List<IngestItemResult>();
        var accepted = new List<AcceptedRelease>();
        foreach (var item in items)
        {
            NormalisedRelease? release;
            ReleaseProblem? problem;
            string? json = null;
            try
            {
                (release, problem) = ReleaseNormaliser.Normalise(item);
                json = release?.Json.ToJsonString();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // System.Text.Json parses these lazily and throws on first use: refuse this item, keep the batch.
                (release, problem) = (null, new ReleaseProblem(item.Path, UnreadableReason(e)));
            }
            if (release is null)
            {
                refused.Add(new IngestItemResult(item.Index, null, null, IngestItemStatus.Rejected, problem!.Reason, problem.Path));
                rejections.Add(Rejection(null, null, problem.Path, problem.Reason, item.Node));
                continue;
            }
            accepted.Add(new AcceptedRelease(item.Index, item.Path, item.Node, release, json!, Hash(json!)));
        }

        var ocids = accepted.Select(a => a.Release.Ocid).Distinct().ToList();
        // Planned outside the write gate from a snapshot: compiling and serialising are most of the
        // CPU work of a batch, and done here they run while another batch commits. Inside the gate
        // the snapshot is checked against the store; if a concurrent write touched these processes,
        // the plan is made again from what the store holds then.
        async Task<IngestPlan> PlanAsync(CancellationToken ct)
        {
            var snapshot = await ReadSnapshotAsync(ocids, ct);
            return IngestPlan.Make(accepted, items.Count, snapshot, source, publisher, labels, await ReadAliasesAsync(accepted.Select(a => a.Release.Json), snapshot, ct));
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var plan = await CommitAsync(await PlanAsync(cancellationToken), ocids, PlanAsync, async committing =>
        {
            foreach (var refusal in committing.Rejections)
            {
                WriteAudit.Refused(logger, publisher, refusal.Buyer, refusal.AuditReason);
                committing.Results[refusal.Index] = new IngestItemResult(refusal.Index, refusal.Ocid, refusal.ReleaseId, IngestItemStatus.Rejected, refusal.Reason, refusal.Path);
                rejections.Add(Rejection(refusal.Ocid, refusal.ReleaseId, refusal.Path, $"[forbidden, key {publisher.KeyId}] {refusal.Reason}", refusal.Node));
            }
            await WriteReleasesAsync(committing, source, now, cancellationToken);
            if (committing.Opportunities.Count > 0)
            {
                await WriteOpportunitiesAsync(committing, now, cancellationToken);
            }
            db.Rejections.AddRange(rejections);
        }, cancellationToken);

        foreach (var result in refused)
        {
            plan.Results[result.Index] = result;
        }
        var final = IngestResult.From(plan.Results.Select((r, i) => r ?? new IngestItemResult(i, null, null, IngestItemStatus.Rejected, "Not processed.")).ToList());
        LogIngested(logger, source, publisher.Name, final.Stored, final.Updated, final.Unchanged, final.Rejected);
        return final;

        RejectionEntity Rejection(string? ocid, string? id, string path, string reason, JsonNode? node) => new()
        {
            AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            Source = source,
            Ocid = ocid,
            ItemId = id,
            Path = path,
            Reason = reason,
            Payload = Truncate(SafeJson(node), options.Value.MaxRejectedPayloadChars),
            PublisherName = publisher.Name,
        };
    }

    /// <summary>
    /// Compiles every stored process again from its releases and queues it for the index, a page of
    /// processes per transaction, so opportunities stored by an older compiler read what the current
    /// one reads. Releases are not touched. Returns how many processes were compiled.
    /// </summary>
    public async Task<int> RecompileAllAsync(CancellationToken cancellationToken, int pageSize = 500)
    {
        var total = 0;
        string? after = null;
        while (true)
        {
            var ocids = await db.Opportunities.AsNoTracking().Where(o => after == null || string.Compare(o.Ocid, after) > 0)
                .OrderBy(o => o.Ocid).Select(o => o.Ocid).Take(pageSize).ToListAsync(cancellationToken);
            if (ocids.Count == 0)
            {
                return total;
            }
            async Task<IngestPlan> PlanAsync(CancellationToken ct)
            {
                var snapshot = await ReadSnapshotAsync(ocids, ct);
                return IngestPlan.Recompile(snapshot, labels, await ReadAliasesAsync([], snapshot, ct));
            }
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var plan = await CommitAsync(await PlanAsync(cancellationToken), ocids, PlanAsync, committing => WriteOpportunitiesAsync(committing, now, cancellationToken), cancellationToken);
            total += plan.Opportunities.Count;
            after = ocids[^1];
        }
    }

    /// <summary>The stored releases and opportunities of <paramref name="ocids"/>, untracked.</summary>
    private async Task<StoreSnapshot> ReadSnapshotAsync(IReadOnlyList<string> ocids, CancellationToken cancellationToken)
    {
        var releases = await LoadInChunks(ocids, chunk => db.Releases.AsNoTracking().Where(r => chunk.Contains(r.Ocid)).OrderBy(r => r.Id), cancellationToken);
        var opportunities = await LoadInChunks(ocids, chunk => db.Opportunities.AsNoTracking().Where(o => chunk.Contains(o.Ocid)), cancellationToken);
        return new StoreSnapshot(releases, opportunities.ToDictionary(o => o.Ocid));
    }

    /// <summary>
    /// The one write transaction. Under the write gate and the store's write lock, the plan is made
    /// again if a concurrent write touched its processes since its snapshot was read; then
    /// <paramref name="write"/> writes it, and the commit wakes every instance's projector.
    /// </summary>
    private async Task<IngestPlan> CommitAsync(IngestPlan plan, IReadOnlyList<string> ocids, Func<CancellationToken, Task<IngestPlan>> replan, Func<IngestPlan, Task> write, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StoreWriteLock.AcquireAsync(db, cancellationToken);
            if (!await SnapshotStillHoldsAsync(plan.Snapshot, ocids, cancellationToken))
            {
                plan = await replan(cancellationToken);
            }
            await write(plan);
            await db.SaveChangesAsync(cancellationToken);
            await ChangeNotifications.NotifyOnCommitAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        signal.Notify();
        return plan;
    }

    /// <summary>
    /// The aliases already known for every identifier the parties of a batch (new releases and the
    /// stored ones of their processes) are published with.
    /// </summary>
    private async Task<OrganisationAliasMap> ReadAliasesAsync(IEnumerable<JsonObject> fresh, StoreSnapshot snapshot, CancellationToken cancellationToken)
    {
        var stored = snapshot.Releases.Select(r => snapshot.Parsed(r).Release.Json);
        var identifiers = IngestPlan.PartyIdentifiers(fresh.Concat(stored)).ToList();
        if (identifiers.Count == 0)
        {
            return OrganisationAliasMap.Empty;
        }
        var rows = await LoadInChunks(identifiers, chunk => db.OrganisationAliases.AsNoTracking().Where(a => chunk.Contains(a.Alias)), cancellationToken);
        return new OrganisationAliasMap(rows.ToDictionary(a => a.Alias, a => a.OrganisationId, StringComparer.Ordinal));
    }

    /// <summary>Whether the store still holds exactly the snapshot's releases and owners (reads keys and hashes only).</summary>
    private async Task<bool> SnapshotStillHoldsAsync(StoreSnapshot snapshot, IReadOnlyList<string> ocids, CancellationToken cancellationToken)
    {
        var releases = await LoadInChunks(ocids, chunk => db.Releases.Where(r => chunk.Contains(r.Ocid)).Select(r => new { r.Ocid, r.ReleaseId, r.ContentHash }), cancellationToken);
        var owners = await LoadInChunks(ocids, chunk => db.Opportunities.Where(o => chunk.Contains(o.Ocid)).Select(o => new { o.Ocid, o.BuyerId }), cancellationToken);
        return snapshot.Matches([.. releases.Select(r => (r.Ocid, r.ReleaseId, r.ContentHash))], [.. owners.Select(o => (o.Ocid, o.BuyerId))]);
    }

    private async Task WriteReleasesAsync(IngestPlan plan, string source, long now, CancellationToken cancellationToken)
    {
        var inserts = new List<ReleaseEntity>();
        var updates = new List<ReleaseEntity>();
        foreach (var write in plan.Writes)
        {
            var release = write.Fresh!;
            var entity = new ReleaseEntity
            {
                Id = write.Existing?.Id ?? 0,
                Ocid = release.Ocid,
                ReleaseId = release.Id,
                DateMs = release.Date.ToUnixTimeMilliseconds(),
                Tags = string.Join(',', release.Tags),
                Json = write.Json!,
                ContentHash = write.Hash!,
                Source = source,
                ReceivedMs = now,
            };
            (write.Existing is null ? inserts : updates).Add(entity);
        }
        await bulk.InsertAsync(inserts, cancellationToken);
        await bulk.UpdateAsync(updates, cancellationToken);
    }

    /// <summary>What an organisation row keeps when a process names it again: the first GSS code, the latest scale, both roles ever seen.</summary>
    private static readonly Dictionary<string, Func<string, string>> OrganisationMerge = new()
    {
        [nameof(OrganisationEntity.GssCode)] = table => $"COALESCE({table}.\"GssCode\", excluded.\"GssCode\")",
        [nameof(OrganisationEntity.Scale)] = table => $"COALESCE(excluded.\"Scale\", {table}.\"Scale\")",
        [nameof(OrganisationEntity.IsBuyer)] = table => $"({table}.\"IsBuyer\" OR excluded.\"IsBuyer\")",
        [nameof(OrganisationEntity.IsSupplier)] = table => $"({table}.\"IsSupplier\" OR excluded.\"IsSupplier\")",
    };

    private static readonly Dictionary<string, Func<string, string>> AliasKeepsFirst = new()
    {
        [nameof(OrganisationAliasEntity.OrganisationId)] = table => $"{table}.\"OrganisationId\"",
    };

    private async Task WriteOpportunitiesAsync(IngestPlan plan, long now, CancellationToken cancellationToken)
    {
        var compiledOrganisations = new Dictionary<string, (OrganisationRef Ref, bool Buyer)>();
        var learned = new Dictionary<string, string>();
        var rows = new List<OpportunityEntity>();
        var changes = new List<IndexChangeEntity>();
        foreach (var planned in plan.Opportunities)
        {
            var compiled = planned.Compiled;
            var summary = compiled.Detail.Summary;
            rows.Add(new OpportunityEntity
            {
                Ocid = planned.Ocid,
                Title = summary.Title,
                Stage = summary.Stage,
                Status = summary.Status,
                BuyerId = summary.Buyer?.Id,
                UpdatedMs = summary.Updated?.ToUnixTimeMilliseconds() ?? now,
                DeadlineMs = summary.Deadline?.ToUnixTimeMilliseconds(),
                ReleaseCount = planned.ReleaseCount,
                DetailJson = planned.DetailJson,
                CompiledJson = planned.CompiledJson,
            });

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
            changes.Add(new IndexChangeEntity { IndexName = OpportunityIndex.Schema.Name, DocumentId = planned.Ocid, EnqueuedMs = now });
        }
        await bulk.UpsertAsync(rows, null, cancellationToken);
        await bulk.UpsertAsync(
            [.. compiledOrganisations.Select(o => new OrganisationEntity
            {
                Id = o.Key,
                Name = o.Value.Ref.Name,
                GssCode = o.Value.Ref.GssCode,
                Scale = o.Value.Ref.Scale,
                IsBuyer = o.Value.Buyer,
                IsSupplier = !o.Value.Buyer,
                UpdatedMs = now,
            })],
            OrganisationMerge,
            cancellationToken);
        // Every identifier an organisation was published with stands for it from now on; an alias
        // already taken keeps the organisation it first stood for.
        var aliasRows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var planned in plan.Opportunities)
        {
            foreach (var (organisationId, identifiers) in planned.Compiled.Identifiers)
            {
                // Its own id too: a later notice naming it by that id alone, beside an id the
                // directory has not seen, must still find it.
                foreach (var identifier in identifiers.Append(organisationId).Where(i => plan.Aliases.Find(i) is null))
                {
                    aliasRows.TryAdd(identifier, organisationId);
                }
            }
        }
        await bulk.UpsertAsync(
            [.. aliasRows.Select(a => new OrganisationAliasEntity { Alias = a.Key, OrganisationId = a.Value })],
            AliasKeepsFirst,
            cancellationToken);
        // Appended in this transaction, under the store write lock: log ids commit in order.
        await bulk.InsertAsync(changes, cancellationToken);

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

    /// <summary>What is wrong with a release that parsed as JSON but cannot be used as it is.</summary>
    private static string UnreadableReason(Exception e) =>
        e.Message.Contains("UTF-16", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase)
            ? "A string holds an unpaired surrogate (such as \\ud800 alone), which is not valid Unicode text; send the character whole or leave it out."
            : e.Message.Contains("same key", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? $"An object names the same member twice ({e.Message.Split("Key:").ElementAtOrDefault(1)?.Trim() ?? "see the payload"}); each member may appear once."
                : $"The release cannot be read: {e.Message}";

    /// <summary>The node as JSON for the rejections log, or null when it cannot be written (the reason says why).</summary>
    private static string? SafeJson(JsonNode? node)
    {
        try
        {
            return node?.ToJsonString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested releases from {Source} with key {Publisher}: {Stored} stored, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
    private static partial void LogIngested(ILogger logger, string source, string publisher, int stored, int updated, int unchanged, int rejected);
}

/// <summary>More items than one request may carry.</summary>
public sealed class BatchTooLargeException(int count, int max) : Exception($"The batch has {count} items; at most {max} are accepted per request. Split it.");
