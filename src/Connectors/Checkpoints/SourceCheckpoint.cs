namespace Thirty3.Connectors.Checkpoints;

/// <summary>
/// How far a source has been acknowledged by the directory. Everything before <see cref="Watermark"/>
/// is done; <see cref="Cursor"/> is where to resume inside the window (or feed) that starts there.
/// </summary>
public sealed record SourceCheckpoint
{
    /// <summary>Start of the first window not yet fully acknowledged.</summary>
    public DateTimeOffset? Watermark { get; init; }

    /// <summary>End of the window <see cref="Cursor"/> belongs to.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>Upstream paging cursor (or next-page URL) inside the current window; null at a window's start.</summary>
    public string? Cursor { get; init; }

    /// <summary>Position inside the current unit of work that has no cursor (e.g. Proactis notice types done this month).</summary>
    public IReadOnlyList<string> Done { get; init; } = [];

    /// <summary>Content hashes already ingested (file and inventory sources), so an unchanged file is not sent twice.</summary>
    public IReadOnlyList<string> Hashes { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public override string ToString() =>
        string.Join(", ", new[]
        {
            Watermark is { } w ? $"watermark {w:O}" : null,
            Cursor is { } c ? $"cursor {c}" : null,
            Done.Count > 0 ? $"done [{string.Join(',', Done)}]" : null,
            Hashes.Count > 0 ? $"{Hashes.Count} file(s)" : null,
        }.Where(s => s is not null));
}
