using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Store;

/// <summary>Which database is the system of record (section "Store").</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>Sqlite (default, embedded) or PostgreSql.</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Store:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for Sqlite, defaults to directory.db in the data folder; required for PostgreSql.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.Ordinal);
}

/// <summary>Where the embedded default keeps its files (section "Data").</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Folder for the SQLite database and the Lucene index; relative paths are from the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data";

    public string FullPath => System.IO.Path.GetFullPath(Path);
}
