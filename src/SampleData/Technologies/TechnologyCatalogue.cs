namespace Thirty3.SampleData;

/// <summary>A product a council can run for a function, with how often councils choose it.</summary>
internal sealed record ProductOption(string Product, string Supplier, int Weight, string Hosting);

/// <summary>
/// A function of a service area and the market's products for it. Functions of the same
/// <paramref name="Family"/> list the same products in the same order and a borough uses one of them for
/// all (one revenues and benefits system runs council tax, business rates and housing benefit).
/// </summary>
internal sealed record FunctionSpec(
    string ServiceArea,
    string Function,
    bool Core,
    int AnnualMin,
    int AnnualMax,
    string? Family,
    ProductOption[] Products);

/// <summary>The products and suppliers local government actually buys, by service area and function.</summary>
internal static class TechnologyCatalogue
{
    private const string OnPremises = "on-premises";
    private const string Cloud = "cloud";
    private const string Saas = "saas";
    private const string Hybrid = "hybrid";

    private static ProductOption P(string product, string supplier, int weight, string hosting) => new(product, supplier, weight, hosting);

    private static readonly ProductOption[] RevenuesAndBenefits =
    [
        P("NEC Revenues & Benefits", "NEC Software Solutions", 40, OnPremises),
        P("Civica Revenues", "Civica", 35, Hybrid),
        P("Capita Revenues and Benefits", "Capita", 25, OnPremises),
    ];

    private static readonly ProductOption[] Education =
    [
        P("Capita One", "Capita", 60, OnPremises),
        P("Synergy", "Servelec (Access Group)", 40, Cloud),
    ];

    private static readonly ProductOption[] Planning =
    [
        P("Idox Uniform", "Idox", 55, OnPremises),
        P("Assure", "NEC Software Solutions", 30, Saas),
        P("Agile Applications", "Agile Applications", 15, Saas),
    ];

