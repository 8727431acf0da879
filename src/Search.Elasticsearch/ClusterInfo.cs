namespace Thirty3.Search.Elasticsearch;

public enum SearchProduct
{
    Elasticsearch,
    OpenSearch,
}

/// <summary>Which product and version answers at the configured URL, read from <c>GET /</c>.</summary>
public sealed record ClusterInfo(SearchProduct Product, Version Version)
{
    /// <summary>Elasticsearch 8/9 and OpenSearch 2/3 are the versions this backend is written for.</summary>
    public bool IsSupported => Product switch
    {
        SearchProduct.Elasticsearch => Version.Major is 8 or 9,
        _ => Version.Major is 2 or 3,
    };

    public static ClusterInfo From(RootInfo root)
    {
        ArgumentNullException.ThrowIfNull(root);
        // OpenSearch says so in version.distribution; very old forks only in the tagline.
        var isOpenSearch = string.Equals(root.Version?.Distribution, "opensearch", StringComparison.OrdinalIgnoreCase)
            || (root.Tagline?.Contains("OpenSearch", StringComparison.OrdinalIgnoreCase) ?? false);
        var number = root.Version?.Number ?? "0.0.0";
        // "9.0.0-SNAPSHOT", "3.0.0-alpha1": the numeric prefix is what matters.
        var dash = number.IndexOf('-', StringComparison.Ordinal);
        if (!Version.TryParse(dash < 0 ? number : number[..dash], out var version))
        {
            version = new Version(0, 0);
        }
        return new ClusterInfo(isOpenSearch ? SearchProduct.OpenSearch : SearchProduct.Elasticsearch, version);
    }

    public override string ToString() => $"{Product} {Version}";
}
