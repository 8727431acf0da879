using System.Text.Json.Nodes;
using NJsonSchema;

namespace Thirty3.Domain.Tests.Opportunities;

/// <summary>Our Find a Tender fixtures must be what Find a Tender could publish: valid OCDS 1.1.5 releases with the UK extension.</summary>
public class FindATenderSchemaTests
{
    [SkippableFact]
    public async Task Validate_EveryFixtureRelease_ValidAgainstOcdsReleaseSchemaWithUkExtension()
    {
        var ocds = Path.Combine(SharedData.Require(), "ocds");
        var schemaJson = JsonNode.Parse(File.ReadAllText(Path.Combine(ocds, "schema-1.1.5", "release-schema.json")))!;
        var patch = JsonNode.Parse(File.ReadAllText(Path.Combine(ocds, "uk-extension", "release-schema.json")))!;
        // OCDS extensions are JSON Merge Patches (RFC 7386) of the release schema.
        var patched = MergePatch(schemaJson, patch)!;
        // The UK extension builds on others (location, lots, techniques, …) that are not kept beside
        // the project; what it references from them is taken as an open object.
        var definitions = patched["definitions"]!.AsObject();
        foreach (var name in Refs(patch).Where(r => !definitions.ContainsKey(r)).Distinct().ToList())
        {
            definitions[name] = new JsonObject { ["type"] = "object" };
        }
        var schema = await JsonSchema.FromJsonAsync(patched.ToJsonString());
        Assert.NotNull(schema.Definitions["Award"].Properties["standstillPeriod"]);

        var checkedReleases = 0;
        foreach (var file in FindATenderFixtures.Files)
        {
            var package = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var release in package["releases"]!.AsArray())
            {
                var errors = schema.Validate(release!.ToJsonString());
                Assert.True(errors.Count == 0, $"{Path.GetFileName(file)} release {release["id"]}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
                checkedReleases++;
            }
        }
        Assert.True(checkedReleases >= 24, $"expected every fixture release, checked {checkedReleases}");
    }

    [SkippableFact]
    public async Task Validate_ReleaseWithWrongAwardStatus_Invalid()
    {
        // The check above must be able to fail: a closed codelist value it does not know is an error.
        var ocds = Path.Combine(SharedData.Require(), "ocds");
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(ocds, "schema-1.1.5", "release-schema.json")));
        var release = """{"ocid":"ocds-x-1","id":"1","date":"2026-01-01T00:00:00Z","tag":["award"],"initiationType":"tender","awards":[{"id":"1","status":"standstill"}]}""";
        Assert.NotEmpty(schema.Validate(release));
    }

    private static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value?.GetValue<string>() is { } r && r.StartsWith("#/definitions/", StringComparison.Ordinal)
            ? [r["#/definitions/".Length..]]
            : Refs(p.Value)),
        JsonArray a => a.SelectMany(Refs),
        _ => [],
    };

    private static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject is { } t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = MergePatch(result[key], value);
                result[key] = merged;
            }
        }
        return result;
    }
}
