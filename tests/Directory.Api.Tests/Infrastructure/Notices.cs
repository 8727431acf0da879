namespace Thirty3.DirectoryApi.Tests.Infrastructure;

/// <summary>Small OCDS notices written for the tests, in the Contracts Finder 2025 shape.</summary>
internal static class Notices
{
    public static string Tender(string ocid, string title, string buyerId = "GB-CFS-1", string buyerName = "Testshire County Council", string date = "2025-01-10T09:00:00Z", string cpv = "72000000", string description = "Provision of services.", string deadline = "2099-01-01T12:00:00Z", bool sme = true, decimal value = 100000, string id = "tender-1") => $$$"""
        {"ocid":"{{{ocid}}}","id":"{{{id}}}","date":"{{{date}}}","tag":["tender"],"initiationType":"tender",
         "parties":[{"id":"{{{buyerId}}}","name":"{{{buyerName}}}","roles":["buyer"]}],
         "buyer":{"id":"{{{buyerId}}}","name":"{{{buyerName}}}"},
         "tender":{"id":"T1","title":"{{{title}}}","description":"{{{description}}}","status":"active",
           "classification":{"scheme":"CPV","id":"{{{cpv}}}","description":"label {{{cpv}}}"},
           "value":{"amount":{{{value}}},"currency":"GBP"},"tenderPeriod":{"endDate":"{{{deadline}}}"},
           "suitability":{"sme":{{{(sme ? "true" : "false")}}},"vcse":false} } }
        """;

    public static string Award(string ocid, string supplierName = "Acme Software Ltd", string date = "2025-03-01T09:00:00Z", string buyerId = "GB-CFS-1", string buyerName = "Testshire County Council") => $$$"""
        {"ocid":"{{{ocid}}}","id":"award-1","date":"{{{date}}}","tag":["award"],"initiationType":"tender",
         "parties":[{"id":"{{{buyerId}}}","name":"{{{buyerName}}}","roles":["buyer"]},
                    {"id":"GB-COH-1234567","name":"{{{supplierName}}}","roles":["supplier"],"details":{"scale":"sme"}}],
         "buyer":{"id":"{{{buyerId}}}","name":"{{{buyerName}}}"},
         "tender":{"status":"complete"},
         "awards":[{"id":"{{{ocid}}}-1","status":"active","date":"{{{date}}}","value":{"amount":95000,"currency":"GBP"},
           "suppliers":[{"id":"GB-COH-1234567","name":"{{{supplierName}}}"}],
           "contractPeriod":{"startDate":"2025-04-01T00:00:00Z","endDate":"2027-03-31T00:00:00Z"} }]}
        """;

    public static string Package(params string[] releases) => $$$"""{"uri":"https://example.test/p","publishedDate":"2025-03-01T00:00:00Z","publisher":{"name":"Test"},"version":"1.1","releases":[{{{string.Join(",", releases)}}}]}""";
}