    public static readonly FunctionSpec[] Functions =
    [
        new("Revenues & Benefits", "Council tax", true, 150_000, 600_000, "revenues", RevenuesAndBenefits),
        new("Revenues & Benefits", "Business rates", true, 40_000, 200_000, "revenues", RevenuesAndBenefits),
        new("Revenues & Benefits", "Housing benefit", true, 80_000, 350_000, "revenues", RevenuesAndBenefits),
        new("Revenues & Benefits", "Document imaging and workflow", false, 20_000, 90_000, null,
        [
            P("Civica W2", "Civica", 50, OnPremises),
            P("Information@Work", "NEC Software Solutions", 50, OnPremises),
        ]),
        new("Revenues & Benefits", "Resident self-service portal", false, 15_000, 70_000, null,
        [
            P("Civica OpenPortal", "Civica", 45, Saas),
            P("Citizen Access", "NEC Software Solutions", 35, Saas),
            P("Granicus", "Granicus", 20, Saas),
        ]),

        new("Adult Social Care", "Case management", true, 200_000, 900_000, null,
        [
            P("Liquidlogic LAS", "System C", 40, Hybrid),
            P("Mosaic", "Servelec (Access Group)", 40, Hybrid),
            P("Eclipse", "OLM Systems", 15, Cloud),
            P("Azeus Care", "Azeus", 5, Cloud),
        ]),
        new("Adult Social Care", "Financial assessments", true, 40_000, 200_000, null,
        [
            P("ContrOCC", "System C", 55, Hybrid),
            P("Mosaic Finance", "Servelec (Access Group)", 45, Hybrid),
        ]),
        new("Adult Social Care", "Brokerage and commissioning", false, 30_000, 150_000, null,
        [
            P("Adam Dynamic Purchasing", "Adam HTT", 60, Saas),
            P("Care Cubed", "iESE", 40, Saas),
        ]),
        new("Adult Social Care", "Telecare monitoring", false, 50_000, 250_000, null,
        [
            P("PNC", "Tunstall Healthcare", 60, OnPremises),
            P("Smart Living", "Appello", 40, Cloud),
        ]),

        new("Children's Services", "Case management", true, 200_000, 800_000, null,
        [
            P("Liquidlogic LCS", "System C", 45, Hybrid),
            P("Mosaic", "Servelec (Access Group)", 35, Hybrid),
            P("Eclipse", "OLM Systems", 20, Cloud),
        ]),
        new("Children's Services", "Early years", true, 20_000, 90_000, "education", Education),
        new("Children's Services", "Education management", true, 80_000, 300_000, "education", Education),
        new("Children's Services", "School admissions", false, 20_000, 80_000, "education", Education),
        new("Children's Services", "SEND and EHC plans", false, 25_000, 120_000, null,
        [
            P("EHC Hub", "Invision360", 50, Saas),
            P("Capita One SEND", "Capita", 30, OnPremises),
            P("Synergy SEND", "Servelec (Access Group)", 20, Cloud),
        ]),

        new("Housing", "Housing management", true, 150_000, 700_000, null,
        [
            P("Northgate Housing", "NEC Software Solutions", 40, OnPremises),
            P("Civica CX Housing", "Civica", 30, Saas),
            P("MRI Housing", "MRI Software", 18, Cloud),
            P("Orchard Housing", "Orchard Information Systems", 12, OnPremises),
        ]),
        new("Housing", "Repairs", true, 80_000, 400_000, null,
        [
            P("Totalmobile", "Totalmobile", 30, Saas),
            P("Kirona DRS", "Kirona", 25, Cloud),
            P("Northgate Housing Repairs", "NEC Software Solutions", 25, OnPremises),
            P("Civica CX Repairs", "Civica", 20, Saas),
        ]),
        new("Housing", "Homelessness and allocations", false, 40_000, 180_000, null,
        [
            P("Locata", "Locata Housing Services", 40, Saas),
            P("Abritas", "Civica", 30, Saas),
            P("Northgate Housing Options", "NEC Software Solutions", 30, OnPremises),
        ]),
        new("Housing", "Stock condition and asset management", false, 25_000, 120_000, null,
        [
            P("Keystone", "Civica", 60, Cloud),
            P("Parity Pro", "Parity Projects", 40, Saas),
        ]),

        new("Environment", "Waste management", true, 60_000, 300_000, null,
        [
            P("Bartec Collective", "Bartec Municipal Technologies", 40, Saas),
            P("Whitespace", "Whitespace Work Software", 35, Saas),
            P("Alloy", "Yotta", 15, Saas),
            P("Webaspx", "Webaspx", 10, Saas),
        ]),
        new("Environment", "Street lighting", false, 15_000, 80_000, null,
        [
            P("Mayrise", "Yotta", 50, OnPremises),
            P("Confirm", "Brightly Software", 30, Cloud),
            P("Alloy", "Yotta", 20, Saas),
        ]),
        new("Environment", "Environmental health and licensing", true, 40_000, 200_000, null,
        [
            P("Idox Uniform", "Idox", 50, OnPremises),
            P("Civica APP", "Civica", 35, OnPremises),
            P("Assure", "NEC Software Solutions", 15, Saas),
        ]),
        new("Environment", "Fleet management", false, 15_000, 90_000, null,
        [
            P("Tranman", "Civica", 60, OnPremises),
            P("FleetWave", "Chevin Fleet Solutions", 40, Saas),
        ]),

        new("Highways", "Parking enforcement", true, 150_000, 900_000, null,
        [
            P("Taranto", "Conduent", 50, Hybrid),
            P("Chipside PCN", "Chipside", 30, Saas),
            P("ICES", "Imperial Civil Enforcement Solutions", 20, Cloud),
        ]),
        new("Highways", "Permits", true, 50_000, 300_000, null,
        [
            P("MiPermit", "Chipside", 40, Saas),
            P("RingGo", "RingGo", 30, Saas),
            P("Taranto Permits", "Conduent", 30, Hybrid),
        ]),
        new("Highways", "Highways asset management", false, 40_000, 200_000, null,
        [
            P("Confirm", "Brightly Software", 40, Cloud),
            P("Alloy", "Yotta", 35, Saas),
            P("Symology Insight", "Symology", 25, Cloud),
        ]),
        new("Highways", "Street works", false, 20_000, 100_000, null,
        [
            P("Symology Insight", "Symology", 60, Cloud),
            P("Confirm Street Works", "Brightly Software", 40, Cloud),
        ]),

        new("Corporate", "ERP/Finance", true, 300_000, 2_000_000, null,
        [
            P("Oracle Fusion", "Oracle", 30, Saas),
            P("Unit4 ERP", "Unit4", 30, Cloud),
            P("SAP S/4HANA", "SAP", 15, Hybrid),
            P("Microsoft Dynamics 365 Finance", "Microsoft", 10, Saas),
            P("Capita Integra", "Capita", 10, OnPremises),
            P("TechnologyOne", "TechnologyOne", 5, Saas),
        ]),
        new("Corporate", "HR & payroll", true, 150_000, 800_000, null,
        [
            P("iTrent", "MHR", 40, Saas),
            P("Oracle Fusion HCM", "Oracle", 20, Saas),
            P("ResourceLink", "Zellis", 20, Hybrid),
            P("SAP SuccessFactors", "SAP", 10, Saas),
            P("Unit4 ERP", "Unit4", 10, Cloud),
        ]),
        new("Corporate", "CRM", true, 100_000, 600_000, null,
        [
            P("Microsoft Dynamics 365", "Microsoft", 35, Saas),
            P("Salesforce", "Salesforce", 25, Saas),
            P("Granicus", "Granicus", 15, Saas),
            P("Netcall Liberty Create", "Netcall", 15, Saas),
            P("Jadu Connect", "Jadu", 10, Saas),
        ]),
        new("Corporate", "Document management (EDRMS)", true, 50_000, 300_000, null,
        [
            P("SharePoint Online", "Microsoft", 40, Saas),
            P("Civica W2", "Civica", 20, OnPremises),
            P("Information@Work", "NEC Software Solutions", 20, OnPremises),
            P("OpenText Content Server", "OpenText", 20, Hybrid),
        ]),
        new("Corporate", "Intranet", false, 15_000, 80_000, null,
        [
            P("SharePoint Online", "Microsoft", 50, Saas),
            P("Interact", "Interact Software", 30, Saas),
            P("Staffbase", "Staffbase", 20, Saas),
        ]),
        new("Corporate", "Identity", true, 40_000, 250_000, null,
        [
            P("Microsoft Entra ID", "Microsoft", 55, Saas),
            P("Okta", "Okta", 35, Saas),
            P("Ping Identity", "Ping Identity", 10, Saas),
        ]),
        new("Corporate", "Office productivity", true, 400_000, 2_500_000, null,
        [
            P("Microsoft 365", "Microsoft", 85, Saas),
            P("Google Workspace", "Google", 15, Saas),
        ]),
        new("Corporate", "Website content management", true, 30_000, 150_000, null,
        [
            P("Jadu Central", "Jadu", 25, Saas),
            P("LocalGov Drupal", "Annertech", 20, Cloud),
            P("Granicus Website Platform", "Granicus", 20, Saas),
            P("Squiz DXP", "Squiz", 20, Saas),
            P("Umbraco", "Umbraco", 15, Cloud),
        ]),
        new("Corporate", "Payments and income management", true, 50_000, 250_000, null,
        [
            P("Civica Pay", "Civica", 45, Hybrid),
            P("Pay360", "Access PaySuite", 30, Saas),
            P("Adelante SmartPay", "Adelante", 25, Saas),
        ]),
        new("Corporate", "Business intelligence", false, 20_000, 150_000, null,
        [
            P("Power BI", "Microsoft", 60, Saas),
            P("Tableau", "Salesforce", 20, Saas),
            P("Qlik Sense", "Qlik", 20, Cloud),
        ]),
        new("Corporate", "GIS", false, 30_000, 150_000, null,
        [
            P("ArcGIS", "Esri UK", 55, Hybrid),
            P("Cadcorp SIS", "Cadcorp", 25, OnPremises),
            P("iShare", "Astun Technology", 20, Cloud),
        ]),
        new("Corporate", "IT service management", true, 30_000, 200_000, null,
        [
            P("ServiceNow", "ServiceNow", 35, Saas),
            P("TOPdesk", "TOPdesk", 30, Saas),
            P("Ivanti Neurons", "Ivanti", 20, Cloud),
            P("Halo ITSM", "HaloITSM", 15, Saas),
        ]),
        new("Corporate", "Electoral registration", true, 20_000, 90_000, null,
        [
            P("Xpress Electoral Management", "Idox", 55, Hybrid),
            P("Democracy Counts", "Democracy Counts", 45, Saas),
        ]),
        new("Corporate", "Committee management", false, 8_000, 40_000, null,
        [
            P("modern.gov", "Civica", 80, Saas),
            P("CMIS", "Civica", 20, Saas),
        ]),
        new("Corporate", "E-procurement", false, 15_000, 90_000, null,
        [
            P("ProContract", "Proactis", 30, Saas),
            P("Jaggaer", "Jaggaer", 20, Saas),
            P("In-Tend", "In-Tend", 20, Saas),
            P("Atamis", "Atamis", 15, Saas),
            P("Delta eSourcing", "Delta eSourcing", 15, Saas),
        ]),
        new("Corporate", "Legal case management", false, 15_000, 80_000, null,
        [
            P("Iken", "Iken Business", 60, Hybrid),
            P("Proclaim", "Eclipse Legal Systems", 40, OnPremises),
        ]),
        new("Corporate", "Complaints and FOI", false, 15_000, 70_000, null,
        [
            P("iCasework", "Civica", 45, Saas),
            P("Netcall Liberty Create", "Netcall", 30, Saas),
            P("Microsoft Dynamics 365", "Microsoft", 25, Saas),
        ]),
        new("Corporate", "Property and asset management", false, 25_000, 120_000, null,
        [
            P("Concerto", "MRI Software", 35, Cloud),
            P("TF Cloud", "Technology Forge", 35, Saas),
            P("Planon", "Planon", 30, Saas),
        ]),
        new("Corporate", "Endpoint security", false, 40_000, 250_000, null,
        [
            P("Microsoft Defender for Endpoint", "Microsoft", 60, Saas),
            P("CrowdStrike Falcon", "CrowdStrike", 25, Saas),
            P("Sophos Intercept X", "Sophos", 15, Saas),
        ]),

        new("Planning & Building Control", "Planning case management", true, 60_000, 300_000, "planning", Planning),
        new("Planning & Building Control", "Building control", true, 20_000, 100_000, "planning", Planning),
        new("Planning & Building Control", "Land charges", true, 10_000, 60_000, null,
        [
            P("Idox Uniform", "Idox", 40, OnPremises),
            P("Local Land Charges Register", "HM Land Registry", 35, Saas),
            P("Assure", "NEC Software Solutions", 25, Saas),
        ]),
        new("Planning & Building Control", "Address gazetteer (LLPG)", false, 8_000, 40_000, null,
        [
            P("Aligned Assets Symphony", "Aligned Assets", 60, Hybrid),
            P("Idox Uniform", "Idox", 40, OnPremises),
        ]),

        new("Libraries", "Library management", true, 30_000, 150_000, null,
        [
            P("Spydus", "Civica", 50, Saas),
            P("SirsiDynix Symphony", "SirsiDynix", 20, Cloud),
            P("Koha", "PTFS Europe", 15, Cloud),
            P("Sierra", "Clarivate", 15, Cloud),
        ]),
        new("Libraries", "Public PC booking and printing", false, 8_000, 40_000, null,
        [
            P("Netloan", "Lorensbergs", 60, Hybrid),
            P("Princh", "Princh", 20, Saas),
            P("PC Reservation", "Envisionware", 20, OnPremises),
        ]),

        new("Customer Services", "Contact centre", true, 80_000, 450_000, null,
        [
            P("Netcall Liberty Converse", "Netcall", 30, Cloud),
            P("Genesys Cloud CX", "Genesys", 25, Saas),
            P("Amazon Connect", "Amazon Web Services", 20, Saas),
            P("8x8 Contact Centre", "8x8", 15, Saas),
            P("MiContact Center", "Mitel", 10, OnPremises),
        ]),
        new("Customer Services", "Telephony", true, 100_000, 600_000, null,
        [
            P("Microsoft Teams Phone", "Microsoft", 35, Saas),
            P("Mitel MiVoice", "Mitel", 30, OnPremises),
            P("8x8 X Series", "8x8", 20, Saas),
            P("RingCentral", "RingCentral", 15, Saas),
        ]),
        new("Customer Services", "Web chat and chatbot", false, 15_000, 80_000, null,
        [
            P("EBI.AI", "EBI.AI", 40, Saas),
            P("Netcall Liberty Converse", "Netcall", 30, Cloud),
            P("Microsoft Copilot Studio", "Microsoft", 30, Saas),
        ]),
        new("Customer Services", "Appointments and bookings", false, 5_000, 40_000, null,
        [
            P("Microsoft Bookings", "Microsoft", 40, Saas),
            P("JRNI", "JRNI", 30, Saas),
            P("Skedda", "Skedda", 30, Saas),
        ]),
    ];

    /// <summary>Notes a borough's inventory carries on some lines; some hold commas and quotes, as real notes do.</summary>
    public static readonly string[] Notes =
    [
        "Procured via Crown Commercial Service G-Cloud 14.",
        "Call-off from the ESPO framework, lot 2.",
        "Shared service with a neighbouring borough; costs split 60/40.",
        "Extension agreed to allow time for re-procurement.",
        "Upgrade to the vendor's SaaS version planned, subject to business case.",
        "Contract novated following supplier acquisition.",
        "Market engagement due to start in the next financial year.",
        "Licences renew annually in April.",
        "Known integration issues with the \"golden record\" in the CRM.",
        "Includes hosting, support and maintenance, but not licences.",
        "Bought through the London Office of Technology and Innovation (LOTI) collaboration.",
        "Direct award under Regulation 32; value includes implementation.",
        "Owned by Digital Services; budget held by the service.",
    ];
}
