using Thirty3.Domain.Organisations;

namespace Thirty3.SampleData;

/// <summary>A council that buys, with the region its notices name.</summary>
internal sealed record SampleBuyer(string Id, string Name, string Locality, string Region, string Country);

/// <summary>A supplier that wins awards; the same supplier recurs across processes.</summary>
internal sealed record SampleSupplier(string Id, string Name, string Scale, bool Vcse);

/// <summary>The words local-government notices are written in.</summary>
internal static class Vocabulary
{
    /// <summary>What is bought, by theme; lower case unless a name or an acronym starts it.</summary>
    public static readonly string[][] Subjects = BuildSubjects();

    private static string[][] BuildSubjects()
    {
        var s = new string[Enum.GetValues<Theme>().Length][];
        s[(int)Theme.Software] =
        [
            "Customer Relationship Management (CRM) platform", "revenues and benefits system", "adult social care case management system",
            "children's social care case management system", "library management system", "parking enforcement ICT",
            "planning and building control system", "housing management system", "electronic document and records management system (EDRMS)",
            "finance and HR (ERP) system", "payroll and HR system", "income management and payments system", "waste management system",
            "education management system", "geographic information system (GIS)", "contact centre software", "website content management system",
            "identity and access management solution", "data and analytics platform", "electoral management system", "committee management system",
            "e-tendering and contract management system", "fleet management system", "property and asset management system",
            "legal case management system", "complaints and FOI case management system", "highways asset management system", "land charges system",
            "licensing system", "environmental health system", "SEND case management system", "school admissions system", "visitor management system",
            "room booking system", "digital forms platform", "low-code application platform", "telecare monitoring platform", "Microsoft 365 licensing",
            "Microsoft Enterprise Agreement renewal", "backup and disaster recovery software", "endpoint protection software", "learning management system",
            "rent accounting system", "homelessness case management system", "CCTV control room software", "bereavement services management system",
            "registration services booking system", "trading standards case management system",
        ];
        s[(int)Theme.ItServices] =
        [
            "cyber security managed service", "managed security operations centre (SOC)", "IT service desk", "data centre hosting", "cloud migration services",
            "Microsoft Azure managed service", "network and WAN services", "penetration testing and IT health check", "digital transformation partner",
            "application support and maintenance", "website redevelopment", "data migration services", "ICT infrastructure support",
            "business analysis and project management services", "Oracle support services", "SAP support and development", "software development services",
            "IT disaster recovery service", "managed print service", "Public Services Network (PSN) connectivity", "revenues and benefits system replacement",
            "adult social care case management system implementation", "CRM implementation partner", "cyber security awareness training",
        ];
        s[(int)Theme.ItHardware] =
        [
            "laptop and end user device refresh", "desktop computers", "multi-functional print devices", "tablets and mobile devices",
            "server and storage infrastructure", "network switches and wireless access points", "audio-visual equipment for the council chamber",
            "hybrid meeting room equipment", "thin client devices",
        ];
        s[(int)Theme.Telecoms] =
        [
            "unified communications and telephony", "mobile voice and data services", "corporate telephony replacement", "CCTV and public space surveillance",
            "two-way radio equipment", "body worn cameras for enforcement officers", "SIP trunking and connectivity", "digital telecare alarms",
        ];
        s[(int)Theme.Facilities] =
        [
            "security guarding services", "reception and concierge services", "total facilities management", "key holding and alarm response",
            "mail room services", "archive storage services", "confidential waste shredding",
        ];
        s[(int)Theme.Cleaning] =
        [
            "cleaning of corporate buildings", "school cleaning services", "window cleaning", "graffiti removal", "street cleansing",
            "public toilet cleaning", "janitorial supplies", "deep cleaning of void properties",
        ];
        s[(int)Theme.Waste] =
        [
            "waste collection services", "recycling collection and processing", "household waste recycling centre operation", "clinical waste collection",
            "bulky waste collection", "food waste treatment", "pest control services", "fly-tipping clearance", "commercial waste collection",
            "green waste composting", "dry mixed recycling processing",
        ];
        s[(int)Theme.Maintenance] =
        [
            "housing repairs and maintenance", "lift maintenance", "fire alarm maintenance", "gas servicing and maintenance",
            "heating and ventilation maintenance", "electrical installation condition reports", "planned and reactive maintenance",
            "water hygiene and legionella control", "fire door inspection and remediation", "door entry systems maintenance",
            "automatic doors and gates maintenance", "sprinkler systems maintenance",
        ];
        s[(int)Theme.Construction] =
        [
            "school expansion", "roof replacement programme", "kitchen and bathroom replacement programme", "window replacement programme",
            "leisure centre refurbishment", "decarbonisation works (air source heat pumps)", "void property works", "new build council homes",
            "cladding remediation", "external wall insulation", "minor works framework", "library refurbishment", "town hall refurbishment",
            "asbestos removal", "fire safety works to tower blocks", "children's centre extension", "temporary classroom units",
        ];
        s[(int)Theme.Highways] =
        [
            "highways resurfacing framework", "footway reconstruction", "street lighting LED conversion", "highways maintenance term contract",
            "winter gritting service", "road markings", "traffic signals maintenance", "bridge inspection and repair", "drainage and gully cleansing",
            "parking enforcement services", "pay and display machines", "electric vehicle charging points", "school streets camera enforcement",
            "cycle hangar installation", "bus stop accessibility improvements", "parking permits and cashless parking",
        ];
        s[(int)Theme.SocialCare] =
        [
            "home care services", "supported living services", "residential and nursing care", "children's residential placements",
            "independent fostering placements", "domiciliary care framework", "carers support service", "advocacy services", "day opportunities",
            "reablement service", "extra care housing support", "floating support service", "supported accommodation for young people",
            "short breaks for disabled children", "domestic abuse support service", "telecare and community alarm service",
            "mental health supported housing", "care leavers support service",
        ];
        s[(int)Theme.Health] =
        [
            "substance misuse services", "sexual health services", "stop smoking service", "NHS health checks", "public health nursing (0-19 service)",
            "occupational health service", "first aid supplies", "personal protective equipment", "healthy weight service",
        ];
        s[(int)Theme.Transport] =
        [
            "home to school transport", "SEND transport", "community transport", "passenger transport dynamic purchasing system",
            "adult social care transport", "taxi services", "coach hire", "travel management services",
        ];
        s[(int)Theme.Vehicles] =
        [
            "waste collection vehicles", "electric pool cars", "fleet vehicle leasing", "road sweepers", "minibuses", "vehicle maintenance and repair",
            "electric refuse collection vehicles",
        ];
        s[(int)Theme.Professional] =
        [
            "legal services framework", "external audit services", "insurance services", "treasury management advice", "recruitment advertising",
            "temporary agency staff", "interim management", "management consultancy", "translation and interpreting services", "printing services",
            "marketing and communications", "enforcement agent services", "property valuation services", "research and consultation",
            "employee assistance programme", "banking services", "payroll bureau", "architectural and design services",
            "multidisciplinary consultancy framework", "event management", "council tax and business rates debt recovery",
        ];
        s[(int)Theme.Education] =
        [
            "adult learning courses", "apprenticeship training", "leadership and management development", "school improvement services",
            "e-learning content", "driver training", "early years training", "English for speakers of other languages (ESOL) courses",
        ];
        s[(int)Theme.Leisure] =
        [
            "leisure centre management", "library stock supply", "parks events programme", "play equipment", "arts and culture programme",
            "museum services", "sports development programme",
        ];
        s[(int)Theme.Grounds] =
        [
            "grounds maintenance", "tree maintenance and arboriculture", "parks maintenance", "cemetery grounds maintenance", "weed control",
            "housing estates grounds maintenance",
        ];
        s[(int)Theme.Energy] =
        [
            "supply of electricity", "supply of natural gas", "fuel cards", "solar PV installation", "energy management services",
            "heat network operation and maintenance",
        ];
        s[(int)Theme.Catering] =
        [
            "school meals service", "catering services", "vending services", "meals on wheels", "staff restaurant operation",
        ];
        s[(int)Theme.Goods] = [];
        return s;
    }

