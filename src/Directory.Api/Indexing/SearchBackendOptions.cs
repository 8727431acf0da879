using System.ComponentModel.DataAnnotations;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>Which search backend holds the index projection (section "Search").</summary>
public sealed class SearchBackendOptions
{
    public const string SectionName = "Search";
    public const string Lucene = "Lucene";
    public const string Elasticsearch = "Elasticsearch";

    /// <summary>Lucene (default: embedded, one index per API instance) or Elasticsearch (shared; also OpenSearch), configured under "Elasticsearch".</summary>
    [Required]
    [RegularExpression("^(?i)(Lucene|Elasticsearch)$", ErrorMessage = "Search:Backend must be Lucene or Elasticsearch.")]
    public string Backend { get; set; } = Lucene;
}
