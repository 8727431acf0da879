using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Thirty3.DirectoryApi.Opportunities;
using Thirty3.Domain;
using Thirty3.Domain.Cpv;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;
using Thirty3.SampleData;

namespace Thirty3.Bench.Micro;

/// <summary>
/// The CPU paths an ingest batch and a search go through, on generator data (seed 33): one process of 4
/// releases (planning, tender, award, contract or an amendment) and one package of 500 releases.
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CpvLabelCache _labels = new();
    private PayloadRelease[] _payload = [];
    private NormalisedRelease[] _normalised = [];
    private StoredRelease[] _stored = [];
    private byte[] _package = [];
    private OpportunityDetail _detail = null!;
    private OpportunitySearchQuery _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        var index = Enumerable.Range(0, 10_000).First(i => OcdsSampleGenerator.GenerateProcess(i, 33, Now).Count == 4);
        var releases = OcdsSampleGenerator.GenerateProcess(index, 33, Now);
        _payload = releases.Select((r, i) => new PayloadRelease(i, $"$.releases[{i}]", r)).ToArray();
        _normalised = _payload.Select(p => ReleaseNormaliser.Normalise(p).Release!).ToArray();
        _stored = _normalised.Select(r => new StoredRelease(r, "bench")).ToArray();
        _package = Encoding.UTF8.GetBytes(OcdsSampleGenerator.GenerateReleasePackages(1_000, 33, Now, 500).First().ToJsonString());
        _detail = OpportunityCompiler.Compile(_stored, _labels).Detail;
        _query = new OpportunitySearchQuery { Q = "\"social care\" case management", Stage = ["tender"], Region = ["London"], Sme = true };
    }

    [Benchmark(Description = "OcdsMerge.Compile, 4-release process")]
    public JsonObject Merge() => OcdsMerge.Compile(_normalised);

    [Benchmark(Description = "ReleaseNormaliser.Normalise, 1 release")]
    public NormalisedRelease? Normalise() => ReleaseNormaliser.Normalise(_payload[1]).Release;

    [Benchmark(Description = "OpportunityCompiler.Compile, 4-release process")]
    public CompiledOpportunity Compile() => OpportunityCompiler.Compile(_stored, _labels);

    [Benchmark(Description = "OpportunitySearchService.BuildRequest")]
    public object BuildRequest() => OpportunitySearchService.BuildRequest(_query, Now);

    [Benchmark(Description = "JsonNode.Parse, 500-release package")]
    public JsonNode? ParsePackage() => JsonNode.Parse(_package);

    [Benchmark(Description = "JsonDocument.Parse, 500-release package (alternative)")]
    public int ParsePackageDocument()
    {
        using var doc = JsonDocument.Parse(_package);
        return doc.RootElement.GetProperty("releases").GetArrayLength();
    }

    [Benchmark(Description = "OpportunityDocuments.ToDocument (from stored detail JSON)")]
    public object ToDocument() => OpportunityDocuments.ToDocument(JsonSerializer.Deserialize<OpportunityDetail>(JsonSerializer.Serialize(_detail, DirectoryJson.Options), DirectoryJson.Options)!);
}