    public static readonly string[] Areas =
    [
        "corporate buildings", "schools", "council housing stock", "the north of the borough", "the south of the borough", "parks and open spaces",
        "the civic centre", "libraries", "sheltered housing schemes", "adult social care", "children's services", "the highways network",
        "temporary accommodation", "leisure centres", "the town centre", "council depots", "community centres",
    ];

    public static readonly TextTemplate[] TitleTemplates =
    [
        new("{S}"), new("{S}"), new("{S}"), new("Provision of {s}"), new("Provision of {s}"), new("Procurement of {s}"), new("{S} contract"),
        new("{S} framework"), new("{S} replacement"), new("Supply and implementation of {s}"), new("{S} {Y}-{Z}"), new("{S} for {a}"),
        new("{S} dynamic purchasing system"), new("Re-procurement of {s}"), new("{S} - call-off contract"), new("{S} pilot"),
        new("{S} ({a})"), new("Tender for {s}"), new("{S} - {r}"),
    ];

    /// <summary>Titles for themes without subjects, built on the CPV label itself.</summary>
    public static readonly TextTemplate[] LabelTitleTemplates =
    [
        new("Supply of {l}"), new("{c}"), new("{c} framework"), new("Provision of {l}"), new("{c} for {a}"), new("Supply and delivery of {l}"),
        new("{c} - {Y}/{Z}"),
    ];

