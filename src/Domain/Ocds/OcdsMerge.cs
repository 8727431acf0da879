using System.Text.Json.Nodes;

namespace Thirty3.Domain.Ocds;

/// <summary>
/// Compiles a contracting process from its releases with the OCDS merge rules: releases in date
/// order, the latest literal wins, a null removes the field, objects merge field by field, arrays
/// of objects that all carry an <c>id</c> merge by id, any other array is replaced whole.
/// </summary>
public static class OcdsMerge
{
    /// <summary>The compiled release of <paramref name="releases"/> (all of one ocid).</summary>
    public static JsonObject Compile(IEnumerable<NormalisedRelease> releases)
    {
        var ordered = releases.OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A process needs at least one release.", nameof(releases));
        }
        var compiled = new JsonObject();
        foreach (var release in ordered)
        {
            MergeObject(compiled, release.Json);
        }
        var last = ordered[^1];
        compiled["id"] = $"{last.Ocid}-{last.Date.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
        compiled["tag"] = new JsonArray("compiled");
        compiled["date"] = last.Json["date"]?.DeepClone();
        return compiled;
    }

    private static void MergeObject(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
            {
                target.Remove(key);
                continue;
            }
            if (value is JsonObject sourceChild)
            {
                if (target[key] is not JsonObject targetChild)
                {
                    targetChild = new JsonObject();
                    target[key] = targetChild;
                }
                MergeObject(targetChild, sourceChild);
                continue;
            }
            if (value is JsonArray sourceArray && IsIdentifiedObjectArray(sourceArray) && target[key] is JsonArray targetArray && IsIdentifiedObjectArray(targetArray))
            {
                MergeById(targetArray, sourceArray);
                continue;
            }
            target[key] = value.DeepClone();
        }
    }

    private static void MergeById(JsonArray target, JsonArray source)
    {
        foreach (var item in source.OfType<JsonObject>())
        {
            var id = ReleaseNormaliser.AsString(item["id"]);
            var existing = target.OfType<JsonObject>().FirstOrDefault(t => ReleaseNormaliser.AsString(t["id"]) == id);
            if (existing is null)
            {
                target.Add(item.DeepClone());
            }
            else
            {
                MergeObject(existing, item);
            }
        }
    }

    private static bool IsIdentifiedObjectArray(JsonArray array) =>
        array.Count > 0 && array.All(n => n is JsonObject o && ReleaseNormaliser.AsString(o["id"]) is not null);
}
