using System.Net.Http.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>
/// One supplier published by PPON alone, then by Companies House number beside its PPON, then by
/// Companies House number alone: three notices, one organisation.
/// </summary>
public sealed class OrganisationAliasTests : IDisposable
{
    private readonly DirectoryApiFactory factory = new();

    private static string AwardTo(string ocid, string supplierJson, string date) => $$$"""
        {"ocid":"{{{ocid}}}","id":"{{{ocid}}}-award","date":"{{{date}}}","tag":["award"],"initiationType":"tender",
         "buyer":{"id":"GB-PPON-PBHM-7586-PWLP","name":"Hampshire County Council"},
         "parties":[{"id":"GB-PPON-PBHM-7586-PWLP","name":"Hampshire County Council","identifier":{"scheme":"GB-PPON","id":"PBHM-7586-PWLP"},"roles":["buyer"]},
                    {{{supplierJson}}}],
         "tender":{"id":"{{{ocid}}}","title":"Highway drainage works {{{ocid}}}","status":"complete"},
         "awards":[{"id":"1","status":"active","suppliers":[{"id":"supplier","name":"Drain Care Ltd"}],"value":{"amount":50000,"currency":"GBP"}}]}
        """;

    private const string PponOnly = """{"id":"supplier","name":"Drain Care Ltd","identifier":{"scheme":"GB-PPON","id":"PDRC-1111-ZZZZ"},"roles":["supplier"]}""";
    private const string Both = """{"id":"supplier","name":"DRAIN CARE LIMITED","identifier":{"scheme":"GB-COH","id":"3456789"},"additionalIdentifiers":[{"scheme":"GB-PPON","id":"PDRC-1111-ZZZZ"}],"roles":["supplier"]}""";
    private const string CompaniesHouseOnly = """{"id":"supplier","name":"Drain Care Ltd","identifier":{"scheme":"GB-COH","id":"03456789"},"roles":["supplier"]}""";

    [Fact]
    public async Task Ingest_SupplierByPponThenBothThenCompaniesHouse_OneOrganisationWithThreeContracts()
    {
        var publisher = await factory.CreatePublisherClientAsync();
        foreach (var (ocid, supplier, date) in new[] { ("ocds-alias-1", PponOnly, "2026-01-05T09:00:00Z"), ("ocds-alias-2", Both, "2026-02-05T09:00:00Z"), ("ocds-alias-3", CompaniesHouseOnly, "2026-03-05T09:00:00Z") })
        {
            var response = await publisher.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(AwardTo(ocid, supplier, date))));
            response.EnsureSuccessStatusCode();
        }
        await factory.IndexAsync();

        var byPpon = await factory.CreateClient().GetFromJsonAsync<SupplierFootprint>("/api/suppliers/footprint?id=GB-PPON-PDRC-1111-ZZZZ", DirectoryJson.Options);
        var byCompaniesHouse = await factory.CreateClient().GetAsync("/api/suppliers/footprint?id=GB-COH-03456789");

        Assert.Equal(["ocds-alias-1", "ocds-alias-2", "ocds-alias-3"], byPpon!.ContractsWon.Select(c => c.Ocid).Order(StringComparer.Ordinal));
        // The organisation keeps the id it was first published under; its other identifiers point to it.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, byCompaniesHouse.StatusCode);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