    public static readonly TextTemplate[] Openers =
    [
        new("{b} is seeking to appoint a suitably qualified and experienced provider for {s}."),
        new("{b} invites tenders for {s}."),
        new("{b} (the Council) wishes to procure {s} to support its services across {a}."),
        new("This opportunity is for {s} on behalf of {b}."),
        new("{b} intends to award a contract for {s} and is inviting expressions of interest from suppliers."),
        new("The Council is looking for a partner to deliver {s} for {a}."),
    ];

    public static readonly TextTemplate[] Sentences =
    [
        new("The contract will run for {y} years with an option to extend for up to a further {e} years."),
        new("The estimated total value of the contract is {v} over its full term, including extensions."),
        new("The successful supplier will be expected to work closely with council officers, residents and partner organisations."),
        new("Bidders must demonstrate experience of delivering {s} to local authorities of a similar size and complexity."),
        new("The requirement covers {a} and may be extended to other council services during the contract."),
        new("The service must comply with the UK GDPR, the Data Protection Act 2018 and the council's information security policies."),
        new("Social value will account for at least 10% of the evaluation, including local employment, apprenticeships and carbon reduction."),
        new("Tenders will be evaluated on the basis of the most advantageous tender, with a quality to price ratio of 60:40."),
        new("The procurement is being conducted under the Procurement Act 2023 using the competitive flexible procedure."),
        new("A supplier engagement session will be held online; details are available in the procurement documents."),
        new("The council is committed to achieving net zero carbon by 2030 and expects suppliers to support this ambition."),
        new("The solution should be cloud hosted, accessible to WCAG 2.2 AA and integrate with the council's existing line of business systems."),
        new("Mobilisation is expected to begin in {Y}, with the new service fully operational within six months."),
        new("All documents are available through the council's e-tendering portal and clarification questions must be submitted there."),
        new("Lots may be awarded to different suppliers and bidders may bid for one or more lots."),
        new("The contract will be let as a call-off under a compliant public sector framework agreement."),
        new("Suppliers will be required to pay the London Living Wage to all staff engaged on the contract."),
        new("The council reserves the right not to award a contract and to cancel the procurement at any stage."),
        new("Services are delivered to residents in {r} and the provider must have capacity to respond within agreed service levels."),
        new("The current arrangements for {l} expire shortly and the council is reviewing the market before re-procuring."),
        new("Key performance indicators will be reported monthly and reviewed at quarterly contract management meetings."),
        new("TUPE may apply and incumbent staff information will be made available to bidders who sign a confidentiality agreement."),
        new("The provider will hold Cyber Essentials Plus certification and appropriate insurance cover throughout the contract."),
        new("This notice is for market engagement only and does not commit the council to any future procurement."),
        new("SMEs and voluntary, community and social enterprise organisations are encouraged to bid, alone or in consortia."),
    ];

