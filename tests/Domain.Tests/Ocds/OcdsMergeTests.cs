using System.Text.Json.Nodes;
using Thirty3.Domain.Ocds;

namespace Thirty3.Domain.Tests.Ocds;

public class OcdsMergeTests
{
    private static NormalisedRelease Release(string json)
    {
        var (release, problem) = ReleaseNormaliser.Normalise(new PayloadRelease(0, "$", JsonNode.Parse(json)));
        Assert.Null(problem);
        return release!;
    }

    [Fact]
    public void Compile_LaterReleaseChangesLiteral_LatestWins()
    {
        var tender = Release("""{"ocid":"ocds-1","id":"r1","date":"2025-01-01T00:00:00Z","tag":["tender"],"tender":{"title":"Old","status":"active"}}""");
        var amendment = Release("""{"ocid":"ocds-1","id":"r2","date":"2025-02-01T00:00:00Z","tag":["tenderAmendment"],"tender":{"title":"New"}}""");

        var compiled = OcdsMerge.Compile([amendment, tender]);

        Assert.Equal("New", compiled["tender"]!["title"]!.GetValue<string>());
        Assert.Equal("active", compiled["tender"]!["status"]!.GetValue<string>());
        Assert.Equal("compiled", compiled["tag"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Compile_ArraysOfObjectsWithIds_MergeById()
    {
        var first = Release("""{"ocid":"ocds-1","id":"r1","date":"2025-01-01T00:00:00Z","tag":["award"],"awards":[{"id":"a1","status":"pending","value":{"amount":10}},{"id":"a2","status":"active"}]}""");
        var second = Release("""{"ocid":"ocds-1","id":"r2","date":"2025-02-01T00:00:00Z","tag":["awardUpdate"],"awards":[{"id":"a1","status":"active"},{"id":"a3","status":"active"}]}""");

        var awards = (JsonArray)OcdsMerge.Compile([first, second])["awards"]!;

        Assert.Equal(["a1", "a2", "a3"], awards.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("active", awards[0]!["status"]!.GetValue<string>());
        Assert.Equal(10, awards[0]!["value"]!["amount"]!.GetValue<int>());
    }

    [Fact]
    public void Compile_NullInLaterRelease_RemovesField()
    {
        var first = Release("""{"ocid":"ocds-1","id":"r1","date":"2025-01-01T00:00:00Z","tag":["tender"],"tender":{"title":"T","description":"D"}}""");
        var second = Release("""{"ocid":"ocds-1","id":"r2","date":"2025-02-01T00:00:00Z","tag":["tenderAmendment"],"tender":{"description":null}}""");

        var tender = (JsonObject)OcdsMerge.Compile([first, second])["tender"]!;

        Assert.False(tender.ContainsKey("description"));
        Assert.Equal("T", tender["title"]!.GetValue<string>());
    }

    [Fact]
    public void Compile_ArrayOfStrings_ReplacedWhole()
    {
        var first = Release("""{"ocid":"ocds-1","id":"r1","date":"2025-01-01T00:00:00Z","tag":["tender"],"tender":{"submissionMethod":["electronicSubmission","written"]}}""");
        var second = Release("""{"ocid":"ocds-1","id":"r2","date":"2025-02-01T00:00:00Z","tag":["tenderAmendment"],"tender":{"submissionMethod":["inPerson"]}}""");

        var methods = (JsonArray)OcdsMerge.Compile([first, second])["tender"]!["submissionMethod"]!;

        Assert.Equal(["inPerson"], methods.Select(m => m!.GetValue<string>()));
    }
}
