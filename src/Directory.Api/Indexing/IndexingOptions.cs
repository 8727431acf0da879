using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>How the index projection follows and prunes the change log (section "Indexing").</summary>
public sealed class IndexingOptions
{
    public const string SectionName = "Indexing";

    /// <summary>
    /// How often each instance looks for changes it was not told about (PostgreSQL also notifies
    /// every instance on commit, so this is the safety net, not the latency).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Change-log rows younger than this are kept even when every projection has applied them, so a
    /// replica stopped briefly catches up by replay instead of a rebuild.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A projection that has not reported for this long is presumed gone and no longer holds back pruning.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ProjectionTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an instance reports its watermark and prunes the log.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(30);
}