    public static readonly string[] EnglishRegions =
    [
        "London", "South East", "South West", "East of England", "East Midlands", "West Midlands", "North West", "North East",
        "Yorkshire and the Humber",
    ];

    public static readonly SampleBuyer[] LondonBuyers = LondonBoroughs.All
        .Select(c => new SampleBuyer(c.OrganisationId, c.OfficialName, "London", LondonBoroughs.Region, "England"))
        .ToArray();

    public static readonly SampleBuyer[] OtherBuyers = BuildOtherBuyers();

    private static SampleBuyer[] BuildOtherBuyers()
    {
        (string Name, string Locality, string Region, string Country)[] councils =
        [
            ("Kent County Council", "Maidstone", "South East", "England"),
            ("Manchester City Council", "Manchester", "North West", "England"),
            ("Leeds City Council", "Leeds", "Yorkshire and the Humber", "England"),
            ("Bristol City Council", "Bristol", "South West", "England"),
            ("Cardiff Council", "Cardiff", "Wales", "Wales"),
            ("Glasgow City Council", "Glasgow", "Scotland", "Scotland"),
            ("Birmingham City Council", "Birmingham", "West Midlands", "England"),
            ("Liverpool City Council", "Liverpool", "North West", "England"),
            ("Sheffield City Council", "Sheffield", "Yorkshire and the Humber", "England"),
            ("Newcastle City Council", "Newcastle upon Tyne", "North East", "England"),
            ("Nottingham City Council", "Nottingham", "East Midlands", "England"),
            ("Leicester City Council", "Leicester", "East Midlands", "England"),
            ("Essex County Council", "Chelmsford", "East of England", "England"),
            ("Hertfordshire County Council", "Hertford", "East of England", "England"),
            ("Surrey County Council", "Reigate", "South East", "England"),
            ("Hampshire County Council", "Winchester", "South East", "England"),
            ("Norfolk County Council", "Norwich", "East of England", "England"),
            ("Devon County Council", "Exeter", "South West", "England"),
            ("Cornwall Council", "Truro", "South West", "England"),
            ("Lancashire County Council", "Preston", "North West", "England"),
            ("Durham County Council", "Durham", "North East", "England"),
            ("Cheshire East Council", "Sandbach", "North West", "England"),
            ("Brighton and Hove City Council", "Brighton", "South East", "England"),
            ("Milton Keynes City Council", "Milton Keynes", "South East", "England"),
            ("Luton Council", "Luton", "East of England", "England"),
            ("Coventry City Council", "Coventry", "West Midlands", "England"),
            ("City of Wolverhampton Council", "Wolverhampton", "West Midlands", "England"),
            ("Derbyshire County Council", "Matlock", "East Midlands", "England"),
            ("Suffolk County Council", "Ipswich", "East of England", "England"),
            ("Oxfordshire County Council", "Oxford", "South East", "England"),
            ("The City of Edinburgh Council", "Edinburgh", "Scotland", "Scotland"),
            ("Swansea Council", "Swansea", "Wales", "Wales"),
            ("Belfast City Council", "Belfast", "Northern Ireland", "Northern Ireland"),
            ("North Yorkshire Council", "Northallerton", "Yorkshire and the Humber", "England"),
            ("Buckinghamshire Council", "Aylesbury", "South East", "England"),
            ("Medway Council", "Chatham", "South East", "England"),
            ("Plymouth City Council", "Plymouth", "South West", "England"),
            ("Greater London Authority", "London", "London", "England"),
        ];
        var buyers = new SampleBuyer[councils.Length];
        for (var i = 0; i < councils.Length; i++)
        {
            var (name, locality, region, country) = councils[i];
            // Contracts Finder's own ids; these numbers are made up but stable.
            buyers[i] = new SampleBuyer($"GB-CFS-{10000 + (i * 7919 % 90000)}", name, locality, region, country);
        }
        return buyers;
    }

