using System.ComponentModel.DataAnnotations;

namespace Thirty3.Search.Lucene;

/// <summary>Settings of the embedded Lucene backend, bound from the "Lucene" configuration section.</summary>
public sealed class LuceneOptions
{
    public const string SectionName = "Lucene";

    /// <summary>Root folder; each schema gets its own sub-folder named after the schema.</summary>
    [Required]
    public string IndexPath { get; set; } = "";
}
