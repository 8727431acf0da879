namespace Thirty3.SampleData;

/// <summary>What a notice is about, which decides its title vocabulary and supplier pool.</summary>
internal enum Theme
{
    Goods,
    Energy,
    Catering,
    ItHardware,
    Highways,
    Telecoms,
    Health,
    Vehicles,
    Leisure,
    Cleaning,
    Maintenance,
    Construction,
    Software,
    ItServices,
    Transport,
    Professional,
    Grounds,
    Facilities,
    Education,
    SocialCare,
    Waste,
}

/// <summary>A real CPV 2008 code (bare 8 digits, as OCDS feeds carry it) with its exact English label.</summary>
internal sealed record CpvEntry(string Code, string Label, Theme Theme, int Weight)
{
    public string Division => Code[..2];
}

/// <summary>
/// Real CPV 2008 codes across all 45 divisions, weighted like a council's spend: software and IT
/// services, facilities, construction, social care and transport dominate; every division appears.
/// Labels are copied from the CPV 2008 English vocabulary; no file is read at run time.
/// </summary>
internal static class CpvCatalogue
{
    public static readonly CpvEntry[] Entries =
    [
        new("03000000", "Agricultural, farming, fishing, forestry and related products", Theme.Goods, 1),
        new("03452000", "Trees", Theme.Goods, 1),
        new("03451000", "Plants", Theme.Goods, 1),
        new("09100000", "Fuels", Theme.Energy, 1),
        new("09310000", "Electricity", Theme.Energy, 2),
        new("09134100", "Diesel oil", Theme.Energy, 1),
        new("09330000", "Solar energy", Theme.Energy, 1),
        new("14212000", "Granules, chippings, stone powder, pebbles, gravel, broken and crushed stone, stone mixtures, sand-gravel mixtures and other aggregates", Theme.Goods, 1),
        new("14410000", "Rock salt", Theme.Goods, 1),
        new("15000000", "Food, beverages, tobacco and related products", Theme.Catering, 1),
        new("15800000", "Miscellaneous food products", Theme.Catering, 1),
        new("15894000", "Processed food products", Theme.Catering, 1),
        new("16000000", "Agricultural machinery", Theme.Goods, 1),
        new("16311000", "Lawnmowers", Theme.Goods, 1),
        new("18100000", "Occupational clothing, special workwear and accessories", Theme.Goods, 1),
        new("18110000", "Occupational clothing", Theme.Goods, 1),
        new("18830000", "Protective footwear", Theme.Goods, 1),
        new("19520000", "Plastic products", Theme.Goods, 1),
        new("19640000", "Polythene waste and refuse sacks and bags", Theme.Goods, 1),
        new("22000000", "Printed matter and related products", Theme.Goods, 1),
        new("22110000", "Printed books", Theme.Goods, 1),
        new("22458000", "Bespoke printed matter", Theme.Goods, 1),
        new("24000000", "Chemical products", Theme.Goods, 1),
        new("24455000", "Disinfectants", Theme.Goods, 1),
        new("24440000", "Miscellaneous fertilisers", Theme.Goods, 1),
        new("30000000", "Office and computing machinery, equipment and supplies except furniture and software packages", Theme.ItHardware, 1),
        new("30213000", "Personal computers", Theme.ItHardware, 3),
        new("30232110", "Laser printers", Theme.ItHardware, 2),
        new("30213100", "Portable computers", Theme.ItHardware, 2),
        new("30192000", "Office supplies", Theme.Goods, 1),
        new("31000000", "Electrical machinery, apparatus, equipment and consumables; lighting", Theme.Goods, 1),
        new("31527200", "Exterior lights", Theme.Highways, 2),
        new("31500000", "Lighting equipment and electric lamps", Theme.Goods, 1),
        new("31681410", "Electrical materials", Theme.Goods, 1),
        new("32000000", "Radio, television, communication, telecommunication and related equipment", Theme.Telecoms, 1),
        new("32400000", "Networks", Theme.Telecoms, 2),
        new("32250000", "Mobile telephones", Theme.Telecoms, 2),
        new("32323500", "Video-surveillance system", Theme.Telecoms, 1),
        new("33000000", "Medical equipments, pharmaceuticals and personal care products", Theme.Health, 1),
        new("33140000", "Medical consumables", Theme.Health, 1),
        new("33190000", "Miscellaneous medical devices and products", Theme.Health, 1),
        new("34000000", "Transport equipment and auxiliary products to transportation", Theme.Vehicles, 1),
        new("34144510", "Vehicles for refuse", Theme.Vehicles, 3),
        new("34144900", "Electric vehicles", Theme.Vehicles, 2),
        new("34121000", "Buses and coaches", Theme.Vehicles, 1),
        new("34923000", "Road traffic-control equipment", Theme.Highways, 1),
        new("35000000", "Security, fire-fighting, police and defence equipment", Theme.Goods, 1),
        new("35111000", "Firefighting equipment", Theme.Goods, 1),
        new("35125300", "Security cameras", Theme.Goods, 1),
        new("37000000", "Musical instruments, sport goods, games, toys, handicraft, art materials and accessories", Theme.Leisure, 1),
        new("37400000", "Sports goods and equipment", Theme.Leisure, 1),
        new("37535200", "Playground equipment", Theme.Leisure, 1),
        new("38000000", "Laboratory, optical and precision equipments (excl. glasses)", Theme.Goods, 1),
        new("38221000", "Geographic information systems (GIS or equivalent)", Theme.Goods, 1),
        new("38430000", "Detection and analysis apparatus", Theme.Goods, 1),
        new("39000000", "Furniture (incl. office furniture), furnishings, domestic appliances (excl. lighting) and cleaning products", Theme.Goods, 1),
        new("39130000", "Office furniture", Theme.Goods, 2),
        new("39830000", "Cleaning products", Theme.Cleaning, 1),
        new("39150000", "Miscellaneous furniture and equipment", Theme.Goods, 1),
        new("41000000", "Collected and purified water", Theme.Goods, 1),
        new("41110000", "Drinking water", Theme.Goods, 1),
        new("42000000", "Industrial machinery", Theme.Goods, 1),
        new("42416000", "Lifts, skip hoists, hoists, escalators and moving walkways", Theme.Maintenance, 1),
        new("42500000", "Cooling and ventilation equipment", Theme.Goods, 1),
        new("43000000", "Machinery for mining, quarrying, construction equipment", Theme.Goods, 1),
        new("43210000", "Earthmoving machinery", Theme.Goods, 1),
        new("43260000", "Mechanical shovels, excavators and shovel loaders, and mining machinery", Theme.Goods, 1),
        new("44000000", "Construction structures and materials; auxiliary products to construction (except electric apparatus)", Theme.Goods, 1),
        new("44112000", "Miscellaneous building structures", Theme.Goods, 1),
        new("44221000", "Windows, doors and related items", Theme.Construction, 1),
        new("44611500", "Water tanks", Theme.Goods, 1),
        new("45000000", "Construction work", Theme.Construction, 4),
        new("45210000", "Building construction work", Theme.Construction, 2),
        new("45214200", "Construction work for school buildings", Theme.Construction, 2),
        new("45233140", "Roadworks", Theme.Highways, 3),
        new("45233222", "Paving and asphalting works", Theme.Highways, 2),
        new("45261000", "Erection and related works of roof frames and coverings", Theme.Construction, 2),
        new("45262700", "Building alteration work", Theme.Construction, 1),
        new("45300000", "Building installation work", Theme.Construction, 2),
        new("45310000", "Electrical installation work", Theme.Construction, 1),
        new("45331000", "Heating, ventilation and air-conditioning installation work", Theme.Construction, 2),
        new("45421000", "Joinery work", Theme.Construction, 1),
        new("45453000", "Overhaul and refurbishment work", Theme.Construction, 2),
        new("45454000", "Restructuring work", Theme.Construction, 1),
        new("48000000", "Software package and information systems", Theme.Software, 4),
        new("48100000", "Industry specific software package", Theme.Software, 1),
        new("48200000", "Networking, Internet and intranet software package", Theme.Software, 1),
        new("48300000", "Document creation, drawing, imaging, scheduling and productivity software package", Theme.Software, 1),
        new("48400000", "Business transaction and personal business software package", Theme.Software, 1),
        new("48440000", "Financial analysis and accounting software package", Theme.Software, 1),
        new("48450000", "Time accounting or human resources software package", Theme.Software, 1),
        new("48500000", "Communication and multimedia software package", Theme.Software, 1),
        new("48600000", "Database and operating software package", Theme.Software, 1),
        new("48700000", "Software package utilities", Theme.Software, 1),
        new("48730000", "Security software package", Theme.Software, 1),
        new("48760000", "Virus protection software package", Theme.Software, 1),
        new("48800000", "Information systems and servers", Theme.Software, 1),
        new("48900000", "Miscellaneous software package and computer systems", Theme.Software, 1),
        new("48921000", "Automation system", Theme.Software, 1),
        new("50000000", "Repair and maintenance services", Theme.Maintenance, 2),
        new("50112000", "Repair and maintenance services of cars", Theme.Vehicles, 1),
        new("50232100", "Street-lighting maintenance services", Theme.Highways, 1),
        new("50324200", "Preventive maintenance services", Theme.ItServices, 1),
        new("50413200", "Repair and maintenance services of firefighting equipment", Theme.Maintenance, 1),
        new("50700000", "Repair and maintenance services of building installations", Theme.Maintenance, 2),
        new("50710000", "Repair and maintenance services of electrical and mechanical building installations", Theme.Maintenance, 1),
        new("50711000", "Repair and maintenance services of electrical building installations", Theme.Maintenance, 1),
        new("50750000", "Lift-maintenance services", Theme.Maintenance, 2),
        new("50800000", "Miscellaneous repair and maintenance services", Theme.Maintenance, 1),
        new("51000000", "Installation services (except software)", Theme.Maintenance, 1),
        new("51110000", "Installation services of electrical equipment", Theme.Maintenance, 1),
        new("51600000", "Installation services of computers and office equipment", Theme.ItHardware, 1),
        new("55000000", "Hotel, restaurant and retail trade services", Theme.Catering, 1),
        new("55320000", "Meal-serving services", Theme.Catering, 1),
        new("55524000", "School catering services", Theme.Catering, 1),
        new("60000000", "Transport services (excl. Waste transport)", Theme.Transport, 3),
        new("60100000", "Road transport services", Theme.Transport, 1),
        new("60130000", "Special-purpose road passenger-transport services", Theme.Transport, 2),
        new("60112000", "Public road transport services", Theme.Transport, 1),
        new("60170000", "Hire of passenger transport vehicles with driver", Theme.Transport, 1),
        new("63000000", "Supporting and auxiliary transport services; travel agencies services", Theme.Transport, 1),
        new("63712400", "Parking services", Theme.Highways, 2),
        new("63712210", "Highway toll services", Theme.Highways, 1),
        new("64000000", "Postal and telecommunications services", Theme.Telecoms, 1),
        new("64110000", "Postal services", Theme.Goods, 1),
        new("64200000", "Telecommunications services", Theme.Telecoms, 2),
        new("64210000", "Telephone and data transmission services", Theme.Telecoms, 1),
        new("65000000", "Public utilities", Theme.Energy, 1),
        new("65300000", "Electricity distribution and related services", Theme.Energy, 2),
        new("65100000", "Water distribution and related services", Theme.Energy, 1),
        new("66000000", "Financial and insurance services", Theme.Professional, 1),
        new("66510000", "Insurance services", Theme.Professional, 2),
        new("66171000", "Financial consultancy services", Theme.Professional, 1),
        new("70000000", "Real estate services", Theme.Professional, 1),
        new("70330000", "Property management services of real estate on a fee or contract basis", Theme.Professional, 1),
        new("70332000", "Non-residential property services", Theme.Professional, 1),
        new("71000000", "Architectural, construction, engineering and inspection services", Theme.Professional, 1),
        new("71200000", "Architectural and related services", Theme.Professional, 1),
        new("71300000", "Engineering services", Theme.Construction, 1),
        new("71314300", "Energy-efficiency consultancy services", Theme.Energy, 1),
        new("71631000", "Technical inspection services", Theme.Maintenance, 1),
        new("71315200", "Building consultancy services", Theme.Construction, 1),
        new("72000000", "IT services: consulting, software development, Internet and support", Theme.ItServices, 4),
        new("72200000", "Software programming and consultancy services", Theme.ItServices, 1),
        new("72222300", "Information technology services", Theme.ItServices, 1),
        new("72250000", "System and support services", Theme.ItServices, 1),
        new("72260000", "Software-related services", Theme.ItServices, 1),
        new("72300000", "Data services", Theme.ItServices, 1),
        new("72400000", "Internet services", Theme.ItServices, 1),
        new("72500000", "Computer-related services", Theme.ItServices, 1),
        new("72600000", "Computer support and consultancy services", Theme.ItServices, 1),
        new("72700000", "Computer network services", Theme.ItServices, 1),
        new("72800000", "Computer audit and testing services", Theme.ItServices, 1),
        new("73000000", "Research and development services and related consultancy services", Theme.Professional, 1),
        new("73200000", "Research and development consultancy services", Theme.Professional, 1),
        new("73210000", "Research consultancy services", Theme.Professional, 1),
        new("75000000", "Administration, defence and social security services", Theme.Professional, 1),
        new("75100000", "Administration services", Theme.Professional, 1),
        new("75200000", "Provision of services to the community", Theme.Professional, 1),
        new("76000000", "Services related to the oil and gas industry", Theme.Goods, 1),
        new("76100000", "Professional services for the gas industry", Theme.Goods, 1),
        new("77000000", "Agricultural, forestry, horticultural, aquacultural and apicultural services", Theme.Grounds, 1),
        new("77310000", "Planting and maintenance services of green areas", Theme.Grounds, 2),
        new("77211400", "Tree-cutting services", Theme.Grounds, 1),
        new("77311000", "Ornamental and pleasure gardens maintenance services", Theme.Grounds, 1),
        new("79000000", "Business services: law, marketing, consulting, recruitment, printing and security", Theme.Professional, 2),
        new("79400000", "Business and management consultancy and related services", Theme.Professional, 2),
        new("79600000", "Recruitment services", Theme.Professional, 2),
        new("79710000", "Security services", Theme.Facilities, 2),
        new("79800000", "Printing and related services", Theme.Professional, 1),
        new("79340000", "Advertising and marketing services", Theme.Professional, 1),
        new("79500000", "Office-support services", Theme.Professional, 1),
        new("79940000", "Collection agency services", Theme.Professional, 1),
        new("79993000", "Building and facilities management services", Theme.Facilities, 2),
        new("80000000", "Education and training services", Theme.Education, 2),
        new("80500000", "Training services", Theme.Education, 2),
        new("80530000", "Vocational training services", Theme.Education, 1),
        new("80340000", "Special education services", Theme.Education, 1),
        new("85000000", "Health and social work services", Theme.SocialCare, 2),
        new("85300000", "Social work and related services", Theme.SocialCare, 3),
        new("85310000", "Social work services", Theme.SocialCare, 2),
        new("85311000", "Social work services with accommodation", Theme.SocialCare, 1),
        new("85311200", "Welfare services for the handicapped", Theme.SocialCare, 2),
        new("85312000", "Social work services without accommodation", Theme.SocialCare, 1),
        new("85320000", "Social services", Theme.SocialCare, 2),
        new("85100000", "Health services", Theme.Health, 1),
        new("85140000", "Miscellaneous health services", Theme.Health, 1),
        new("90000000", "Sewage, refuse, cleaning and environmental services", Theme.Waste, 2),
        new("90500000", "Refuse and waste related services", Theme.Waste, 2),
        new("90511000", "Refuse collection services", Theme.Waste, 2),
        new("90610000", "Street-cleaning and sweeping services", Theme.Waste, 2),
        new("90910000", "Cleaning services", Theme.Cleaning, 3),
        new("90911200", "Building-cleaning services", Theme.Cleaning, 1),
        new("90900000", "Cleaning and sanitation services", Theme.Cleaning, 1),
        new("90920000", "Facility related sanitation services", Theme.Cleaning, 1),
        new("90700000", "Environmental services", Theme.Waste, 1),
        new("90922000", "Pest-control services", Theme.Cleaning, 1),
        new("92000000", "Recreational, cultural and sporting services", Theme.Leisure, 1),
        new("92500000", "Library, archives, museums and other cultural services", Theme.Leisure, 1),
        new("92610000", "Sports facilities operation services", Theme.Leisure, 1),
        new("92300000", "Entertainment services", Theme.Leisure, 1),
        new("98000000", "Other community, social and personal services", Theme.Professional, 1),
        new("98300000", "Miscellaneous services", Theme.Professional, 1),
        new("98371000", "Funeral services", Theme.Professional, 1),
    ];

