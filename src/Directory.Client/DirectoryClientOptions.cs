using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryClient;

/// <summary>Where the directory's API is and which key to write with (section "Directory").</summary>
public sealed class DirectoryClientOptions
{
    public const string SectionName = "Directory";

    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>Publisher API key; needed only by writers (connectors).</summary>
    public string? ApiKey { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
