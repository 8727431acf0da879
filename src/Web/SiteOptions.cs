using System.ComponentModel.DataAnnotations;

namespace Thirty3.Web;

/// <summary>Settings of the site itself (section "Site").</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>Most rows one CSV download holds.</summary>
    [Range(1, 100_000)]
    public int CsvRowCap { get; set; } = 5000;

    /// <summary>A deadline within this many days is "closing soon".</summary>
    [Range(1, 60)]
    public int ClosingSoonDays { get; set; } = 7;
}
