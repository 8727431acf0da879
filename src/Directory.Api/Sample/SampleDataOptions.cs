using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Sample;

/// <summary>Sample data for a first run (section "SampleData").</summary>
public sealed class SampleDataOptions
{
    public const string SectionName = "SampleData";

    /// <summary>Load sample notices and technology entries at start when the store is empty.</summary>
    public bool Seed { get; set; }

    [Range(0, 2_000_000)]
    public int Processes { get; set; } = 3_000;

    public int RandomSeed { get; set; } = 33;
}
