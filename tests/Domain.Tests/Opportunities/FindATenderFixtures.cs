using System.Text.Json.Nodes;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;

namespace Thirty3.Domain.Tests.Opportunities;

/// <summary>Our own Find a Tender-shaped release packages (Procurement Act 2023 notices), compiled as the directory does.</summary>
internal static class FindATenderFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "FindATender");

    public static IEnumerable<string> Files => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal);

    public static List<NormalisedRelease> Releases(string file)
    {
        var (_, items) = OcdsPayload.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file))));
        return items.Select(i => ReleaseNormaliser.Normalise(i).Release ?? throw new InvalidOperationException($"{file}: {ReleaseNormaliser.Normalise(i).Problem}")).ToList();
    }

    public static OpportunityDetail Compile(string file, int? firstReleases = null)
    {
        var releases = Releases(file);
        if (firstReleases is { } n)
        {
            releases = releases.Take(n).ToList();
        }
        return OpportunityCompiler.Compile(releases.Select(r => new StoredRelease(r, "find-a-tender")).ToList(), new CpvLabelCache()).Detail;
    }
}
