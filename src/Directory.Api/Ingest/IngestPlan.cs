using System.Text.Json;
using System.Text.Json.Nodes;
using Thirty3.DirectoryApi.Auth;
using Thirty3.DirectoryApi.Store;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>A release that passed normalisation, with the exact JSON to store and its hash.</summary>
internal sealed record AcceptedRelease(int Index, string Path, JsonNode? Node, NormalisedRelease Release, string Json, string Hash);

/// <summary>
/// What the store held for a batch's processes when it was read: their releases (with JSON) and their
/// compiled opportunities, untracked.
/// </summary>
internal sealed record StoreSnapshot(IReadOnlyList<ReleaseEntity> Releases, IReadOnlyDictionary<string, OpportunityEntity> Opportunities)
{
    private readonly Dictionary<long, StoredRelease> parsed = [];

    /// <summary>A stored release parsed once per snapshot: the alias look-up and the compiler both read it.</summary>
    public StoredRelease Parsed(ReleaseEntity entity)
    {
        if (!parsed.TryGetValue(entity.Id, out var release))
        {
            release = IngestPlan.ToStored(entity);
            parsed[entity.Id] = release;
        }
        return release;
    }

    /// <summary>True when <paramref name="releases"/> and <paramref name="owners"/> (read later) describe the same store state as this snapshot.</summary>
    public bool Matches(IReadOnlyList<(string Ocid, string ReleaseId, string ContentHash)> releases, IReadOnlyList<(string Ocid, string? BuyerId)> owners)
    {
        if (releases.Count != Releases.Count || owners.Count != Opportunities.Count)
        {
            return false;
        }
        var hashes = Releases.ToDictionary(r => (r.Ocid, r.ReleaseId), r => r.ContentHash);
        return releases.All(r => hashes.TryGetValue((r.Ocid, r.ReleaseId), out var hash) && hash == r.ContentHash)
            && owners.All(o => Opportunities.TryGetValue(o.Ocid, out var opportunity) && opportunity.BuyerId == o.BuyerId);
    }
}

/// <summary>One release of a touched process as it will be stored.</summary>
internal sealed class PlannedRelease
{
    public required string Ocid { get; init; }
    public required string ReleaseId { get; init; }
    /// <summary>The stored row this updates; null for a new release.</summary>
    public ReleaseEntity? Existing { get; init; }
    /// <summary>The parsed release of this batch, when this batch wrote it.</summary>
    public NormalisedRelease? Fresh { get; set; }
    public string? Json { get; set; }
    public string? Hash { get; set; }
}

/// <summary>A process compiled again from its releases, ready to store.</summary>
internal sealed record PlannedOpportunity(string Ocid, CompiledOpportunity Compiled, int ReleaseCount, string DetailJson, string CompiledJson);

/// <summary>A refusal decided while planning (a key publishing outside its scope).</summary>
internal sealed record PlannedRejection(int Index, string Ocid, string ReleaseId, string Path, string Reason, JsonNode? Node, string Buyer, string AuditReason);

/// <summary>
/// The decisions of one ingest batch against a <see cref="StoreSnapshot"/>: per release stored,
/// updated, unchanged or refused, and every touched process compiled again. Pure CPU work, so the
/// service makes it before entering the write gate and only checks the snapshot inside it.
/// </summary>
internal sealed class IngestPlan
{
    public required StoreSnapshot Snapshot { get; init; }
    public required IngestItemResult?[] Results { get; init; }
    public required List<PlannedRejection> Rejections { get; init; }
    /// <summary>Releases written by this batch (new or changed), in first-seen order.</summary>
    public required List<PlannedRelease> Writes { get; init; }
    public required List<PlannedOpportunity> Opportunities { get; init; }
    /// <summary>The aliases known when it was planned: the ones to write are those not among them.</summary>
    public required IOrganisationAliases Aliases { get; init; }

