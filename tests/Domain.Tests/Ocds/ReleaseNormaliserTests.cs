using System.Text.Json.Nodes;
using Thirty3.Domain.Ocds;

namespace Thirty3.Domain.Tests.Ocds;

public class ReleaseNormaliserTests
{
    private static (NormalisedRelease? Release, ReleaseProblem? Problem) Normalise(string json, string path = "$.releases[3]") =>
        ReleaseNormaliser.Normalise(new PayloadRelease(3, path, JsonNode.Parse(json)));

    [Fact]
    public void Normalise_MissingOcid_RejectedWithPath()
    {
        var (release, problem) = Normalise("""{"id":"1","date":"2025-01-01T00:00:00Z"}""");

        Assert.Null(release);
        Assert.Equal("$.releases[3].ocid", problem!.Path);
        Assert.Contains("ocid", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ocds-abc/123", "'/'")]
    [InlineData("ocds-abc\\u0000123", "U+0000")]
    [InlineData("ocds-abc?x=1", "'?'")]
    public void Normalise_OcidThatCannotBeAnAddress_RejectedSayingWhichCharacter(string ocid, string named)
    {
        var (release, problem) = Normalise($$"""{"ocid":"{{ocid}}","id":"1","date":"2025-01-01T00:00:00Z"}""");

        Assert.Null(release);
        Assert.Equal("$.releases[3].ocid", problem!.Path);
        Assert.Contains(named, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_UnparseableDate_RejectedWithPath()
    {
        var (_, problem) = Normalise("""{"ocid":"ocds-1","id":"1","date":"last tuesday"}""");

        Assert.Equal("$.releases[3].date", problem!.Path);
    }

    [Fact]
    public void Normalise_MissingId_DerivesStableId()
    {
        const string json = """{"ocid":"ocds-r6ebe6-1","date":"2019-04-29T00:00:00Z","tag":["tender"]}""";

        var (first, _) = Normalise(json);
        var (second, _) = Normalise(json);
        var (other, _) = Normalise("""{"ocid":"ocds-r6ebe6-1","date":"2019-05-29T00:00:00Z","tag":["award"]}""");

        Assert.True(first!.IdDerived);
        Assert.Equal(first.Id, second!.Id);
        Assert.NotEqual(first.Id, other!.Id);
        Assert.Equal(first.Id, first.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public void Normalise_NumericItemIds_BecomeStrings()
    {
        var (release, _) = Normalise("""{"ocid":"ocds-1","id":"r","date":"2015-01-01T00:00:00Z","tag":["tender"],"tender":{"items":[{"id":1}]}}""");

        Assert.Equal("1", release!.Json["tender"]!["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Normalise_TagAsStringAndDateWithoutOffset_Accepted()
    {
        var (release, problem) = Normalise("""{"ocid":"ocds-1","id":"r","date":"2025-01-01T10:00:00","tag":"tender"}""");

        Assert.Null(problem);
        Assert.Equal(["tender"], release!.Tags);
        Assert.Equal(TimeSpan.Zero, release.Date.Offset);
    }

    [Fact]
    public void Read_RecordPackage_YieldsEmbeddedReleasesAndReportsLinkedOnes()
    {
        var root = JsonNode.Parse("""{"records":[{"ocid":"ocds-1","releases":[{"ocid":"ocds-1","id":"a","date":"2025-01-01T00:00:00Z","tag":["tender"]},{"url":"http://x/r.json","date":"2025-01-02T00:00:00Z","tag":["award"]}]}]}""");

        var (kind, releases) = OcdsPayload.Read(root);
        var results = releases.Select(ReleaseNormaliser.Normalise).ToList();

        Assert.Equal(OcdsPayloadKind.RecordPackage, kind);
        Assert.NotNull(results[0].Release);
        Assert.Equal("$.records[0].releases[1]", results[1].Problem!.Path);
    }

    [Fact]
    public void Read_ObjectWithoutOcdsShape_ThrowsWithReason()
    {
        var ex = Assert.Throws<OcdsFormatException>(() => OcdsPayload.Read(JsonNode.Parse("""{"hello":"world"}""")));

        Assert.Equal("$", ex.Path);
    }
}
