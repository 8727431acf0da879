using System.Text.Json.Nodes;

namespace Thirty3.SampleData;

public static partial class OcdsSampleGenerator
{
    /// <summary>What makes a process a Procurement Act 2023 one on Find a Tender.</summary>
    private sealed class ActPlan
    {
        public string PlanningNotice = "UK1";
        public bool CompetitiveFlexible;
        public bool DynamicMarket;
        public string? FrameworkType;
        public bool OpenFramework;
        public bool InStandstill;
        public DateTime? TerminationDate;
        public DateTime? TerminationReleaseDate;
        public string[] ExtraRegions = [];
        public bool UkWide;
        public bool? LotSme;
    }

    private sealed partial class ProcessBuilder
    {
        private static readonly string[] PlanningNotices = ["UK1", "UK2", "UK3"];

        /// <summary>
        /// About three in five processes are shaped as Find a Tender publishes them since 24 February
        /// 2025; Scottish buyers stay under their own regulations, on Public Contracts Scotland.
        /// </summary>
        private ActPlan? PlanAct(ProcessPlan p, Random rng)
        {
            if (rng.Next(100) >= 60 || p.Buyer.Region == "Scotland")
            {
                return null;
            }
            var act = new ActPlan
            {
                PlanningNotice = PlanningNotices[rng.Next(PlanningNotices.Length)],
                CompetitiveFlexible = p.Method == "selective" || rng.Next(100) < 20,
                UkWide = rng.Next(100) < 4,
                LotSme = p.LotAreas.Length > 0 ? rng.Next(100) < 40 : null,
            };
            if (rng.Next(100) < 12)
            {
                act.ExtraRegions = [Vocabulary.EnglishRegions[rng.Next(Vocabulary.EnglishRegions.Length)]];
            }
            if (p.Stage == Stage.Tender && rng.Next(100) < 3)
            {
                act.DynamicMarket = true;
            }
            else if (rng.Next(100) < 8)
            {
                act.FrameworkType = rng.Next(2) == 0 ? "open" : "closed";
                act.OpenFramework = rng.Next(100) < 25;
            }
            // A UK6 is in standstill for 8 working days before the contract can be signed.
            if (p.Stage == Stage.Award && p.AwardReleaseDate is { } awarded && _now - awarded < TimeSpan.FromDays(10))
            {
                act.InStandstill = true;
            }
            var start = p.ContractStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (p.Stage == Stage.Contract && p.ContractReleaseDate is { } signed && rng.Next(100) < 6 && start < _now - TimeSpan.FromDays(30))
            {
                var from = Max(start, signed) + TimeSpan.FromDays(1);
                act.TerminationDate = from + ((_now - TimeSpan.FromDays(2) - from) * rng.NextDouble());
                act.TerminationReleaseDate = Min(act.TerminationDate.Value + TimeSpan.FromDays(1 + rng.Next(5)), _now - TimeSpan.FromHours(1));
                if (act.TerminationReleaseDate <= signed || act.TerminationDate >= _now)
                {
                    act.TerminationDate = null;
                    act.TerminationReleaseDate = null;
                }
            }
            return act;
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private static JsonObject Termination(ProcessPlan p) => new()
        {
            ["id"] = p.Ocid + "-contract-1",
            ["awardID"] = p.Ocid + "-award-1",
            ["status"] = "terminated",
            ["implementation"] = new JsonObject
            {
                ["endDate"] = FormatDateTime(p.Act!.TerminationDate!.Value),
                ["endDateDetails"] = "Ended early by agreement between the parties.",
            },
            ["terminationRationaleClassifications"] = new JsonArray(new JsonObject { ["scheme"] = "UK_TERMINATION", ["id"] = "agreement", ["description"] = "Terminated by agreement" }),
        };

        /// <summary>Adds what Find a Tender's OCDS carries for Procurement Act notices to a release built in the 2025 Contracts Finder shape.</summary>
        private static void ShapeAsFindATender(ProcessPlan p, JsonObject release, string tag, DateTime date)
        {
            var act = p.Act!;
            var id = (string)release["id"]!;
            var (noticeType, documentType) = tag switch
            {
                "planning" => (act.PlanningNotice, act.PlanningNotice == "UK2" ? "marketEngagementNotice" : "plannedProcurementNotice"),
                "tender" or "tenderAmendment" => act.DynamicMarket ? ("UK13", "dynamicMarketNotice") : ("UK4", "tenderNotice"),
                "award" => ("UK6", "awardNotice"),
                "contract" => ("UK7", "contractNotice"),
                _ => ("UK11", "contractTerminationNotice"),
            };
            var notice = new JsonObject
            {
                ["id"] = id,
                ["documentType"] = documentType,
                ["noticeType"] = noticeType,
                ["description"] = "Notice on Find a Tender",
                ["url"] = "https://www.find-tender.service.gov.uk/Notice/" + id,
                ["datePublished"] = FormatDateTime(date),
                ["format"] = "text/html",
            };
            if (release["tender"] is JsonObject tender)
            {
                tender["legalBasis"] = new JsonObject { ["scheme"] = "UKPGA", ["id"] = "2023/54", ["uri"] = "https://www.legislation.gov.uk/ukpga/2023/54/contents" };
                tender["aboveThreshold"] = p.Amount >= (p.Category == "works" ? 5_372_609m : 214_904m);
                if (act.CompetitiveFlexible && tender["tenderPeriod"] is JsonObject period && tag is "tender" or "tenderAmendment")
                {
                    // The first stage of a competitive flexible procedure asks for requests to participate.
                    tender.Remove("tenderPeriod");
                    tender["expressionOfInterestDeadline"] = period["endDate"]!.DeepClone();
                    tender["procurementMethodDetails"] = "Competitive flexible procedure";
                }
                if (p.Deadline is { } deadline && tag is "tender" or "tenderAmendment")
                {
                    tender["enquiryPeriod"] = new JsonObject { ["endDate"] = FormatDateTime(deadline - TimeSpan.FromDays(7)) };
                }
                if (act.DynamicMarket)
                {
                    tender.Remove("tenderPeriod");
                    tender.Remove("expressionOfInterestDeadline");
                    tender["techniques"] = new JsonObject { ["hasDynamicPurchasingSystem"] = true, ["dynamicPurchasingSystem"] = new JsonObject { ["type"] = "open" } };
                }
                else if (act.FrameworkType is { } type)
                {
                    var agreement = new JsonObject { ["type"] = type };
                    if (act.OpenFramework)
                    {
                        agreement["isOpenFrameworkScheme"] = true;
                        agreement["openFrameworkSchemeEndDate"] = p.ContractEnd.AddYears(4).ToString("yyyy-MM-dd'T23:59:59Z'", Inv);
                    }
                    tender["techniques"] = new JsonObject { ["hasFrameworkAgreement"] = true, ["frameworkAgreement"] = agreement };
                }
                foreach (var item in (tender["items"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var addresses = (JsonArray)item["deliveryAddresses"]!;
                    if (act.UkWide)
                    {
                        addresses.Clear();
                        addresses.Add(new JsonObject { ["region"] = "UK", ["country"] = "GB" });
                    }
                    foreach (var region in act.ExtraRegions.Where(r => r != p.Region))
                    {
                        addresses.Add(new JsonObject { ["region"] = region, ["countryName"] = "United Kingdom" });
                    }
                }
                if (act.LotSme is { } lotSme && tender["lots"] is JsonArray lots && lots.Count > 0)
                {
                    // Suitability said per lot, as the Act's notices do: the first lot, not the process.
                    tender.Remove("suitability");
                    ((JsonObject)lots[0]!)["suitability"] = new JsonObject { ["sme"] = lotSme, ["vcse"] = p.Vcse };
                }
                if (tag == "planning")
                {
                    tender.Remove("tenderPeriod");
                }
                var documents = tag == "planning" ? null : new JsonArray(notice.DeepClone());
                if (documents is not null)
                {
                    tender["documents"] = documents;
                }
            }
            if (tag == "planning")
            {
                release["planning"] = new JsonObject { ["documents"] = new JsonArray(notice) };
            }
            else if (tag is "award" && release["awards"] is JsonArray { Count: > 0 } awards)
            {
                var award = (JsonObject)awards[0]!;
                award["documents"] = new JsonArray(notice);
                if (act.InStandstill)
                {
                    award["status"] = "pending";
                    award["standstillPeriod"] = new JsonObject { ["startDate"] = FormatDateTime(date), ["endDate"] = FormatDateTime(date + TimeSpan.FromDays(12)) };
                }
            }
            else if (tag is "contract" or "contractTermination" && release["contracts"] is JsonArray { Count: > 0 } contracts)
            {
                ((JsonObject)contracts[0]!)["documents"] = new JsonArray(notice);
            }
            if (tag is not "planning" and not "tender" and not "tenderAmendment" && release["tender"] is JsonObject t && t["documents"] is not null)
            {
                t.Remove("documents");
            }
            AddPpon(release);
        }

        /// <summary>Find a Tender names every organisation by its PPON as well (Central Digital Platform ids).</summary>
        private static void AddPpon(JsonObject release)
        {
            foreach (var party in (release["parties"] as JsonArray ?? []).OfType<JsonObject>())
            {
                party["additionalIdentifiers"] = new JsonArray(new JsonObject { ["scheme"] = "GB-PPON", ["id"] = Ppon((string)party["id"]!) });
            }
        }

        /// <summary>A stable PPON-shaped id (PXXX-0000-XXXX) for an organisation id.</summary>
        private static string Ppon(string organisationId)
        {
            const string Letters = "BCDGHJKLMNPQRTVWXYZ";
            var hash = 2166136261u;
            foreach (var c in organisationId)
            {
                hash = Vocabulary.Mix(hash, c);
            }
            var chars = new char[14];
            for (var i = 0; i < chars.Length; i++)
            {
                var h = Vocabulary.Mix(hash, (uint)i);
                chars[i] = i == 0 ? 'P' : i is 4 or 9 ? '-' : i is > 4 and < 9 ? (char)('0' + (h % 10)) : Letters[(int)(h % (uint)Letters.Length)];
            }
            return new string(chars);
        }
    }
}