    public static IngestPlan Make(IReadOnlyList<AcceptedRelease> accepted, int itemCount, StoreSnapshot snapshot, string source, Publisher publisher, ICpvLabels labels, IOrganisationAliases aliases)
    {
        var results = new IngestItemResult?[itemCount];
        var rejections = new List<PlannedRejection>();
        // Every release of every process the batch mentions, stored ones first (in store order), then this batch's.
        var byKey = new Dictionary<(string Ocid, string Id), PlannedRelease>();
        foreach (var stored in snapshot.Releases)
        {
            byKey[(stored.Ocid, stored.ReleaseId)] = new PlannedRelease { Ocid = stored.Ocid, ReleaseId = stored.ReleaseId, Existing = stored, Hash = stored.ContentHash };
        }
        var writes = new List<PlannedRelease>();
        var changed = new HashSet<string>();

        foreach (var item in accepted)
        {
            var release = item.Release;
            var owner = snapshot.Opportunities.GetValueOrDefault(release.Ocid)?.BuyerId;
            var buyer = BuyerOf(release.Json, aliases) ?? owner;
            if (!publisher.MayPublishFor(buyer))
            {
                rejections.Add(new PlannedRejection(item.Index, release.Ocid, release.Id, $"{item.Path}.buyer",
                    $"This API key may not publish notices for buyer '{buyer ?? "(none named)"}'.", item.Node, buyer ?? "(none)", $"notice {release.Ocid} names a buyer outside the key's scope"));
                continue;
            }
            // A release naming an allowed buyer must not take over a process another buyer published.
            if (owner is not null && !publisher.MayPublishFor(owner))
            {
                rejections.Add(new PlannedRejection(item.Index, release.Ocid, release.Id, $"{item.Path}.ocid",
                    $"This API key may not publish notices for buyer '{owner}', whose process '{release.Ocid}' this is.", item.Node, owner, $"notice {release.Ocid} updates a process of another buyer"));
                continue;
            }
            IngestItemStatus status;
            if (byKey.TryGetValue((release.Ocid, release.Id), out var planned))
            {
                if (planned.Hash == item.Hash)
                {
                    results[item.Index] = new IngestItemResult(item.Index, release.Ocid, release.Id, IngestItemStatus.Unchanged);
                    continue;
                }
                status = IngestItemStatus.Updated;
            }
            else
            {
                planned = new PlannedRelease { Ocid = release.Ocid, ReleaseId = release.Id };
                byKey[(release.Ocid, release.Id)] = planned;
                status = IngestItemStatus.Stored;
            }
            if (planned.Fresh is null)
            {
                writes.Add(planned);
            }
            planned.Fresh = release;
            planned.Json = item.Json;
            planned.Hash = item.Hash;
            results[item.Index] = new IngestItemResult(item.Index, release.Ocid, release.Id, status);
            changed.Add(release.Ocid);
        }

        var opportunities = new List<PlannedOpportunity>();
        foreach (var process in byKey.Values.Where(r => changed.Contains(r.Ocid)).GroupBy(r => r.Ocid))
        {
            // Releases of this batch are compiled from the objects already parsed, not re-read from their JSON.
            var releases = process.Select(r => r.Fresh is { } fresh ? new StoredRelease(fresh, source) : snapshot.Parsed(r.Existing!)).ToList();
            var compiled = OpportunityCompiler.Compile(releases, labels, aliases);
            opportunities.Add(new PlannedOpportunity(process.Key, compiled, releases.Count,
                JsonSerializer.Serialize(compiled.Detail, DirectoryJson.Options), compiled.CompiledRelease.ToJsonString()));
        }
        return new IngestPlan { Snapshot = snapshot, Results = results, Rejections = rejections, Writes = writes, Opportunities = opportunities, Aliases = aliases };
    }

    /// <summary>
    /// Every process of the snapshot compiled again from its stored releases, nothing else written:
    /// how opportunities catch up when the compiler learns to read more of what publishers sent.
    /// </summary>
    public static IngestPlan Recompile(StoreSnapshot snapshot, ICpvLabels labels, IOrganisationAliases aliases)
    {
        var opportunities = new List<PlannedOpportunity>();
        foreach (var process in snapshot.Releases.GroupBy(r => r.Ocid))
        {
            var releases = process.Select(snapshot.Parsed).ToList();
            var compiled = OpportunityCompiler.Compile(releases, labels, aliases);
            opportunities.Add(new PlannedOpportunity(process.Key, compiled, releases.Count,
                JsonSerializer.Serialize(compiled.Detail, DirectoryJson.Options), compiled.CompiledRelease.ToJsonString()));
        }
        return new IngestPlan { Snapshot = snapshot, Results = [], Rejections = [], Writes = [], Opportunities = opportunities, Aliases = aliases };
    }

    /// <summary>Every identifier the parties of these releases are published with: what to look up as aliases before compiling.</summary>
    public static HashSet<string> PartyIdentifiers(IEnumerable<JsonObject> releases)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var release in releases)
        {
            foreach (var party in (release["parties"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                ids.UnionWith(OrganisationIds.CandidateIds(null, party));
            }
        }
        return ids;
    }

    internal static StoredRelease ToStored(ReleaseEntity entity)
    {
        var json = (JsonObject)JsonNode.Parse(entity.Json)!;
        var release = new NormalisedRelease(entity.Ocid, entity.ReleaseId, DateTimeOffset.FromUnixTimeMilliseconds(entity.DateMs), entity.Tags.Split(','), json, false);
        return new StoredRelease(release, entity.Source);
    }

    private static string? BuyerOf(JsonObject release, IOrganisationAliases aliases)
    {
        if (release["buyer"] is not JsonObject buyer)
        {
            return null;
        }
        var buyerId = buyer["id"]?.ToString();
        var party = (release["parties"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => buyerId is not null && p["id"]?.ToString() == buyerId);
        return OrganisationIds.Resolve(buyer, party, aliases).Id;
    }
}
