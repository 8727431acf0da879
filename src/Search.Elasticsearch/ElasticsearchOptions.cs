using System.ComponentModel.DataAnnotations;

namespace Thirty3.Search.Elasticsearch;

/// <summary>Settings of the Elasticsearch/OpenSearch backend, bound from the "Elasticsearch" section.</summary>
public sealed class ElasticsearchOptions : IValidatableObject
{
    public const string SectionName = "Elasticsearch";

    /// <summary>Base URL of the cluster, e.g. <c>https://search.internal:9200</c>.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "";

    /// <summary>Encoded API key (the base64 <c>id:key</c>), sent as <c>Authorization: ApiKey …</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Basic-auth user; needs <see cref="Password"/>. Not together with <see cref="ApiKey"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM or DER file of the CA that signed the cluster's certificate; when set, only chains to it are trusted.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>First part of every alias and index name: alias <c>&lt;prefix&gt;-&lt;schema&gt;</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,99}$", ErrorMessage = "IndexPrefix must be lower-case letters, digits, '-' or '_'.")]
    public string IndexPrefix { get; set; } = "thirty3";

    /// <summary>Timeout of one HTTP request (each retry attempt gets it again).</summary>
    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Replicas of each index; 0 on a single-node cluster keeps it green.</summary>
    [Range(0, 10)]
    public int NumberOfReplicas { get; set; } = 1;

    /// <summary>Documents per <c>_bulk</c> request.</summary>
    [Range(1, 10_000)]
    public int BulkBatchSize { get; set; } = 500;

    /// <summary>How many times items rejected with 429 are sent again.</summary>
    [Range(0, 20)]
    public int BulkRetries { get; set; } = 5;

    /// <summary>First wait before re-sending 429-rejected items; doubles each time.</summary>
    public TimeSpan BulkRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(Username))
        {
            yield return new ValidationResult("Set either ApiKey or Username/Password, not both.", [nameof(ApiKey), nameof(Username)]);
        }
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Username needs a Password.", [nameof(Password)]);
        }
        if (Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Url must be http or https.", [nameof(Url)]);
        }
        if (!string.IsNullOrEmpty(CaCertificatePath) && !File.Exists(CaCertificatePath))
        {
            yield return new ValidationResult($"CaCertificatePath '{CaCertificatePath}' does not exist.", [nameof(CaCertificatePath)]);
        }
        if (BulkRetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult("BulkRetryDelay cannot be negative.", [nameof(BulkRetryDelay)]);
        }
    }
}
