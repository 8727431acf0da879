using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Idempotency;

/// <summary>How long pushes sent with an <c>Idempotency-Key</c> are remembered (section "Idempotency").</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long the first answer is replayed to a retry with the same key.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request in progress holds its key: a retry meanwhile is told to wait (409). Longer
    /// than any ingest takes; if the instance dies mid-request the claim lapses after this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
