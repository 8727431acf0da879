namespace Thirty3.Domain.Search;

/// <summary>
/// A set of phrases that mean the same thing in UK local-government procurement. A phrase written
/// in capitals (for example "IT") only matches when the user typed it in capitals, because its
/// lower-case form is an ordinary English word.
/// </summary>
public sealed record SynonymGroup(IReadOnlyList<string> Phrases);

/// <summary>
/// Equivalent phrases applied at query time by every search backend, so "CRM" finds
/// "customer relationship management" and the reverse. Kept backend-neutral so Lucene and
/// Elasticsearch expand queries the same way; backends match phrases on lower-cased words with
/// punctuation ("&amp;", "-", "/") treated as spaces and "&amp;" also read as "and".
/// </summary>
public static class LocalGovernmentSynonyms
{
    public static readonly IReadOnlyList<SynonymGroup> Groups =
    [
        new(["crm", "customer relationship management"]),
        new(["revs and bens", "revenues and benefits", "revs bens", "revenue and benefits"]),
        new(["hr", "human resources"]),
        new(["erp", "enterprise resource planning"]),
        new(["gis", "geographic information system", "geographical information system"]),
        new(["edrms", "electronic document and records management", "document management"]),
        new(["ict", "information and communications technology", "information and communication technology"]),
        // "it" is a stop word in lower case; only the capitalised abbreviation means technology.
        new(["IT", "information technology"]),
        new(["saas", "software as a service"]),
        new(["paas", "platform as a service"]),
        new(["iaas", "infrastructure as a service"]),
        new(["social care case management", "case management"]),
        new(["asc", "adult social care", "adults social care"]),
        new(["csc", "childrens social care", "children's social care"]),
        new(["send", "special educational needs and disabilities", "special educational needs"]),
        new(["sen", "special educational needs"]),
        new(["lgps", "local government pension scheme"]),
        new(["nndr", "business rates", "national non domestic rates"]),
        new(["ctax", "council tax"]),
        new(["cctv", "closed circuit television"]),
        new(["hmo", "house in multiple occupation", "houses in multiple occupation"]),
        new(["sms", "text messaging"]),
        new(["byod", "bring your own device"]),
        new(["mfd", "multi function device", "multifunction device"]),
        new(["voip", "voice over ip", "internet telephony"]),
        new(["wan", "wide area network"]),
        new(["lan", "local area network"]),
        new(["psn", "public services network"]),
        new(["dps", "dynamic purchasing system"]),
        new(["pcn", "penalty charge notice", "parking fines"]),
        new(["ev charging", "electric vehicle charging"]),
        new(["ai", "artificial intelligence"]),
        new(["ms365", "microsoft 365", "office 365", "o365"]),
    ];
}
