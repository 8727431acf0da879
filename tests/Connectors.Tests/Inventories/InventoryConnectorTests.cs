using ClosedXML.Excel;
using Thirty3.Connectors.Inventories;
using Thirty3.Connectors.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Thirty3.Connectors.Tests.Inventories;

public sealed class InventoryConnectorTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));

    public InventoryConnectorTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _server.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CityTools_CsvFromUrl_SentAsCsvOnceUntilItChanges()
    {
        _server.Given(Request.Create().WithPath("/city-tools.csv").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/csv").WithBody(Recorded.Bytes("Inventories", "city-tools.csv")));
        using var sut = new ConnectorHarness(ConnectorHarness.Source("city-tools", SourceTypes.CityTools, new Uri($"{_server.Url}/city-tools.csv")));

        var status = await sut.RunAsync("city-tools");
        await sut.RunAsync("city-tools");

        Assert.Null(status.LastError);
        Assert.Equal(3, status.Accepted);
        Assert.Single(sut.Directory.CsvFiles);
        Assert.Contains(sut.Directory.Technologies, t => t.Product == "Mosaic" && t.ContractEnd == new DateOnly(2026, 3, 31));
    }

    [Fact]
    public async Task CityTools_XlsxInFolder_ReadIntoEntries()
    {
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Inventory");
            for (var c = 0; c < CityToolsTemplate.Columns.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = CityToolsTemplate.Columns[c];
            }
            sheet.Cell(2, 1).Value = "E09000022";
            sheet.Cell(2, 2).Value = "Adult Social Care";
            sheet.Cell(2, 3).Value = "Case management";
            sheet.Cell(2, 4).Value = "Mosaic";
            sheet.Cell(2, 5).Value = "Servelec";
            sheet.Cell(2, 7).Value = new DateTime(2021, 4, 1);
            sheet.Cell(2, 10).Value = 250000;
            workbook.SaveAs(Path.Combine(_folder, "lambeth.xlsx"));
        }
        using var sut = new ConnectorHarness(ConnectorHarness.Source("city-tools", SourceTypes.CityTools, null, ("Folder", _folder)));

        var status = await sut.RunAsync("city-tools");

        Assert.Null(status.LastError);
        var entry = Assert.Single(sut.Directory.Technologies);
        Assert.Equal(("E09000022", "Mosaic", "Servelec"), (entry.Borough, entry.Product, entry.Supplier));
        Assert.Equal(new DateOnly(2021, 4, 1), entry.ContractStart);
        Assert.Equal(250000m, entry.AnnualValue);
        Assert.Equal("city-tools", entry.Source);
    }

    [Fact]
    public async Task ContractRegister_ColumnMapping_KeepsOnlyIctContracts()
    {
        File.Copy(Recorded.Path("Inventories", "contract-register.csv"), Path.Combine(_folder, "register.csv"));
        using var sut = new ConnectorHarness(ConnectorHarness.Source("lambeth-register", SourceTypes.ContractRegister, null,
            ("Folder", _folder), ("Borough", "E09000022"),
            ("Columns:Supplier", "Supplier Name"), ("Columns:Description", "Title / Description"), ("Columns:StartDate", "Start Date"),
            ("Columns:EndDate", "End Date"), ("Columns:Value", "Total Contract Value"), ("Columns:Cpv", "CPV Code"),
            ("Columns:Reference", "Contract Reference"), ("Columns:ServiceArea", "Department")));

        var status = await sut.RunAsync("lambeth-register");

        Assert.Null(status.LastError);
        var entries = sut.Directory.Technologies.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["lambeth-register:CR-001", "lambeth-register:CR-003", "lambeth-register:CR-004"], entries.Select(e => e.Id));
        Assert.Equal(("Software", 1_250_000m, new DateOnly(2021, 4, 1)), (entries[0].Function, entries[0].TotalValue, entries[0].ContractStart));
        Assert.Equal("ICT", entries[1].Function);
        Assert.Equal("IT services", entries[2].Function);
        Assert.Contains("\"agile\"", entries[2].Product);
    }

    [Fact]
    public async Task InventoryApi_Pages_AllEntriesSentAndWatermarkSet()
    {
        _server.Given(Request.Create().WithPath("/inventory").WithParam("page", "1").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Recorded.Text("Inventories", "inventory-page1.json")));
        _server.Given(Request.Create().WithPath("/inventory").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Recorded.Text("Inventories", "inventory-page2.json")));
        using var sut = new ConnectorHarness(ConnectorHarness.Source("hammersmith", SourceTypes.InventoryApi, new Uri(_server.Url!), ("ApiKey", "k-123")));

        var status = await sut.RunAsync("hammersmith");

        Assert.Null(status.LastError);
        Assert.Equal(3, sut.Directory.Technologies.Count);
        Assert.All(sut.Directory.Technologies, t => Assert.Equal("hammersmith", t.Source));
        Assert.NotNull((await sut.CheckpointAsync("hammersmith")).Watermark);
        Assert.All(_server.LogEntries, e => Assert.Equal("k-123", e.RequestMessage.Headers!["X-Api-Key"].Single()));
    }
}