    /// <summary>Relative weight of each division, per 1000 notices; divisions not listed get the default.</summary>
    private static readonly Dictionary<string, int> DivisionWeights = new(StringComparer.Ordinal)
    {
        ["48"] = 110,
        ["72"] = 110,
        ["45"] = 110,
        ["85"] = 90,
        ["79"] = 70,
        ["90"] = 70,
        ["50"] = 60,
        ["60"] = 50,
        ["71"] = 25,
        ["30"] = 20,
        ["34"] = 15,
        ["80"] = 15,
        ["77"] = 12,
        ["64"] = 10,
        ["32"] = 10,
        ["66"] = 10,
    };

    private const int DefaultDivisionWeight = 6;

    private static readonly int[] Cumulative = BuildCumulative();

    public static CpvEntry Pick(Random rng)
    {
        var roll = rng.Next(Cumulative[^1]);
        var index = Array.BinarySearch(Cumulative, roll + 1);
        return Entries[index >= 0 ? index : ~index];
    }

    /// <summary>Another code of the same theme, for items' additional classifications.</summary>
    public static CpvEntry PickRelated(Random rng, CpvEntry main)
    {
        var byTheme = ByTheme[(int)main.Theme];
        return byTheme[rng.Next(byTheme.Length)];
    }

    private static readonly CpvEntry[][] ByTheme = BuildByTheme();

    private static CpvEntry[][] BuildByTheme()
    {
        var themes = Enum.GetValues<Theme>();
        var result = new CpvEntry[themes.Length][];
        foreach (var theme in themes)
        {
            result[(int)theme] = Array.FindAll(Entries, e => e.Theme == theme);
        }
        return result;
    }

    private static int[] BuildCumulative()
    {
        // Spread each division's weight over its codes in proportion to their own weights.
        var divisionTotals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            divisionTotals[e.Division] = divisionTotals.GetValueOrDefault(e.Division) + e.Weight;
        }
        var cumulative = new int[Entries.Length];
        var running = 0;
        for (var i = 0; i < Entries.Length; i++)
        {
            var e = Entries[i];
            var divisionWeight = DivisionWeights.GetValueOrDefault(e.Division, DefaultDivisionWeight) * 1000;
            running += Math.Max(1, divisionWeight * e.Weight / divisionTotals[e.Division]);
            cumulative[i] = running;
        }
        return cumulative;
    }
}
