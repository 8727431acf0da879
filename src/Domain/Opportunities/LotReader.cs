using System.Text.Json.Nodes;
using static Thirty3.Domain.Ocds.OcdsJson;

namespace Thirty3.Domain.Opportunities;

/// <summary>Lots as first-class data: their own facts, the CPV and places of their items, and who won each.</summary>
internal static class LotReader
{
    public static List<LotSummary> Read(JsonObject? tender, IReadOnlyList<JsonObject> items, IReadOnlyList<AwardSummary> awards, CpvReader cpv) =>
        Objects(tender?["lots"]).Select((lot, i) =>
        {
            var id = Text(lot["id"]) ?? $"{i + 1}";
            var lotItems = items.Where(item => Text(item["relatedLot"]) == id).ToList();
            var regions = new List<string>();
            DeliveryPlaces.AddTo(regions, DeliveryPlaces.OfLot(lot).Concat(lotItems.SelectMany(DeliveryPlaces.OfItem)));
            var lotAwards = awards.Where(a => a.RelatedLots.Contains(id)).ToList();
            return new LotSummary(id, Text(lot["title"]), Text(lot["description"]), Amount(lot["value"]), Text(lot["status"]))
            {
                SuitableForSme = Bool(lot["suitability"]?["sme"]),
                SuitableForVcse = Bool(lot["suitability"]?["vcse"]),
                ContractStart = DateOnlyOf(Date(lot["contractPeriod"]?["startDate"])),
                ContractEnd = DateOnlyOf(Date(lot["contractPeriod"]?["endDate"])),
                Cpv = cpv.Of(lot["classification"]).Concat(lotItems.SelectMany(cpv.OfItem)).Distinct().ToList(),
                Regions = regions,
                Suppliers = SuppliersOf(lotAwards, AwardStatuses.Active),
                IntendedSuppliers = SuppliersOf(lotAwards, AwardStatuses.Pending),
            };
        }).ToList();

    private static List<OrganisationRef> SuppliersOf(IEnumerable<AwardSummary> awards, string status) =>
        awards.Where(a => a.Status == status).SelectMany(a => a.Suppliers).DistinctBy(s => s.Id).ToList();
}
