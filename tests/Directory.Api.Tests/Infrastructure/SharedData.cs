namespace Thirty3.DirectoryApi.Tests.Infrastructure;

/// <summary>
/// Finds the real OCDS data kept beside the project (../shared/data). A user's clone won't have
/// it, so tests that need it skip with this reason; CI has it.
/// </summary>
internal static class SharedData
{
    public const string MissingReason = "../shared/data (real OCDS notices beside the project) is not present in this checkout.";

    private static readonly Lazy<string?> Root = new(Find);

    public static string Require()
    {
        Skip.If(Root.Value is null, MissingReason);
        return Root.Value!;
    }

    public static IEnumerable<string> OcdsFiles(string root) =>
        Directory.GetFiles(Path.Combine(root, "ocds", "contracts-finder-2015"), "*.json").Order()
            .Append(Path.Combine(root, "ocds", "contracts-finder-2025", "releases.json"))
            .Append(Path.Combine(root, "ocds", "public-contracts-scotland-2019", "releases.json"));

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "ocds")))
            {
                return candidate;
            }
        }
        return null;
    }
}
