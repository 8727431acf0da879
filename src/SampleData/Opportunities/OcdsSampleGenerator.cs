using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Thirty3.SampleData;

/// <summary>
/// Realistic OCDS 1.1 releases in the shape Contracts Finder publishes (2025), for demos, load tests and
/// benchmarks. Deterministic: process <c>i</c> of a seed is the same however many processes are generated,
/// so output can be streamed, resumed or split into shards by index range.
/// </summary>
public static partial class OcdsSampleGenerator
{
    /// <summary>Prefix of every generated ocid; the rest is the zero-padded process index.</summary>
    public const string OcidPrefix = "ocds-t33smp-";

    /// <summary>The publisher named in generated release packages.</summary>
    public const string PublisherName = "Thirty3 sample data";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Releases of processes <c>0..processCount-1</c>, process by process, each process's releases in date order
    /// (planning → tender → tenderAmendment → award → contract; 1–4 of them).
    /// </summary>
    /// <param name="processCount">How many contracting processes (ocids).</param>
    /// <param name="seed">Same seed, same output.</param>
    /// <param name="now">The moment the data is relative to: deadlines fall around it, no release is after it.</param>
    public static IEnumerable<JsonObject> GenerateReleases(int processCount, int seed, DateTimeOffset now) =>
        GenerateReleases(0, processCount, seed, now);

    /// <summary>Releases of processes <c>firstIndex..firstIndex+processCount-1</c>: one shard of a larger set.</summary>
    public static IEnumerable<JsonObject> GenerateReleases(int firstIndex, int processCount, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(processCount);
        return Iterate(firstIndex, processCount, seed, now);

        static IEnumerable<JsonObject> Iterate(int firstIndex, int processCount, int seed, DateTimeOffset now)
        {
            var builder = new ProcessBuilder(seed, now);
            var releases = new List<JsonObject>(4);
            for (var i = firstIndex; i < firstIndex + processCount; i++)
            {
                releases.Clear();
                builder.Build(i, releases);
                foreach (var release in releases)
                {
                    yield return release;
                }
            }
        }
    }

    /// <summary>The releases of one process, oldest first.</summary>
    public static IReadOnlyList<JsonObject> GenerateProcess(int index, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var releases = new List<JsonObject>(4);
        new ProcessBuilder(seed, now).Build(index, releases);
        return releases;
    }

    /// <summary>
    /// The releases of <see cref="GenerateReleases(int, int, DateTimeOffset)"/> wrapped in OCDS 1.1 release packages
    /// of at most <paramref name="releasesPerPackage"/> releases each.
    /// </summary>
    public static IEnumerable<JsonObject> GenerateReleasePackages(int processCount, int seed, DateTimeOffset now, int releasesPerPackage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(releasesPerPackage);
        ArgumentOutOfRangeException.ThrowIfNegative(processCount);
        return Iterate(processCount, seed, now, releasesPerPackage);

        static IEnumerable<JsonObject> Iterate(int processCount, int seed, DateTimeOffset now, int releasesPerPackage)
        {
            var published = FormatDateTime(now.UtcDateTime);
            var packageNumber = 0;
            JsonArray? batch = null;
            foreach (var release in GenerateReleases(processCount, seed, now))
            {
                batch ??= [];
                batch.Add(release);
                if (batch.Count == releasesPerPackage)
                {
                    yield return Package(++packageNumber, batch);
                    batch = null;
                }
            }
            if (batch is not null)
            {
                yield return Package(++packageNumber, batch);
            }

            JsonObject Package(int number, JsonArray releases) => new()
            {
                ["uri"] = $"https://thirty3.example/sample/ocds/release-packages/{seed.ToString(Inv)}/{number.ToString(Inv)}.json",
                ["version"] = "1.1",
                ["publishedDate"] = published,
                ["publisher"] = new JsonObject { ["name"] = PublisherName },
                ["license"] = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                ["publicationPolicy"] = "https://thirty3.example/sample/publication-policy",
                ["releases"] = releases,
            };
        }
    }

