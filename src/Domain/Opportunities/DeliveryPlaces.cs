using System.Text.Json.Nodes;
using Thirty3.Domain.Organisations;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>
/// Where items and lots are delivered: every region a notice names (addresses, NUTS or ITL codes
/// of delivery locations and places of performance), so a notice for several regions is found
/// under each, and one for all of them reads "UK-wide".
/// </summary>
internal static class DeliveryPlaces
{
    public static IEnumerable<string> OfItem(JsonObject item)
    {
        var places = Objects(item["deliveryAddresses"]).Select(a => Text(a["region"]))
            .Append(Text(item["deliveryAddress"]?["region"]))
            .Concat(Objects(item["deliveryLocations"]).SelectMany(LocationPlaces))
            .Concat(item["deliveryLocation"] is JsonObject one ? LocationPlaces(one) : []);
        return Resolve(places);
    }

    public static IEnumerable<string> OfLot(JsonObject lot) =>
        Resolve([Text(lot["placeOfPerformance"]?["nutsCode"]), Text(lot["placeOfPerformance"]?["region"])]);

    /// <summary>The NUTS or ITL codes an item names (UKI31, TLI31), upper-cased, as sent.</summary>
    public static IEnumerable<string> CodesOfItem(JsonObject item) =>
        Codes(Objects(item["deliveryAddresses"]).Select(a => Text(a["region"]))
            .Append(Text(item["deliveryAddress"]?["region"]))
            .Concat(Objects(item["deliveryLocations"]).SelectMany(LocationPlaces))
            .Concat(item["deliveryLocation"] is JsonObject one ? LocationPlaces(one) : []));

    public static IEnumerable<string> CodesOfLot(JsonObject lot) => Codes([Text(lot["placeOfPerformance"]?["nutsCode"])]);

    /// <summary>A code and every coarser level of it (UKI31 → UKI31, UKI3, UKI), so a filter on a level finds what lies in it.</summary>
    public static IEnumerable<string> SelfAndAncestors(string code)
    {
        for (var length = code.Length; length >= 3; length--)
        {
            yield return code[..length];
        }
    }

    public static bool IsCode(string? place) =>
        place is { Length: >= 3 and <= 5 } p && (p.StartsWith("UK", StringComparison.OrdinalIgnoreCase) || p.StartsWith("TL", StringComparison.OrdinalIgnoreCase))
        && char.IsAsciiLetter(p[2]) && p[3..].All(char.IsAsciiLetterOrDigit);

    private static IEnumerable<string> Codes(IEnumerable<string?> places) =>
        places.Where(IsCode).Select(p => p!.ToUpperInvariant());

    private static IEnumerable<string?> LocationPlaces(JsonObject location)
    {
        var gazetteer = location["gazetteer"] as JsonObject;
        var scheme = Text(gazetteer?["scheme"]);
        var codes = scheme is null || scheme.Contains("NUTS", StringComparison.OrdinalIgnoreCase) || scheme.Contains("ITL", StringComparison.OrdinalIgnoreCase)
            ? Strings(gazetteer?["identifiers"])
            : [];
        return codes.Append(Text(location["address"]?["region"])).Append(Text(location["region"]));
    }

    private static IEnumerable<string> Resolve(IEnumerable<string?> places) => places.SelectMany(Regions.ResolveAll);

    /// <summary>Adds regions not yet in <paramref name="into"/>, keeping the order they were first named in.</summary>
    public static void AddTo(List<string> into, IEnumerable<string> regions)
    {
        foreach (var region in regions)
        {
            if (!into.Contains(region))
            {
                into.Add(region);
            }
        }
    }
}
