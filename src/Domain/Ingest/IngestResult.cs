namespace Thirty3.Domain.Ingest;

/// <summary>What became of one item of an ingest batch.</summary>
public enum IngestItemStatus
{
    /// <summary>New: stored and queued for the index.</summary>
    Stored,
    /// <summary>Known id with a changed body: the stored copy was replaced.</summary>
    Updated,
    /// <summary>Identical to what is stored: nothing changed (idempotent retry).</summary>
    Unchanged,
    /// <summary>Not stored; <see cref="IngestItemResult.Reason"/> says why and <see cref="IngestItemResult.Path"/> where.</summary>
    Rejected,
}

/// <summary>The outcome for one item, by its position in the batch.</summary>
/// <param name="Index">Zero-based position in the batch.</param>
/// <param name="Ocid">The process id, for releases.</param>
/// <param name="Id">The release id (or derived id), or the technology entry id.</param>
/// <param name="Path">JSON path (or CSV row/column) of the problem, for rejections.</param>
public sealed record IngestItemResult(int Index, string? Ocid, string? Id, IngestItemStatus Status, string? Reason = null, string? Path = null);

/// <summary>The outcome of an ingest batch. A 2xx means every non-rejected item is committed to the store.</summary>
public sealed record IngestResult(int Received, int Stored, int Updated, int Unchanged, int Rejected, IReadOnlyList<IngestItemResult> Items)
{
    public static IngestResult From(IReadOnlyList<IngestItemResult> items) => new(
        items.Count,
        items.Count(i => i.Status == IngestItemStatus.Stored),
        items.Count(i => i.Status == IngestItemStatus.Updated),
        items.Count(i => i.Status == IngestItemStatus.Unchanged),
        items.Count(i => i.Status == IngestItemStatus.Rejected),
        items);
}