    internal static string FormatDateTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);

    internal static string Ocid(int index) => OcidPrefix + index.ToString("D8", Inv);

    /// <summary>Builds processes; holds buffers reused from one process to the next.</summary>
    private sealed partial class ProcessBuilder(int seed, DateTimeOffset now)
    {
        private readonly DateTime _now = new(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        private readonly StringBuilder _text = new(2048);
        private readonly StringBuilder _sentence = new(256);

        public void Build(int index, List<JsonObject> releases)
        {
            var rng = new Random(unchecked((int)Vocabulary.Mix((uint)seed, (uint)index)));
            var p = Plan(index, rng);
            // Procurement Act shaping draws from its own generator, so every other field of a
            // process is what it was before the Act's notices were added to the sample.
            p.Act = PlanAct(p, new Random(unchecked((int)Vocabulary.Mix((uint)seed ^ 0x9E3779B9u, (uint)index))));
            var n = 0;
            if (p.PlanningDate is { } planning)
            {
                releases.Add(Release(p, ++n, "planning", planning, rng));
            }
            if (p.TenderDate is { } tender)
            {
                releases.Add(Release(p, ++n, "tender", tender, rng));
            }
            if (p.AmendmentDate is { } amendment)
            {
                releases.Add(Release(p, ++n, "tenderAmendment", amendment, rng));
            }
            if (p.AwardReleaseDate is { } award)
            {
                releases.Add(Release(p, ++n, "award", award, rng));
            }
            if (p.ContractReleaseDate is { } contract)
            {
                releases.Add(Release(p, ++n, "contract", contract, rng));
            }
            if (p.Act?.TerminationReleaseDate is { } terminated && n < 4)
            {
                releases.Add(Release(p, ++n, "contractTermination", terminated, rng));
            }
        }

        private ProcessPlan Plan(int index, Random rng)
        {
            var p = new ProcessPlan { Ocid = Ocid(index) };
            var stageRoll = rng.Next(100);
            p.Stage = stageRoll < 10 ? Stage.Planning : stageRoll < 55 ? Stage.Tender : stageRoll < 85 ? Stage.Award : Stage.Contract;

            p.Cpv = CpvCatalogue.Pick(rng);
            p.Buyer = rng.Next(100) < 45
                ? Vocabulary.LondonBuyers[rng.Next(Vocabulary.LondonBuyers.Length)]
                : Vocabulary.OtherBuyers[rng.Next(Vocabulary.OtherBuyers.Length)];
            p.Region = rng.Next(100) < 88 ? p.Buyer.Region : Vocabulary.EnglishRegions[rng.Next(Vocabulary.EnglishRegions.Length)];
            p.Years = 1 + rng.Next(5);
            p.ExtensionYears = rng.Next(3);
            p.Amount = Amount(p.Cpv.Theme, rng);
            if (rng.Next(100) < 25)
            {
                p.MinAmount = Round((double)p.Amount * (0.3 + (rng.NextDouble() * 0.5)), rng);
            }
            p.Method = PickMethod(p.Stage, rng, out p.MethodDetails);
            p.Category = p.Cpv.Division switch
            {
                "45" => "works",
                "48" or "72" => "services",
                var d when string.CompareOrdinal(d, "45") < 0 => "goods",
                _ => "services",
            };
            p.Sme = rng.Next(100) < 70;
            p.Vcse = rng.Next(100) < (p.Cpv.Theme is Theme.SocialCare or Theme.Health ? 70 : 25);
            p.TenderId = TenderReference(p.Buyer, index, rng);

            PlanTimeline(p, rng);

            var subjects = Vocabulary.Subjects[(int)p.Cpv.Theme];
            var subject = subjects.Length > 0 && rng.Next(100) < 85 ? subjects[rng.Next(subjects.Length)] : null;
            var ctx = new TextContext(
                p.Buyer.Name,
                subject ?? LowerFirst(p.Cpv.Label),
                p.Cpv.Label,
                Vocabulary.Areas[rng.Next(Vocabulary.Areas.Length)],
                p.Region,
                p.Years,
                Math.Max(1, p.ExtensionYears),
                "£" + p.Amount.ToString("N0", Inv),
                p.ContractStart.Year);
            p.Title = Title(subject is null, ctx, rng);
            p.Description = Description(ctx, rng);

            var lotCount = p.Stage != Stage.Planning && rng.Next(100) < 15 ? 2 + rng.Next(3) : 0;
            p.LotAreas = new string[lotCount];
            for (var l = 0; l < lotCount; l++)
            {
                p.LotAreas[l] = Vocabulary.Areas[rng.Next(Vocabulary.Areas.Length)];
            }
            p.Related = RelatedCodes(p.Cpv, rng);

            if (p.Stage is Stage.Award or Stage.Contract)
            {
                var pool = Vocabulary.Suppliers[Vocabulary.SectorOf(p.Cpv.Theme)];
                var count = rng.Next(100) < 85 ? 1 : 2 + rng.Next(2);
                p.Suppliers = new SampleSupplier[count];
                for (var s = 0; s < count; s++)
                {
                    p.Suppliers[s] = pool[rng.Next(pool.Length)];
                }
                p.AwardAmount = rng.Next(100) < 70 ? Round((double)p.Amount * (0.75 + (rng.NextDouble() * 0.3)), rng) : p.Amount;
            }
            return p;
        }

        private void PlanTimeline(ProcessPlan p, Random rng)
        {
            switch (p.Stage)
            {
                case Stage.Planning:
                    p.PlanningDate = _now - Days(rng, 0, 180);
                    p.Deadline = null;
                    p.ContractStart = DateOnly.FromDateTime(p.PlanningDate.Value + Days(rng, 90, 300));
                    break;
                case Stage.Tender:
                    if (rng.Next(100) < 70)
                    {
                        p.TenderDate = _now - Days(rng, 0.1, 40);
                        p.Deadline = NoonOf(_now + Days(rng, 1, 90));
                    }
                    else
                    {
                        p.Deadline = NoonOf(_now - Days(rng, 1, 60));
                        p.TenderDate = p.Deadline.Value - Days(rng, 14, 60);
                        var roll = rng.Next(100);
                        p.TenderStatus = roll < 5 ? "cancelled" : roll < 8 ? "unsuccessful" : "active";
                    }
                    AddPlanningAndAmendment(p, rng, planningPercent: 25, amendmentPercent: 25);
                    p.ContractStart = DateOnly.FromDateTime(p.Deadline.Value + Days(rng, 30, 120));
                    break;
                default:
                    if (p.Stage == Stage.Contract)
                    {
                        p.ContractReleaseDate = _now - Days(rng, 0.1, 400);
                        p.AwardReleaseDate = p.ContractReleaseDate.Value - Days(rng, 7, 90);
                    }
                    else
                    {
                        p.AwardReleaseDate = _now - Days(rng, 0.1, 500);
                    }
                    p.AwardDate = p.AwardReleaseDate.Value - Days(rng, 0.1, 20);
                    p.Deadline = NoonOf(p.AwardDate.Value - Days(rng, 14, 120));
                    if (p.Method != "direct")
                    {
                        p.TenderDate = p.Deadline.Value - Days(rng, 14, 60);
                        var maxBefore = p.Stage == Stage.Contract ? 3 : 4;
                        AddPlanningAndAmendment(p, rng, planningPercent: 20, amendmentPercent: 20, maxReleases: maxBefore);
                    }
                    p.TenderStatus = "complete";
                    p.ContractStart = DateOnly.FromDateTime(p.AwardDate.Value + Days(rng, 7, 60));
                    break;
            }
            p.ContractEnd = p.ContractStart.AddYears(p.Years).AddDays(-1);
        }

        private void AddPlanningAndAmendment(ProcessPlan p, Random rng, int planningPercent, int amendmentPercent, int maxReleases = 4)
        {
            var tender = p.TenderDate!.Value;
            // Releases so far: tender, plus award and contract when planned.
            var used = 1 + (p.AwardReleaseDate is null ? 0 : 1) + (p.ContractReleaseDate is null ? 0 : 1);
            if (used < maxReleases && rng.Next(100) < amendmentPercent)
            {
                var latest = Min(Min(p.Deadline!.Value, p.AwardReleaseDate ?? DateTime.MaxValue), _now) - TimeSpan.FromHours(1);
                var window = latest - tender;
                if (window > TimeSpan.FromHours(2))
                {
                    p.AmendmentDate = tender + TimeSpan.FromHours(1) + (window * rng.NextDouble() * 0.9);
                    used++;
                }
            }
            if (used < maxReleases && rng.Next(100) < planningPercent)
            {
                p.PlanningDate = tender - Days(rng, 14, 120);
            }
        }

        private JsonObject Release(ProcessPlan p, int number, string tag, DateTime date, Random rng)
        {
            var release = new JsonObject
            {
                ["ocid"] = p.Ocid,
                ["id"] = $"{p.Ocid}-{number.ToString(Inv)}",
                ["language"] = "en",
                ["date"] = FormatDateTime(date),
                ["tag"] = new JsonArray(tag),
                ["initiationType"] = "tender",
                ["parties"] = Parties(p, tag),
                ["buyer"] = new JsonObject { ["id"] = p.Buyer.Id, ["name"] = p.Buyer.Name },
                ["tender"] = Tender(p, tag, rng),
            };
            if (tag is "award" or "contract")
            {
                release["awards"] = new JsonArray(Award(p));
            }
            if (tag == "contract")
            {
                release["contracts"] = new JsonArray(Contract(p));
            }
            if (tag == "contractTermination")
            {
                release["contracts"] = new JsonArray(Termination(p));
            }
            if (p.Act is not null)
            {
                ShapeAsFindATender(p, release, tag, date);
            }
            return release;
        }

        private static JsonArray Parties(ProcessPlan p, string tag)
        {
            var buyer = p.Buyer;
            var identifier = buyer.Id.StartsWith("GB-GSS-", StringComparison.Ordinal)
                ? new JsonObject { ["scheme"] = "GB-GSS", ["id"] = buyer.Id[7..], ["legalName"] = buyer.Name }
                : new JsonObject { ["legalName"] = buyer.Name };
            var parties = new JsonArray(new JsonObject
            {
                ["id"] = buyer.Id,
                ["name"] = buyer.Name,
                ["identifier"] = identifier,
                ["address"] = new JsonObject { ["locality"] = buyer.Locality, ["region"] = buyer.Region, ["countryName"] = buyer.Country },
                ["roles"] = new JsonArray("buyer"),
            });
            if (tag is "award" or "contract")
            {
                foreach (var s in p.Suppliers)
                {
                    var supplierIdentifier = s.Id.StartsWith("GB-COH-", StringComparison.Ordinal)
                        ? new JsonObject { ["scheme"] = "GB-COH", ["id"] = s.Id[7..], ["legalName"] = s.Name }
                        : new JsonObject { ["legalName"] = s.Name };
                    parties.Add(new JsonObject
                    {
                        ["id"] = s.Id,
                        ["name"] = s.Name,
                        ["identifier"] = supplierIdentifier,
                        ["details"] = new JsonObject { ["scale"] = s.Scale, ["vcse"] = s.Vcse },
                        ["roles"] = new JsonArray("supplier"),
                    });
                }
            }
            return parties;
        }

        private static JsonObject Tender(ProcessPlan p, string tag, Random rng)
        {
            var status = tag switch
            {
                "planning" => "planned",
                "award" or "contract" => "complete",
                _ => p.TenderStatus,
            };
            var tender = new JsonObject
            {
                ["id"] = p.TenderId,
                ["title"] = p.Title,
                ["description"] = p.Description,
                ["status"] = status,
                ["classification"] = Classification(p.Cpv),
                ["items"] = Items(p),
                ["value"] = Money(p.Amount),
            };
            if (p.MinAmount is { } min)
            {
                tender["minValue"] = Money(min);
            }
            if (p.TenderDate is { } published && tag != "planning")
            {
                tender["datePublished"] = FormatDateTime(published);
            }
            tender["procurementMethod"] = p.Method;
            tender["procurementMethodDetails"] = p.MethodDetails;
            if (p.Deadline is { } deadline && tag != "planning")
            {
                tender["tenderPeriod"] = new JsonObject { ["endDate"] = FormatDateTime(deadline) };
            }
            tender["contractPeriod"] = Period(p.ContractStart, p.ContractEnd);
            tender["suitability"] = new JsonObject { ["sme"] = p.Sme, ["vcse"] = p.Vcse };
            tender["mainProcurementCategory"] = p.Category;
            if (p.LotAreas.Length > 0)
            {
                var lots = new JsonArray();
                var share = Math.Round(p.Amount / p.LotAreas.Length);
                for (var l = 0; l < p.LotAreas.Length; l++)
                {
                    lots.Add(new JsonObject
                    {
                        ["id"] = (l + 1).ToString(Inv),
                        ["title"] = $"Lot {(l + 1).ToString(Inv)}: {p.LotAreas[l]}",
                        ["description"] = $"{p.Title} for {p.LotAreas[l]}.",
                        ["value"] = Money(share),
                        ["status"] = status == "complete" ? "complete" : "active",
                    });
                }
                tender["lots"] = lots;
            }
            if (tag == "tenderAmendment")
            {
                tender["amendments"] = new JsonArray(new JsonObject
                {
                    ["id"] = "1",
                    ["date"] = FormatDateTime(p.AmendmentDate!.Value),
                    ["rationale"] = rng.Next(2) == 0 ? "Clarification responses published and documents updated." : "Tender deadline and documents revised.",
                });
            }
            return tender;
        }

        private static JsonArray Items(ProcessPlan p)
        {
            var items = new JsonArray();
            var count = Math.Max(1, p.LotAreas.Length);
            for (var i = 0; i < count; i++)
            {
                var item = new JsonObject
                {
                    ["id"] = (i + 1).ToString(Inv),
                    ["classification"] = Classification(p.Cpv),
                };
                if (p.Related.Length > 0)
                {
                    var additional = new JsonArray();
                    foreach (var related in p.Related)
                    {
                        additional.Add(Classification(related));
                    }
                    item["additionalClassifications"] = additional;
                }
                item["deliveryAddresses"] = new JsonArray(new JsonObject { ["region"] = p.Region, ["countryName"] = "United Kingdom" });
                if (p.LotAreas.Length > 0)
                {
                    item["relatedLot"] = (i + 1).ToString(Inv);
                }
                items.Add(item);
            }
            return items;
        }

        private static JsonObject Award(ProcessPlan p)
        {
            var suppliers = new JsonArray();
            foreach (var s in p.Suppliers)
            {
                suppliers.Add(new JsonObject { ["id"] = s.Id, ["name"] = s.Name });
            }
            return new JsonObject
            {
                ["id"] = p.Ocid + "-award-1",
                ["status"] = "active",
                ["date"] = FormatDateTime(p.AwardDate!.Value),
                ["datePublished"] = FormatDateTime(p.AwardReleaseDate!.Value),
                ["value"] = Money(p.AwardAmount),
                ["suppliers"] = suppliers,
                ["contractPeriod"] = Period(p.ContractStart, p.ContractEnd),
            };
        }

        private static JsonObject Contract(ProcessPlan p) => new()
        {
            ["id"] = p.Ocid + "-contract-1",
            ["awardID"] = p.Ocid + "-award-1",
            ["title"] = p.Title,
            ["status"] = p.ContractStart <= DateOnly.FromDateTime(p.ContractReleaseDate!.Value) ? "active" : "pending",
            ["period"] = Period(p.ContractStart, p.ContractEnd),
            ["value"] = Money(p.AwardAmount),
            ["dateSigned"] = FormatDateTime(p.AwardDate!.Value + TimeSpan.FromDays(3)),
        };

        private static JsonObject Classification(CpvEntry cpv) => new()
        {
            ["scheme"] = "CPV",
            ["id"] = cpv.Code,
            ["description"] = cpv.Label,
        };

        private static JsonObject Money(decimal amount) => new() { ["amount"] = amount, ["currency"] = "GBP" };

        private static JsonObject Period(DateOnly start, DateOnly end) => new()
        {
            ["startDate"] = start.ToString("yyyy-MM-dd'T00:00:00Z'", Inv),
            ["endDate"] = end.ToString("yyyy-MM-dd'T23:59:59Z'", Inv),
        };

        private string Title(bool fromLabel, in TextContext ctx, Random rng)
        {
            var sb = _text.Clear();
            var roll = rng.Next(100);
            if (roll < 12)
            {
                sb.Append("DN").Append(rng.Next(600_000, 800_000)).Append(" - ");
            }
            else if (roll < 20)
            {
                sb.Append("ITT ").Append(ctx.StartYear - 1).Append('-').Append(rng.Next(1, 400).ToString("D3", Inv)).Append(' ');
            }
            var templates = fromLabel ? Vocabulary.LabelTitleTemplates : Vocabulary.TitleTemplates;
            templates[rng.Next(templates.Length)].Render(sb, ctx);
            return sb.ToString();
        }

        private string Description(in TextContext ctx, Random rng)
        {
            const int MaxWords = 200;
            var target = 40 + rng.Next(150);
            var sb = _text.Clear();
            Vocabulary.Openers[rng.Next(Vocabulary.Openers.Length)].Render(sb, ctx);
            var words = CountWords(sb);
            var sentences = Vocabulary.Sentences;
            // Start somewhere and walk the pool with a stride, so no sentence repeats within a description.
            var at = rng.Next(sentences.Length);
            var stride = 1 + rng.Next(3);
            for (var tried = 0; words < target && tried < sentences.Length; tried++)
            {
                at = (at + stride) % sentences.Length;
                var sentence = _sentence.Clear();
                sentences[at].Render(sentence, ctx);
                var w = CountWords(sentence);
                if (words + w > MaxWords)
                {
                    continue;
                }
                sb.Append(' ').Append(sentence);
                words += w;
            }
            return sb.ToString();
        }

        private static int CountWords(StringBuilder sb)
        {
            var words = 0;
            var inWord = false;
            foreach (var chunk in sb.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    var letter = c != ' ';
                    if (letter && !inWord)
                    {
                        words++;
                    }
                    inWord = letter;
                }
            }
            return words;
        }

        private static CpvEntry[] RelatedCodes(CpvEntry main, Random rng)
        {
            var first = CpvCatalogue.PickRelated(rng, main);
            var second = CpvCatalogue.PickRelated(rng, main);
            var wanted = rng.Next(3);
            if (wanted == 0 || first == main)
            {
                return [];
            }
            return wanted == 1 || second == main || second == first ? [first] : [first, second];
        }

        private static string PickMethod(Stage stage, Random rng, out string details)
        {
            var roll = rng.Next(100);
            if (stage is Stage.Award or Stage.Contract && roll < 12)
            {
                details = "Direct award";
                return "direct";
            }
            if (roll < 60)
            {
                details = "Open procedure";
                return "open";
            }
            if (roll < 85)
            {
                details = rng.Next(2) == 0 ? "Restricted procedure" : "Competitive flexible procedure";
                return "selective";
            }
            details = "Call-off from a framework agreement";
            return "limited";
        }

        private static string TenderReference(SampleBuyer buyer, int index, Random rng)
        {
            var code = buyer.Name.Replace("London Borough of ", "", StringComparison.Ordinal).Replace("Royal Borough of ", "", StringComparison.Ordinal);
            var letters = new StringBuilder(4);
            foreach (var c in code)
            {
                if (char.IsAsciiLetterUpper(c) && letters.Length < 4)
                {
                    letters.Append(c);
                }
            }
            return $"{letters}{rng.Next(1, 999).ToString("D3", Inv)}-T33-{index.ToString(Inv)}";
        }

        private static decimal Amount(Theme theme, Random rng)
        {
            var (min, max) = theme switch
            {
                Theme.Software => (25_000, 3_000_000),
                Theme.ItServices or Theme.Telecoms => (20_000, 2_000_000),
                Theme.ItHardware => (10_000, 1_500_000),
                Theme.Facilities or Theme.Cleaning or Theme.Grounds or Theme.Leisure => (30_000, 5_000_000),
                Theme.Waste => (200_000, 60_000_000),
                Theme.Maintenance or Theme.Health => (50_000, 10_000_000),
                Theme.Construction => (100_000, 25_000_000),
                Theme.Highways or Theme.Energy => (50_000, 20_000_000),
                Theme.SocialCare => (100_000, 40_000_000),
                Theme.Transport => (50_000, 15_000_000),
                Theme.Vehicles or Theme.Catering => (50_000, 8_000_000),
                Theme.Professional => (10_000, 2_000_000),
                Theme.Education => (10_000, 500_000),
                _ => (5_000, 1_000_000),
            };
            var value = Math.Exp(Math.Log(min) + (rng.NextDouble() * (Math.Log(max) - Math.Log(min))));
            return Round(value, rng);
        }

        private static decimal Round(double value, Random rng) =>
            // Half the notices carry exact figures, half round thousands, as publishers do.
            rng.Next(2) == 0 ? Math.Round((decimal)value) : Math.Max(1000m, Math.Round((decimal)value / 1000m) * 1000m);

        private static TimeSpan Days(Random rng, double min, double max) => TimeSpan.FromMinutes(Math.Round((min + (rng.NextDouble() * (max - min))) * 1440));

        private static DateTime NoonOf(DateTime value) => value.Date.AddHours(12);

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static string LowerFirst(string label) =>
            label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
    }

    private enum Stage
    {
        Planning,
        Tender,
        Award,
        Contract,
    }

    private sealed class ProcessPlan
    {
        public string Ocid = "";
        public Stage Stage;
        public CpvEntry Cpv = null!;
        public CpvEntry[] Related = [];
        public SampleBuyer Buyer = null!;
        public string Region = "";
        public string TenderId = "";
        public string Title = "";
        public string Description = "";
        public int Years;
        public int ExtensionYears;
        public decimal Amount;
        public decimal? MinAmount;
        public decimal AwardAmount;
        public string Method = "";
        public string MethodDetails = "";
        public string Category = "";
        public bool Sme;
        public bool Vcse;
        public string TenderStatus = "active";
        public string[] LotAreas = [];
        public SampleSupplier[] Suppliers = [];
        public DateTime? PlanningDate;
        public DateTime? TenderDate;
        public DateTime? AmendmentDate;
        public DateTime? Deadline;
        public DateTime? AwardDate;
        public DateTime? AwardReleaseDate;
        public DateTime? ContractReleaseDate;
        public DateOnly ContractStart;
        public DateOnly ContractEnd;
        /// <summary>How Find a Tender publishes this process under the Procurement Act 2023; null for Contracts Finder-shaped ones.</summary>
        public ActPlan? Act;
    }
}