    private static readonly string[] SupplierFirstWords =
    [
        "Ashdown", "Beacon", "Brightwater", "Castlegate", "Cedar", "Clearview", "Compass", "Crestline", "Elmstead", "Evergreen",
        "Fairway", "Foxley", "Granite", "Harbour", "Highfield", "Kestrel", "Kingsway", "Lakeside", "Linden", "Marlow",
        "Millbrook", "Northfield", "Oakridge", "Orchard", "Pennine", "Pinnacle", "Quayside", "Redwood", "Riverside", "Rowan",
        "Sterling", "Summit", "Thameside", "Trident", "Unity", "Vantage", "Westbury", "Willow", "Wren", "Yardley",
    ];

    private static readonly string[][] SupplierSectorWords =
    [
        ["Digital", "Technology", "Systems", "Software", "Data", "Networks", "IT Solutions", "Cloud"],
        ["Facilities", "Services", "Environmental", "Cleaning Services", "Property Services", "Maintenance"],
        ["Construction", "Contracting", "Civil Engineering", "Building Services", "Highways", "Infrastructure"],
        ["Care", "Care Services", "Support", "Healthcare", "Community Care", "Homecare"],
        ["Transport", "Travel", "Coaches", "Fleet Solutions", "Vehicles", "Logistics"],
        ["Consulting", "Partners", "Associates", "Group", "Supplies", "Solutions"],
    ];

    /// <summary>Suppliers by sector (see <see cref="SectorOf"/>), built once so that the same firms win across processes.</summary>
    public static readonly SampleSupplier[][] Suppliers = BuildSuppliers();

    public static int SectorOf(Theme theme) => theme switch
    {
        Theme.Software or Theme.ItServices or Theme.ItHardware or Theme.Telecoms => 0,
        Theme.Facilities or Theme.Cleaning or Theme.Waste or Theme.Maintenance or Theme.Grounds => 1,
        Theme.Construction or Theme.Highways => 2,
        Theme.SocialCare or Theme.Health => 3,
        Theme.Transport or Theme.Vehicles => 4,
        _ => 5,
    };

    private static SampleSupplier[][] BuildSuppliers()
    {
        var result = new SampleSupplier[SupplierSectorWords.Length][];
        for (var sector = 0; sector < SupplierSectorWords.Length; sector++)
        {
            var words = SupplierSectorWords[sector];
            var list = new SampleSupplier[SupplierFirstWords.Length * words.Length];
            var n = 0;
            foreach (var first in SupplierFirstWords)
            {
                foreach (var word in words)
                {
                    var hash = Mix((uint)sector, (uint)n);
                    var large = hash % 5 == 0;
                    var vcse = sector == 3 && hash % 7 == 1;
                    var legal = large ? (hash % 2 == 0 ? "plc" : "Group Limited") : vcse ? "CIC" : hash % 3 == 0 ? "Limited" : "Ltd";
                    var id = hash % 4 == 0
                        ? $"GB-CFS-{100000 + (hash / 4 % 900000)}"
                        : $"GB-COH-0{(hash / 4 % 10_000_000):D7}";
                    list[n++] = new SampleSupplier(id, $"{first} {word} {legal}", large ? "large" : "sme", vcse);
                }
            }
            result[sector] = list;
        }
        return result;
    }

    /// <summary>A small, stable integer hash (a SplitMix-style finaliser) for deriving ids and seeds.</summary>
    public static uint Mix(uint a, uint b)
    {
        var x = (a * 0x9E3779B9u) ^ (b + 0x7F4A7C15u + (a << 6) + (a >> 2));
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return x;
    }
}
