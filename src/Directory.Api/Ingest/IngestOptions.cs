using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>Limits on what one ingest request may carry (section "Ingest").</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most releases or technology entries in one request.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 5_000;

    /// <summary>Deepest JSON nesting accepted (OCDS needs about 8; attackers send thousands).</summary>
    [Range(16, 256)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Largest part of a rejected item kept for the publisher to inspect, in characters.</summary>
    [Range(0, 1_000_000)]
    public int MaxRejectedPayloadChars { get; set; } = 16_384;
}
