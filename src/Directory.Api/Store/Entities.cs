namespace Thirty3.DirectoryApi.Store;

// Dates the store queries on are Unix milliseconds: SQLite cannot order DateTimeOffset, and a
// long means the same in every provider.

/// <summary>One OCDS release exactly as accepted (after normalisation): the history of a process.</summary>
public sealed class ReleaseEntity
{
    public long Id { get; set; }
    public required string Ocid { get; set; }
    public required string ReleaseId { get; set; }
    public long DateMs { get; set; }
    public required string Tags { get; set; }
    public required string Json { get; set; }
    /// <summary>SHA-256 of the normalised JSON: tells a retry (unchanged) from a correction (updated).</summary>
    public required string ContentHash { get; set; }
    public required string Source { get; set; }
    public long ReceivedMs { get; set; }
}

/// <summary>A process compiled from its releases: what search and pages show.</summary>
public sealed class OpportunityEntity
{
    public required string Ocid { get; set; }
    public required string Title { get; set; }
    public required string Stage { get; set; }
    public string? Status { get; set; }
    public string? BuyerId { get; set; }
    public long UpdatedMs { get; set; }
    public long? DeadlineMs { get; set; }
    public int ReleaseCount { get; set; }
    /// <summary>The <c>OpportunityDetail</c> as JSON: the source of the search document.</summary>
    public required string DetailJson { get; set; }
    /// <summary>The OCDS compiled release, served in the record.</summary>
    public required string CompiledJson { get; set; }
}

/// <summary>A buyer or supplier, by directory id, with the latest name it was published under.</summary>
public sealed class OrganisationEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? GssCode { get; set; }
    public string? Scale { get; set; }
    public bool IsBuyer { get; set; }
    public bool IsSupplier { get; set; }
    public long UpdatedMs { get; set; }
}

/// <summary>
/// An identifier an organisation was published with (GB-PPON-…, GB-COH-…), and the directory id it
/// stands for: the first id it was resolved to is kept, so notices naming the organisation by any
/// one of its identifiers join one organisation.
/// </summary>
public sealed class OrganisationAliasEntity
{
    public required string Alias { get; set; }
    public required string OrganisationId { get; set; }
}

/// <summary>One technology entry (see <c>TechnologyEntry</c>), stored as its JSON plus the columns queries need.</summary>
public sealed class TechnologyEntity
{
    public required string Id { get; set; }
    public required string BoroughGss { get; set; }
    public required string Function { get; set; }
    public required string Product { get; set; }
    public required string Supplier { get; set; }
    public string? SupplierId { get; set; }
    /// <summary>yyyy-MM-dd, so it orders as text in every provider.</summary>
    public string? ContractEnd { get; set; }
    public required string Json { get; set; }
    public required string ContentHash { get; set; }
    public long UpdatedMs { get; set; }
}

/// <summary>A CPV label: seeded division, imported vocabulary, or learned from a notice.</summary>
public sealed class CpvLabelEntity
{
    public required string Code { get; set; }
    public required string Label { get; set; }
    /// <summary>seed, import or notice; imports override notices, notices never override imports.</summary>
    public required string Origin { get; set; }
}

/// <summary>A publisher or admin API key. Only a hash of the secret is kept.</summary>
public sealed class ApiKeyEntity
{
    /// <summary>Public key id, the middle part of <c>t33_{id}_{secret}</c>.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Hex SHA-256 of the secret part.</summary>
    public required string SecretHash { get; set; }
    /// <summary>Buyer directory ids this key may publish for, comma-separated; "*" for any.</summary>
    public required string AllowedBuyers { get; set; }
    public bool IsAdmin { get; set; }
    public long CreatedMs { get; set; }
    public long? RevokedMs { get; set; }
    /// <summary>When the key stops working by itself (set when it is rotated with a grace period); null for never.</summary>
    public long? ExpiresMs { get; set; }
}

/// <summary>
/// One change to a search document, appended in the same transaction as the change itself. The
/// log is append-only with a monotonic id: each projection (an instance's own Lucene index, or a
/// shared index) applies rows above its own watermark, so any number of projections can follow it.
/// Rows are pruned only once every live projection has passed them and they are older than the
/// retention window (see <c>IndexProjector</c>).
/// </summary>
public sealed class IndexChangeEntity
{
    public long Id { get; set; }
    public required string IndexName { get; set; }
    public required string DocumentId { get; set; }
    public long EnqueuedMs { get; set; }
}

/// <summary>
/// How far one projection has applied the change log. For an index that keeps its own watermark
/// (Lucene, in its commit) this row is only a report, read when pruning; for a shared index it is
/// the watermark itself. Special rows named <c>pruned/{index}</c> record the highest id pruned.
/// </summary>
public sealed class ProjectionCheckpointEntity
{
    public required string Projection { get; set; }
    public required string IndexName { get; set; }
    public long Watermark { get; set; }
    public long SeenMs { get; set; }
}

/// <summary>An item an ingest refused, kept so a publisher can see what was rejected and why.</summary>
public sealed class RejectionEntity
{
    public long Id { get; set; }
    public long AtMs { get; set; }
    public required string Source { get; set; }
    public string? Ocid { get; set; }
    public string? ItemId { get; set; }
    public required string Path { get; set; }
    public required string Reason { get; set; }
    /// <summary>The item as sent, cut to a bounded size.</summary>
    public string? Payload { get; set; }
    /// <summary>Name of the key that sent it (kept across rotation): a publisher sees only its own rejections.</summary>
    public string? PublisherName { get; set; }
}

/// <summary>The latest status a connector reported for one of its sources.</summary>
public sealed class SourceStatusEntity
{
    public required string Name { get; set; }
    /// <summary>The <c>SourceStatusReport</c> as JSON.</summary>
    public required string Json { get; set; }
    public required string ReportedBy { get; set; }
    public long UpdatedMs { get; set; }
}

/// <summary>
/// The first answer to a push sent with an <c>Idempotency-Key</c>, per API key, kept for a day so a
/// client that lost the answer can send again and get the same one.
/// </summary>
public sealed class IdempotencyRecordEntity
{
    /// <summary>The API key id the request was made with: keys are scoped to their client.</summary>
    public required string ApiKeyId { get; set; }
    /// <summary>The client's <c>Idempotency-Key</c> header.</summary>
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path, query and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    /// <summary>Null while the first request is being processed.</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public long CreatedMs { get; set; }
    /// <summary>Until when a request in progress holds the key; a crashed instance's claim lapses then.</summary>
    public long LockedUntilMs { get; set; }
    public long ExpiresMs { get; set; }
}
