namespace Thirty3.Domain.Tests;

/// <summary>
/// Finds the real OCDS data kept beside the project (../shared/data). A user's clone won't have
/// it, so tests that need it skip with this reason; CI has it.
/// </summary>
internal static class SharedData
{
    public const string MissingReason = "../shared/data (real OCDS notices beside the project) is not present in this checkout.";

    private static readonly Lazy<string?> Root = new(Find);

    public static string? Path => Root.Value;

    public static string Require()
    {
        Skip.If(Root.Value is null, MissingReason);
        return Root.Value!;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "ocds")))
            {
                return candidate;
            }
        }
        return null;
    }
}
