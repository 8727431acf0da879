using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Conformance;

/// <summary>
/// Hand-written opportunities with deterministic keywords, numbers and dates, so tests can compute
/// the exact expected answer from <see cref="Documents"/> with LINQ.
/// </summary>
public static class OpportunityFixture
{
    public static readonly string[] Stages = ["tender", "planning", "award"];
    public static readonly string[] Regions = ["London", "North West", "Scotland", "Wales"];
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Title, string Description)[] Rows =
    [
        ("opp-01", "Customer relationship management system replacement", "Replace the contact centre platform used for resident enquiries."),
        ("opp-02", "CRM platform for the contact centre", "Cloud platform with case tracking and web forms."),
        ("opp-03", "Revenues and benefits software", "Council tax and housing benefit processing."),
        ("opp-04", "Revs & Bens managed service", "Outsourced processing of council tax and business rates."),
        ("opp-05", "Waste collection vehicles", "Supply of refuse collection vehicles and maintenance."),
        ("opp-06", "Highways maintenance term contract", "Road resurfacing, drainage and winter gritting."),
        ("opp-07", "Adult social care case management system", "Case recording for adult social care teams."),
        ("opp-08", "Street lighting LED upgrade", "Replace sodium lanterns with LED across the borough."),
        ("opp-09", "Lighting for street markets", "Temporary lighting rigs for weekend markets."),
        ("opp-10", "Cyber security <script>alert(1)</script> testing", "Penetration testing & IT health check for PSN compliance."),
        ("opp-11", "Management consultancy for transformation", "Support for a digital transformation programme."),
        ("opp-12", "Human resources and payroll system", "Replace the payroll and people system."),
        ("opp-13", "Geographic information system licences", "Desktop and web mapping licences."),
        ("opp-14", "Electronic document and records management", "Records retention and document workflows."),
        ("opp-15", "Enterprise resource planning implementation", "Finance, procurement and HR on one platform."),
        ("opp-16", "School catering services", "Hot meals for primary schools."),
        ("opp-17", "Special educational needs transport", "Home to school transport for pupils with special educational needs and disabilities."),
        ("opp-18", "Parking enforcement services", "Civil enforcement officers and penalty charge notice processing."),
        ("opp-19", "Leisure centre management contract", "Operation of three leisure centres and a pool."),
        ("opp-20", "Grounds maintenance", "Grass cutting, hedges and parks upkeep."),
        ("opp-21", "Housing repairs and maintenance", "Responsive repairs to council homes."),
        ("opp-22", "Temporary accommodation framework", "Nightly paid accommodation for homeless households."),
        ("opp-23", "Library management system", "Stock, lending and self-service kiosks."),
        ("opp-24", "Telephony and contact centre replacement", "Cloud telephony with call recording."),
        ("opp-25", "Microsoft licensing reseller", "Enterprise agreement for desktop licences."),
        ("opp-26", "Network infrastructure refresh", "Switches, wireless and wide area network links."),
        ("opp-27", "Electric vehicle charging points", "On-street charging for residents."),
        ("opp-28", "Translation and interpreting services", "Face to face and telephone interpreting."),
        ("opp-29", "Legal services framework", "Planning, property and litigation advice."),
        ("opp-30", "Audit services", "External audit of the statement of accounts."),
        ("opp-31", "Insurance services", "Property, liability and motor insurance."),
        ("opp-32", "Cleaning of council offices", "Daily office cleaning and washroom services."),
        ("opp-33", "Fleet management software", "Vehicle tracking and maintenance scheduling."),
        ("opp-34", "Domestic abuse support service", "Refuge and outreach support."),
        ("opp-35", "Planning application portal", "Online submission of planning applications."),
        ("opp-36", "Customer portal and web forms", "Resident self-service account and online payments."),
        ("opp-37", "Social housing allocations system", "Choice based lettings and the housing register."),
        ("opp-38", "Children's social care case recording", "Case management for children's services."),
        ("opp-39", "Print and mail services", "Hybrid mail and reprographics."),
        ("opp-40", "Data centre hosting", "Co-location and managed hosting of council servers."),
    ];

    /// <summary>Value: missing for every fifth document, else 10,000 × (index + 1) — so 50,000 and 150,000 exist.</summary>
    public static double? ValueOf(int index) => index % 5 == 4 ? null : 10_000d * (index + 1);

    public static DateTimeOffset PublishedOf(int index) => Epoch.AddDays(index);

    /// <summary>Deadline: missing for every seventh document; otherwise spread non-monotonically.</summary>
    public static DateTimeOffset? DeadlineOf(int index) => index % 7 == 3 ? null : Epoch.AddDays(100 + (index * 17 % 40));

    public static string StageOf(int index) => Stages[index % Stages.Length];

    public static string RegionOf(int index) => Regions[index % Regions.Length];

    public static IReadOnlyList<IndexDocument> Documents { get; } = [.. Rows.Select((row, i) => Build(i))];

    public static int Count => Rows.Length;

    public static string IdOf(int index) => Rows[index].Id;

    public static IndexDocument Build(int index, string? title = null)
    {
        var (id, rowTitle, description) = Rows[index];
        var doc = new IndexDocument
        {
            Id = id,
            Summary = $$"""{"id":"{{id}}"}""",
            Text =
            {
                [OpportunityIndex.Title] = title ?? rowTitle,
                [OpportunityIndex.Description] = description,
                [OpportunityIndex.BuyerName] = $"Council {index % 6}",
            },
            Dates = { [OpportunityIndex.Published] = PublishedOf(index) },
        };
        doc.AddKeyword(OpportunityIndex.Stage, StageOf(index))
            .AddKeyword(OpportunityIndex.Region, RegionOf(index))
            .AddKeyword(OpportunityIndex.Buyer, $"buyer-{index % 6}");
        if (index % 3 == 0)
        {
            // A second region on some documents: facets count a document once per value.
            doc.AddKeyword(OpportunityIndex.Region, RegionOf(index + 1));
        }
        if (ValueOf(index) is { } value)
        {
            doc.Numbers[OpportunityIndex.Value] = value;
        }
        if (DeadlineOf(index) is { } deadline)
        {
            doc.Dates[OpportunityIndex.Deadline] = deadline;
        }
        return doc;
    }

    public static IEnumerable<string> RegionsOf(int index) => index % 3 == 0 ? [RegionOf(index), RegionOf(index + 1)] : [RegionOf(index)];
}
