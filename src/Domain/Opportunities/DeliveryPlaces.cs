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
