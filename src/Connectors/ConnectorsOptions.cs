using System.ComponentModel.DataAnnotations;

namespace Thirty3.Connectors;

/// <summary>Section "Connectors": where checkpoints live and which sources to pull.</summary>
public sealed class ConnectorsOptions : IValidatableObject
{
    public const string SectionName = "Connectors";

    /// <summary>Folder for checkpoints and status files (relative to the working directory).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Sources by name; the name is the checkpoint key and the <c>source</c> sent to the directory.</summary>
    public Dictionary<string, SourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, source) in Sources)
        {
            var context = new ValidationContext(source);
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(source, context, results, validateAllProperties: true);
            results.AddRange(source.Validate(context));
            foreach (var result in results)
            {
                yield return new ValidationResult($"Connectors:Sources:{name}: {result.ErrorMessage}", [$"Sources:{name}"]);
            }
        }
    }
}

/// <summary>One configured source (section <c>Connectors:Sources:&lt;name&gt;</c>).</summary>
public sealed class SourceOptions : IValidatableObject
{
    /// <summary>One of <see cref="SourceTypes"/>.</summary>
    [Required]
    public string Type { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Base address of the upstream API (HTTP sources), or the first page of a feed (ocds-feed).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Time between scheduled runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where a first run starts (time-windowed and monthly sources).</summary>
    public DateTimeOffset? BackfillFrom { get; set; }

    /// <summary>Width of one time window; short windows because long ones are known to miss releases.</summary>
    [Range(1, 24 * 31)]
    public int WindowHours { get; set; } = 6;

    /// <summary>How close to now a window may end; the newest minutes are left for the next run.</summary>
    public TimeSpan SafetyLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>OCDS stages to ask for (e.g. "planning,tender,award"); null asks for all.</summary>
    public string? Stages { get; set; }

    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Folder to read (ocds-folder, city-tools, contract-register) — relative to the working directory.</summary>
    public string? Folder { get; set; }

    /// <summary>How long a file must be left unmodified before the folder source takes it (guards half-written files).</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Releases per directory call when a file or page is split.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Base of the exponential backoff (with jitter) when the upstream gives no Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause after Contracts Finder's rate-limit 403 before trying again.</summary>
    public TimeSpan RateLimitPause { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts to re-fetch a page whose JSON is truncated or malformed before the run fails.</summary>
    [Range(1, 20)]
    public int MalformedPageAttempts { get; set; } = 3;

    /// <summary>Proactis notice types to pull each month (PCS/Sell2Wales codes: 1 contract notice, 2 award, 3 prior information...).</summary>
    /// <remarks>Empty means <see cref="DefaultNoticeTypes"/> (configuration binding appends to arrays, so defaults live apart).</remarks>
    public int[] NoticeTypes { get; set; } = [];

    public static readonly int[] DefaultNoticeTypes = [1, 2, 3];

    /// <summary>contract-register: council GSS code or name the register belongs to.</summary>
    public string? Borough { get; set; }

    /// <summary>contract-register: CSV column for each field (Supplier, Description, StartDate, EndDate, Value, Cpv, Reference, ServiceArea).</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>contract-register: words in a description that mark an ICT contract (besides CPV 48/72).</summary>
    /// <remarks>Empty means <see cref="DefaultIctKeywords"/>.</remarks>
    public string[] IctKeywords { get; set; } = [];

    public static readonly string[] DefaultIctKeywords =
        ["software", "licence", "license", "saas", "hosting", "ict", "it system", "it services", "application", "platform", "cloud", "microsoft", "oracle", "network", "telephony", "data centre", "digital"];

    /// <summary>Optional API key sent as <c>X-Api-Key</c> to the upstream (inventory-api).</summary>
    public string? ApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SourceTypes.All.Contains(Type))
        {
            yield return new ValidationResult($"Type '{Type}' is not one of {string.Join(", ", SourceTypes.All)}.", [nameof(Type)]);
        }
        if (SourceTypes.NeedsBaseUrl.Contains(Type) && BaseUrl is null)
        {
            yield return new ValidationResult($"BaseUrl is required for type '{Type}'.", [nameof(BaseUrl)]);
        }
        if (SourceTypes.Windowed.Contains(Type) && BackfillFrom is null)
        {
            yield return new ValidationResult($"BackfillFrom is required for type '{Type}'.", [nameof(BackfillFrom)]);
        }
        if (Interval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Interval must be positive.", [nameof(Interval)]);
        }
        if (Type == SourceTypes.ContractRegister && (string.IsNullOrWhiteSpace(Borough) || !Columns.ContainsKey("Supplier") || !Columns.ContainsKey("Description")))
        {
            yield return new ValidationResult("contract-register needs Borough and Columns for at least Supplier and Description.", [nameof(Columns)]);
        }
        if (Type is SourceTypes.CityTools or SourceTypes.ContractRegister && BaseUrl is null && string.IsNullOrWhiteSpace(Folder))
        {
            yield return new ValidationResult($"'{Type}' needs BaseUrl (a file URL) or Folder.", [nameof(Folder)]);
        }
    }
}

public static class SourceTypes
{
    public const string ContractsFinder = "contracts-finder";
    public const string FindATender = "find-a-tender";
    public const string Proactis = "proactis";
    public const string OcdsFeed = "ocds-feed";
    public const string OcdsFolder = "ocds-folder";
    public const string CityTools = "city-tools";
    public const string ContractRegister = "contract-register";
    public const string InventoryApi = "inventory-api";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [ContractsFinder, FindATender, Proactis, OcdsFeed, OcdsFolder, CityTools, ContractRegister, InventoryApi], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> NeedsBaseUrl = new HashSet<string>(
        [ContractsFinder, FindATender, Proactis, OcdsFeed, InventoryApi], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Windowed = new HashSet<string>(
        [ContractsFinder, FindATender, Proactis], StringComparer.Ordinal);
}
