using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Ingest;
using Thirty3.Domain.Retenders;
using Thirty3.Domain.Technologies;

namespace Thirty3.DirectoryApi.Tests.Technologies;

public sealed class TechnologyTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static readonly string Csv = string.Join("\n",
        "borough,service_area,function,product,supplier,supplier_id,contract_start,contract_end,contract_max_extension,annual_value,total_value,hosting,notes,source,last_verified",
        "E09000022,Revenues & Benefits,Council tax,Civica Revenues,Civica,,2021-04-01,2027-03-31,2028-03-31,\"£120,000\",480000,saas,,city-tools,2026-01-10",
        "Merton,Revenues & Benefits,Council tax,Civica Revenues,Civica,,2022-04-01,2027-09-30,,95000,,cloud,,city-tools,",
        "E09000028,Corporate,CRM,\"Dynamics 365, Customer Service\",Microsoft,,2023-01-01,2029-12-31,,50000,,saas,,city-tools,",
        "E09000028,Corporate,HR & payroll,Oracle Fusion,Oracle,,2020-01-01,not-a-date,,1,,cloud,,city-tools,",
        "Atlantis,Corporate,CRM,Thing,Vendor,,,,,,,,,,");

    private async Task<(HttpResponseMessage Response, IngestResult Result)> PostCsv(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/ingest/technologies/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        return (response, (await response.Content.ReadFromJsonAsync<IngestResult>(DirectoryJson.Options))!);
    }

    [Fact]
    public async Task IngestCsv_CityToolsTemplate_StoresGoodRowsAndNamesBadCells()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var (response, result) = await PostCsv(client, Csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, result.Stored);
        Assert.Equal("row 5, column contract_end", result.Items[3].Path);
        Assert.Equal("row 6.borough", result.Items[4].Path);
        Assert.Contains("Atlantis", result.Items[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestCsv_SameFileTwice_Unchanged()
    {
        var client = await _factory.CreatePublisherClientAsync();

        await PostCsv(client, Csv);
        var (_, second) = await PostCsv(client, Csv);

        Assert.Equal(3, second.Unchanged);
        Assert.Equal(0, second.Stored);
    }

    [Fact]
    public async Task IngestCsv_HeaderWithoutRequiredColumns_400()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.PostAsync("/api/ingest/technologies/csv", new StringContent("name,age\nx,1", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("borough", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoroughStackPeersAndSearch_AfterCsv_GroupedAndFaceted()
    {
        var client = await _factory.CreatePublisherClientAsync();
        await PostCsv(client, Csv);
        await _factory.IndexAsync();

        var lambeth = await client.GetFromJsonAsync<BoroughStack>("/api/boroughs/E09000022", DirectoryJson.Options);
        var peers = await client.GetFromJsonAsync<List<TechnologyEntry>>("/api/technologies/peers?product=Civica%20Revenues&function=Council%20tax", DirectoryJson.Options);
        var searchResponse = await client.GetAsync("/api/technologies?q=civica");
        Assert.True(searchResponse.IsSuccessStatusCode, await searchResponse.Content.ReadAsStringAsync());
        var search = await searchResponse.Content.ReadFromJsonAsync<TechnologySearchResult>(DirectoryJson.Options);
        var boroughs = await client.GetFromJsonAsync<List<BoroughSummary>>("/api/boroughs", DirectoryJson.Options);

        Assert.Equal("Revenues & Benefits", Assert.Single(lambeth!.ServiceAreas).ServiceArea);
        Assert.Equal(120000m, lambeth.ServiceAreas[0].Functions[0].Entries[0].AnnualValue);
        Assert.Equal(["E09000022", "E09000024"], peers!.Select(p => p.BoroughGss).Order());
        Assert.Equal(2, search!.Total);
        Assert.Equal(2, search.Facets.Single(f => f.Name == "supplier").Values.Single(v => v.Value == "Civica").Count);
        Assert.Equal(33, boroughs!.Count);
        Assert.Equal(1, boroughs.Single(b => b.GssCode == "E09000028").TechnologyCount);
    }

    [Fact]
    public async Task Coalitions_TwoBoroughsEndingInWindow_OneCoalitionWithEvidence()
    {
        var client = await _factory.CreatePublisherClientAsync();
        await PostCsv(client, Csv);

        var coalitions = await client.GetFromJsonAsync<List<Coalition>>("/api/coalitions?function=Council%20tax&from=2027-01-01&to=2027-12-31", DirectoryJson.Options);
        var narrow = await client.GetFromJsonAsync<List<Coalition>>("/api/coalitions?function=Council%20tax&from=2027-01-01&to=2027-06-30", DirectoryJson.Options);

        var coalition = coalitions!.First();
        Assert.Equal(2, coalition.Boroughs.Count);
        Assert.Equal(new DateOnly(2027, 3, 31), coalition.Boroughs[0].Entries[0].ContractEnd);
        Assert.Empty(narrow!);
    }

    [Fact]
    public async Task Retenders_EntryEndingWithinWindow_ListedUnlessBoroughHasNotice()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var entries = new[]
        {
            new TechnologyEntryInput { Borough = "E09000001", ServiceArea = "Corporate", Function = "Payroll", Product = "P1", Supplier = "S1", ContractEnd = DateOnly.Parse(soon, System.Globalization.CultureInfo.InvariantCulture) },
            new TechnologyEntryInput { Borough = "E09000002", ServiceArea = "Corporate", Function = "Payroll", Product = "P1", Supplier = "S1", ContractEnd = DateOnly.Parse(soon, System.Globalization.CultureInfo.InvariantCulture) },
        };
        (await client.PostAsJsonAsync("/api/ingest/technologies", entries, DirectoryJson.Options)).EnsureSuccessStatusCode();
        var notice = Notices.Tender("ocds-r-1", "Payroll system replacement", buyerId: "GB-CFS-9", buyerName: "London Borough of Barking and Dagenham", date: DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        (await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(notice)))).EnsureSuccessStatusCode();
        await _factory.IndexAsync();

        var candidates = await client.GetFromJsonAsync<List<RetenderCandidate>>("/api/retenders?withinMonths=6&function=Payroll", DirectoryJson.Options);

        // Barking and Dagenham already has a payroll tender out, so only the City of London is waiting.
        Assert.Equal("E09000001", Assert.Single(candidates!).BoroughGss);
    }

    [Fact]
    public async Task IngestJson_InvalidEntries_RejectedWithFieldPaths()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = """[{"borough":"E09000003","serviceArea":"A","function":"F","product":"P","supplier":"S","contractStart":"2025-01-01","contractEnd":"2024-01-01"},{"borough":"E09000003"}]""";

        var response = await client.PostAsync("/api/ingest/technologies", DirectoryApiFactory.Json(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("$[0].contractEnd", problem.GetProperty("items")[0].GetProperty("path").GetString());
        Assert.Equal("$[1].serviceArea", problem.GetProperty("items")[1].GetProperty("path").GetString());
    }
}
