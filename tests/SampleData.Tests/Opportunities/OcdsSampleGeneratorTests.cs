using System.Globalization;
using System.Text.Json.Nodes;

namespace Thirty3.SampleData.Tests;

public sealed class OcdsSampleGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 30, 0, TimeSpan.Zero);

    private static string[] Serialise(IEnumerable<JsonObject> releases) => releases.Select(r => r.ToJsonString()).ToArray();

    private static List<List<JsonObject>> Processes(int count, int seed = 7)
    {
        var processes = new List<List<JsonObject>>(count);
        foreach (var release in OcdsSampleGenerator.GenerateReleases(count, seed, Now))
        {
            if (processes.Count == 0 || (string?)processes[^1][0]["ocid"] != (string?)release["ocid"])
            {
                processes.Add([]);
            }
            processes[^1].Add(release);
        }
        return processes;
    }

    private static string Stage(List<JsonObject> process)
    {
        var tag = (string)process[^1]["tag"]![0]!;
        return tag == "tenderAmendment" ? "tender" : tag;
    }

    [Fact]
    public void GenerateReleases_SameSeed_IdenticalOutput()
    {
        var first = Serialise(OcdsSampleGenerator.GenerateReleases(300, 42, Now));
        var second = Serialise(OcdsSampleGenerator.GenerateReleases(300, 42, Now));

        Assert.Equal(first, second);
    }

    [Fact]
    public void GenerateReleases_DifferentSeeds_Differ()
    {
        var first = Serialise(OcdsSampleGenerator.GenerateReleases(50, 1, Now));
        var second = Serialise(OcdsSampleGenerator.GenerateReleases(50, 2, Now));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void GenerateReleases_ProcessIndex_SameWhetherGenerating10Or1000()
    {
        var few = Serialise(OcdsSampleGenerator.GenerateReleases(10, 5, Now));
        var many = Serialise(OcdsSampleGenerator.GenerateReleases(1000, 5, Now).Take(few.Length));

        Assert.Equal(few, many);
    }

    [Fact]
    public void GenerateReleases_Shard_MatchesSameIndicesOfWholeSet()
    {
        var whole = Processes(40, seed: 9).Skip(25).SelectMany(p => p).Select(r => r.ToJsonString());
        var shard = Serialise(OcdsSampleGenerator.GenerateReleases(25, 15, 9, Now));

        Assert.Equal(whole, shard);
    }

    [Fact]
    public void GenerateReleases_EveryRelease_HasRequiredFieldsAndEightDigitCpv()
    {
        foreach (var release in OcdsSampleGenerator.GenerateReleases(1000, 3, Now))
        {
            Assert.StartsWith(OcdsSampleGenerator.OcidPrefix, (string?)release["ocid"]);
            Assert.False(string.IsNullOrEmpty((string?)release["id"]));
            Assert.True(DateTimeOffset.TryParse((string?)release["date"], CultureInfo.InvariantCulture, out var date));
            Assert.True(date <= Now);
            Assert.Single(release["tag"]!.AsArray());
            Assert.Equal("tender", (string?)release["initiationType"]);
            var buyer = release["buyer"]!;
            Assert.False(string.IsNullOrEmpty((string?)buyer["id"]));
            Assert.False(string.IsNullOrEmpty((string?)buyer["name"]));
            var tender = release["tender"]!;
            Assert.False(string.IsNullOrWhiteSpace((string?)tender["title"]));
            var cpv = (string)tender["classification"]!["id"]!;
            Assert.Matches("^[0-9]{8}$", cpv);
            Assert.Equal("CPV", (string?)tender["classification"]!["scheme"]);
            Assert.Equal("GBP", (string?)tender["value"]!["currency"]);
            var words = ((string)tender["description"]!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 20, 200);
        }
    }

    [Fact]
    public void GenerateReleases_WithinProcess_DatesIncreaseAndIdsAreUnique()
    {
        var processes = Processes(2000);

        Assert.Equal(2000, processes.Count);
        foreach (var process in processes)
        {
            Assert.InRange(process.Count, 1, 4);
            var dates = process.Select(r => DateTimeOffset.Parse((string)r["date"]!, CultureInfo.InvariantCulture)).ToList();
            for (var i = 1; i < dates.Count; i++)
            {
                Assert.True(dates[i] > dates[i - 1], $"{process[0]["ocid"]}: release {i} is not after release {i - 1}");
            }
            Assert.Equal(process.Count, process.Select(r => (string?)r["id"]).Distinct().Count());
        }
    }

    [Fact]
    public void GenerateReleases_2000Processes_StageMixWithinTolerance()
    {
        var stages = Processes(2000).GroupBy(Stage).ToDictionary(g => g.Key, g => g.Count() / 2000.0);

        Assert.InRange(stages.GetValueOrDefault("planning"), 0.07, 0.13);
        Assert.InRange(stages.GetValueOrDefault("tender"), 0.40, 0.50);
        Assert.InRange(stages.GetValueOrDefault("award"), 0.26, 0.34);
        Assert.InRange(stages.GetValueOrDefault("contract"), 0.12, 0.18);
    }

    [Fact]
    public void GenerateReleases_TenderStage_DeadlinesMostlyInNext90DaysSomeInPast()
    {
        var deadlines = Processes(2000)
            .Where(p => Stage(p) == "tender")
            // A competitive flexible procedure's only deadline is for expressions of interest; a
            // dynamic market has none while it admits suppliers.
            .Select(p => (string?)p[^1]["tender"]!["tenderPeriod"]?["endDate"] ?? (string?)p[^1]["tender"]!["expressionOfInterestDeadline"])
            .Where(d => d is not null)
            .Select(d => DateTimeOffset.Parse(d!, CultureInfo.InvariantCulture))
            .ToList();

        var open = deadlines.Count(d => d > Now && d <= Now.AddDays(91));
        var past = deadlines.Count(d => d <= Now);
        Assert.Equal(deadlines.Count, open + past);
        Assert.InRange(open / (double)deadlines.Count, 0.6, 0.8);
    }

    [Fact]
    public void GenerateReleases_AwardAndContract_CarrySuppliersAndPeriods()
    {
        foreach (var process in Processes(500).Where(p => Stage(p) is "award" or "contract"))
        {
            var last = process[^1];
            var award = last["awards"]![0]!;
            Assert.NotEmpty(award["suppliers"]!.AsArray());
            Assert.NotNull(award["contractPeriod"]!["startDate"]);
            var supplierParties = last["parties"]!.AsArray().Where(p => p!["roles"]![0]!.GetValue<string>() == "supplier").ToList();
            Assert.All(supplierParties, p => Assert.Contains((string)p!["details"]!["scale"]!, new[] { "sme", "large" }));
            if (Stage(process) == "contract")
            {
                Assert.NotNull(last["contracts"]![0]!["period"]!["endDate"]);
                Assert.NotNull(last["contracts"]![0]!["value"]!["amount"]);
            }
        }
    }

    [Fact]
    public void GenerateReleases_2000Processes_SomeShapedAsProcurementActNoticesOnFindATender()
    {
        var releases = Processes(2000).SelectMany(p => p).ToList();
        var types = releases
            .SelectMany(r => new[] { r["tender"]?["documents"], r["planning"]?["documents"], r["awards"]?[0]?["documents"], r["contracts"]?[0]?["documents"] })
            .OfType<System.Text.Json.Nodes.JsonArray>()
            .SelectMany(d => d)
            .Select(d => (string?)d!["noticeType"])
            .Where(t => t is not null)
            .ToHashSet();

        Assert.Superset(new HashSet<string?> { "UK1", "UK2", "UK3", "UK4", "UK6", "UK7", "UK11", "UK13" }, types);
        Assert.Contains(releases, r => r["tender"]?["expressionOfInterestDeadline"] is not null && r["tender"]?["tenderPeriod"] is null);
        Assert.Contains(releases, r => (string?)r["awards"]?[0]?["status"] == "pending" && r["awards"]![0]!["standstillPeriod"] is not null);
        Assert.Contains(releases, r => (string?)r["contracts"]?[0]?["status"] == "terminated");
        Assert.Contains(releases, r => r["parties"]!.AsArray().Any(p => (string?)p!["additionalIdentifiers"]?[0]?["scheme"] == "GB-PPON"));
        Assert.Contains(releases, r => (string?)r["tender"]?["legalBasis"]?["id"] == "2023/54");
    }

    [Fact]
    public void GenerateReleases_20000Processes_AllCpvDivisionsAndLondonBoroughsAppear()
    {
        var divisions = new HashSet<string>(StringComparer.Ordinal);
        var buyers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var release in OcdsSampleGenerator.GenerateReleases(20_000, 11, Now))
        {
            divisions.Add(((string)release["tender"]!["classification"]!["id"]!)[..2]);
            buyers.Add((string)release["buyer"]!["id"]!);
        }

        Assert.Equal(45, divisions.Count);
        Assert.All(Thirty3.Domain.Organisations.LondonBoroughs.All, c => Assert.Contains(c.OrganisationId, buyers));
        Assert.Contains(buyers, b => b.StartsWith("GB-CFS-", StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateReleasePackages_Batches_WrapAllReleasesInOcds11Packages()
    {
        var releases = OcdsSampleGenerator.GenerateReleases(100, 4, Now).Count();
        var packages = OcdsSampleGenerator.GenerateReleasePackages(100, 4, Now, releasesPerPackage: 30).ToList();

        Assert.Equal((releases + 29) / 30, packages.Count);
        Assert.Equal(releases, packages.Sum(p => p["releases"]!.AsArray().Count));
        Assert.All(packages, p =>
        {
            Assert.Equal("1.1", (string?)p["version"]);
            Assert.False(string.IsNullOrEmpty((string?)p["uri"]));
            Assert.Equal(OcdsSampleGenerator.PublisherName, (string?)p["publisher"]!["name"]);
            Assert.NotNull(p["publishedDate"]);
        });
        Assert.Equal(packages.Count, packages.Select(p => (string?)p["uri"]).Distinct().Count());
    }
}
