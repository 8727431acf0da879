namespace Thirty3.Connectors.Tests.Support;

/// <summary>The responses we recorded in each upstream's shape (folder <c>&lt;System&gt;/Recorded</c>).</summary>
public static class Recorded
{
    public static string Path(string system, string file) => System.IO.Path.Combine(AppContext.BaseDirectory, system, "Recorded", file);

    /// <summary>The file's text with <c>{{baseUrl}}</c> (in <c>links.next</c>) pointing at the local server.</summary>
    public static string Text(string system, string file, string baseUrl = "")
        => File.ReadAllText(Path(system, file)).Replace("{{baseUrl}}", baseUrl.TrimEnd('/'), StringComparison.Ordinal);

    public static byte[] Bytes(string system, string file) => File.ReadAllBytes(Path(system, file));
}

/// <summary>
/// The real publisher files in <c>shared/data/ocds</c> (beside the project's root; never copied into it).
/// A user's clone may not have them, so tests using them skip, saying why.
/// </summary>
public static class SharedData
{
    public static string? OcdsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "ocds");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static string RequireOcds(string subfolder)
    {
        var root = OcdsFolder();
        Skip.If(root is null, "shared/data/ocds (real publisher files) is not beside this clone; these tests run where it is (CI).");
        var path = System.IO.Path.Combine(root!, subfolder);
        Skip.IfNot(System.IO.Directory.Exists(path) || File.Exists(path), $"shared/data/ocds/{subfolder} is missing.");
        return path;
    }
}
