using System.Text.Json.Nodes;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;

namespace Thirty3.Domain.Tests.Ocds;

/// <summary>Compiles the real notices in ../shared/data/ocds, so publishers' quirks are exercised.</summary>
public class RealDataCompileTests
{
    private static List<NormalisedRelease> ReadAll(string file, out List<ReleaseProblem> problems)
    {
        var (_, items) = OcdsPayload.Read(JsonNode.Parse(File.ReadAllText(file)));
        problems = [];
        var releases = new List<NormalisedRelease>();
        foreach (var item in items)
        {
            var (release, problem) = ReleaseNormaliser.Normalise(item);
            if (release is not null)
            {
                releases.Add(release);
            }
            else
            {
                problems.Add(problem!);
            }
        }
        return releases;
    }

    [SkippableFact]
    public void Compile_ContractsFinder2025TenderThenAward_OneOpportunityAtAwardStage()
    {
        var file = Path.Combine(SharedData.Require(), "ocds", "contracts-finder-2025", "releases.json");
        var releases = ReadAll(file, out var problems);
        Assert.Empty(problems);

        var process = releases.GroupBy(r => r.Ocid)
            .First(g => g.Any(r => r.Tags.Contains("tender")) && g.Any(r => r.Tags.Contains("award")));
        var compiled = OpportunityCompiler.Compile(process.Select(r => new StoredRelease(r, "contracts-finder")).ToList(), new CpvLabelCache());

        Assert.Equal(Stages.Award, compiled.Detail.Summary.Stage);
        Assert.Equal(process.Count(), compiled.Detail.Notices.Count);
        Assert.NotEmpty(compiled.Detail.Summary.Suppliers);
    }

    [SkippableFact]
    public void Compile_EveryRealRelease_CompilesWithTitleAndBuyer()
    {
        var root = Path.Combine(SharedData.Require(), "ocds");
        var files = Directory.GetFiles(Path.Combine(root, "contracts-finder-2015"), "*.json")
            .Append(Path.Combine(root, "contracts-finder-2025", "releases.json"))
            .Append(Path.Combine(root, "public-contracts-scotland-2019", "releases.json"));
        var all = files.SelectMany(f => ReadAll(f, out var problems).Also(_ => Assert.Empty(problems))).ToList();

        foreach (var process in all.GroupBy(r => r.Ocid))
        {
            var compiled = OpportunityCompiler.Compile(process.Select(r => new StoredRelease(r, "test")).ToList(), new CpvLabelCache());
            Assert.False(string.IsNullOrWhiteSpace(compiled.Detail.Summary.Title));
            Assert.NotNull(compiled.Detail.Summary.Buyer);
        }
        Assert.True(all.Count >= 280, $"expected all real releases, got {all.Count}");
    }

    [SkippableFact]
    public void Compile_ContractsFinder2015Quirks_MinValueKeptAndSuitabilityFromXClassifications()
    {
        var dir = Path.Combine(SharedData.Require(), "ocds", "contracts-finder-2015");
        var summaries = Directory.GetFiles(dir, "*.json")
            .SelectMany(f => ReadAll(f, out _))
            .Select(r => OpportunityCompiler.Compile([new StoredRelease(r, "cf")], new CpvLabelCache()).Detail.Summary)
            .ToList();

        // The amount is null and the figure sits in minValue; the suitability flags are non-standard.
        Assert.All(summaries, s => Assert.NotNull(s.Value ?? s.MinValue));
        Assert.All(summaries, s => Assert.NotNull(s.SuitableForSme));
        Assert.All(summaries, s => Assert.NotEmpty(s.Cpv));
    }

    [SkippableFact]
    public void Compile_PublicContractsScotland_RegionFromNutsCode()
    {
        var file = Path.Combine(SharedData.Require(), "ocds", "public-contracts-scotland-2019", "releases.json");
        var releases = ReadAll(file, out _);

        var summary = OpportunityCompiler.Compile([new StoredRelease(releases[0], "pcs")], new CpvLabelCache()).Detail.Summary;

        Assert.Equal("Scotland", summary.Region);
        Assert.True(releases.All(r => r.IdDerived));
        Assert.Equal(releases.Count, releases.Select(r => (r.Ocid, r.Id)).Distinct().Count());
    }
}

internal static class Extensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
