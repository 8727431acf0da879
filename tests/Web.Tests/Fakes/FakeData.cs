using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Technologies;

namespace Thirty3.Web.Tests.Fakes;

/// <summary>
/// A small, realistic directory: London boroughs' technology and a few dozen notices, dated
/// relative to <see cref="Now"/> so "closing soon" and contract windows are deterministic.
/// </summary>
public static class FakeData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public const string Camden = "E09000007";
    public const string Hackney = "E09000012";
    public const string Islington = "E09000019";
    public const string Lambeth = "E09000022";
    public const string Southwark = "E09000028";

    public static readonly string XssTitle = "Translation services <script>alert('x')</script> & interpreting";

    private static readonly (string Code, string Label)[] CpvCodes =
    [
        ("72000000", "IT services: consulting, software development, Internet and support"),
        ("48000000", "Software package and information systems"),
        ("79000000", "Business services: law, marketing, consulting, recruitment, printing and security"),
        ("85000000", "Health and social work services"),
        ("90500000", "Refuse and waste related services"),
        ("45000000", "Construction work"),
        ("98300000", "Miscellaneous services"),
    ];

    private static readonly string[] Subjects =
    [
        "Social care case management system", "Revenues and benefits software", "Parking enforcement services",
        "Housing repairs and maintenance", "Library management system", "Planning and building control software",
        "Customer relationship management platform", "Waste collection vehicles", "Cloud hosting and managed services",
        "Cyber security operations centre", "Digital inclusion programme", "Home care framework",
        "Highways resurfacing", "Data warehouse and analytics", "Telephony and contact centre",
    ];

    public static IReadOnlyList<TechnologyEntry> Technologies { get; } = BuildTechnologies();

    public static IReadOnlyList<OpportunityDetail> Opportunities { get; } = BuildOpportunities();

    private static IReadOnlyList<TechnologyEntry> BuildTechnologies()
    {
        var rows = new (string Gss, string Area, string Function, string Product, string Supplier, string End, string? Ext)[]
        {
            (Camden, "Adult social care", "Social care case management", "Mosaic", "Servelec", "2026-09-30", "2027-09-30"),
            (Hackney, "Adult social care", "Social care case management", "Mosaic", "Servelec", "2026-11-30", null),
            (Islington, "Adult social care", "Social care case management", "LiquidLogic", "System C", "2027-03-31", "2028-03-31"),
            (Lambeth, "Adult social care", "Social care case management", "Mosaic", "Servelec", "2026-07-31", null),
            (Southwark, "Adult social care", "Social care case management", "LiquidLogic", "System C", "2028-06-30", null),
            (Camden, "Finance", "Revenues and benefits", "OpenRevenues", "Civica", "2027-01-31", null),
            (Hackney, "Finance", "Revenues and benefits", "Revenues & Benefits", "Northgate", "2026-08-31", "2027-08-31"),
            (Islington, "Finance", "Revenues and benefits", "OpenRevenues", "Civica", "2026-10-31", null),
            (Lambeth, "Finance", "Revenues and benefits", "Revenues & Benefits", "Northgate", "2029-03-31", null),
            (Camden, "Environment", "Parking enforcement", "Taranto", "Conduent", "2026-06-30", null),
            (Hackney, "Environment", "Parking enforcement", "Chipside", "Chipside Ltd", "2026-12-31", null),
            (Southwark, "Environment", "Parking enforcement", "Taranto", "Conduent", "2027-02-28", null),
            (Camden, "Housing", "Housing management", "Cx", "Civica", "2028-03-31", null),
            (Hackney, "Housing", "Housing management", "NEC Housing", "NEC Software Solutions", "2027-05-31", null),
            (Lambeth, "Housing", "Housing management", "NEC Housing", "NEC Software Solutions", "2026-12-31", "2027-12-31"),
            (Islington, "Housing", "Housing management", "Cx", "Civica", "2030-03-31", null),
            (Camden, "Culture", "Library management", "Spydus", "Civica", "2026-05-31", null),
            (Islington, "Culture", "Library management", "Spydus", "Civica", "2026-04-30", null),
            (Lambeth, "Culture", "Library management", "Sierra", "Innovative Interfaces", "2027-06-30", null),
            (Camden, "Planning", "Planning and building control", "Uniform", "Idox", "2027-09-30", null),
            (Southwark, "Planning", "Planning and building control", "Tascomi", "Idox", "2026-09-30", null),
            (Hackney, "Corporate", "Customer relationship management", "Dynamics 365", "Microsoft", "2028-01-31", null),
            (Lambeth, "Corporate", "Customer relationship management", "Salesforce Service Cloud", "Salesforce", "2026-10-31", null),
            (Southwark, "Corporate", "Customer relationship management", "Dynamics 365", "Microsoft", "2027-04-30", null),
        };
        return rows.Select((r, i) =>
        {
            var council = LondonBoroughs.All.Single(c => c.GssCode == r.Gss);
            var end = DateOnly.Parse(r.End, System.Globalization.CultureInfo.InvariantCulture);
            return new TechnologyEntry
            {
                Id = $"tech-{i + 1}",
                BoroughGss = r.Gss,
                BoroughName = council.Name,
                ServiceArea = r.Area,
                Function = r.Function,
                Product = r.Product,
                Supplier = r.Supplier,
                SupplierId = "GB-COH-" + (1000000 + (r.Supplier.GetHashCode(StringComparison.Ordinal) & 0xFFFFF)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ContractStart = end.AddYears(-5),
                ContractEnd = end,
                ContractMaxExtension = r.Ext is null ? null : DateOnly.Parse(r.Ext, System.Globalization.CultureInfo.InvariantCulture),
                AnnualValue = 40_000 + (i * 13_750 % 400_000),
                Hosting = i % 3 == 0 ? "saas" : i % 3 == 1 ? "cloud" : "on-premises",
                Source = "city-tools",
                LastVerified = Now.AddDays(-i),
            };
        }).ToList();
    }

    private static IReadOnlyList<OpportunityDetail> BuildOpportunities()
    {
        var buyers = new[] { Camden, Hackney, Islington, Lambeth, Southwark, "E09000033", "E09000030" }
            .Select(g => LondonBoroughs.All.Single(c => c.GssCode == g))
            .Select(c => new OrganisationRef(c.OrganisationId, c.OfficialName, c.GssCode))
            .Append(new OrganisationRef("GB-GSS-E10000016", "Kent County Council"))
            .ToArray();
        var stages = new[] { Stages.Tender, Stages.Tender, Stages.Planning, Stages.Award, Stages.Contract, Stages.Tender };
        var list = new List<OpportunityDetail>();
        for (var i = 0; i < 48; i++)
        {
            var buyer = buyers[i % buyers.Length];
            var stage = stages[i % stages.Length];
            var subject = Subjects[i % Subjects.Length];
            var cpv = CpvCodes[i % CpvCodes.Length];
            var title = i == 7 ? XssTitle : $"{subject} – {buyer.Name.Replace("London Borough of ", "", StringComparison.Ordinal)}";
            var published = Now.AddDays(-(i * 3 % 60) - 1);
            DateTimeOffset? deadline = stage == Stages.Tender ? Now.AddDays(i % 4 == 0 ? 3 + (i % 3) : 12 + i) : null;
            if (i == 5)
            {
                deadline = Now.AddDays(-2);
            }
            var awarded = stage is Stages.Award or Stages.Contract;
            var supplier = awarded
                ? new OrganisationRef($"GB-COH-0{7000000 + i}", i % 2 == 0 ? "Civica UK Ltd" : "Brightwater Digital Ltd", Scale: i % 2 == 0 ? "large" : "sme")
                : null;
            var ocid = $"ocds-h6vhtk-{(0x04a000 + i * 37):x6}";
            var summary = new OpportunitySummary
            {
                Ocid = ocid,
                Title = title,
                DescriptionExcerpt = $"The council seeks a provider for {subject.ToLowerInvariant()} serving residents across the borough.",
                Stage = stage,
                Status = stage switch { Stages.Tender => deadline < Now ? "complete" : "active", Stages.Planning => "planned", _ => "complete" },
                Buyer = buyer,
                Region = buyer.GssCode is null ? "South East" : "London",
                Cpv = [new CpvRef(cpv.Code, cpv.Label)],
                Value = 25_000m * ((i * 7 % 40) + 1),
                Currency = "GBP",
                Published = published,
                Updated = published.AddHours(i),
                Deadline = deadline,
                ContractStart = Today.AddMonths(2),
                ContractEnd = awarded ? Today.AddMonths(3 + i % 20) : Today.AddYears(3),
                ContractMaxExtension = awarded && i % 3 == 0 ? Today.AddMonths(15 + i % 20) : null,
                SuitableForSme = i % 3 != 1,
                SuitableForVcse = i % 4 == 0,
                Suppliers = supplier is null ? [] : [supplier],
                Source = "find-a-tender",
                Link = $"https://www.find-tender.service.gov.uk/Notice/{100000 + i:D6}-2026",
            };
            var notices = new List<NoticeRef>
            {
                new($"{ocid}-planning", published.AddDays(-30), ["planning"], Stages.Planning, "find-a-tender", summary.Link),
            };
            if (stage != Stages.Planning)
            {
                notices.Add(new($"{ocid}-tender", published, ["tender"], Stages.Tender, "find-a-tender", summary.Link));
            }
            if (awarded)
            {
                notices.Add(new($"{ocid}-award", published.AddDays(20), ["award"], Stages.Award, "contracts-finder", summary.Link));
            }
            if (stage == Stages.Contract)
            {
                notices.Add(new($"{ocid}-contract", published.AddDays(35), ["contract"], Stages.Contract, "contracts-finder", "javascript:alert(1)"));
            }
            list.Add(new OpportunityDetail
            {
                Summary = summary,
                Description = summary.DescriptionExcerpt + "\nBidders must hold Cyber Essentials Plus. <b>Not bold</b> because notice text is untrusted.",
                ProcurementMethod = i % 2 == 0 ? "open" : "selective",
                MainProcurementCategory = "services",
                Lots = i % 5 == 0
                    ? [new LotSummary("1", "Lot 1: North of the borough", null, summary.Value / 2, "active"), new LotSummary("2", "Lot 2: South of the borough", null, summary.Value / 2, "active")]
                    : [],
                Notices = notices,
            });
        }
        return list;
    }
}
