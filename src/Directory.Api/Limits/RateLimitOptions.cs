using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Limits;

/// <summary>
/// Request rates (section "RateLimits"). Authenticated requests are counted per API key, others per
/// client address; a request over the limit gets 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off only for benchmarks and load tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) one API key may make per minute. A batch carries up to Ingest:MaxBatchItems items.</summary>
    [Range(1, 1_000_000)]
    public int WritesPerKeyPerMinute { get; set; } = 600;

    /// <summary>Reads one API key may make per second.</summary>
    [Range(1, 1_000_000)]
    public int ReadsPerKeyPerSecond { get; set; } = 100;

    /// <summary>Requests without a key one client address may make per second (the public read API).</summary>
    [Range(1, 1_000_000)]
    public int ReadsPerAddressPerSecond { get; set; } = 50;
}
