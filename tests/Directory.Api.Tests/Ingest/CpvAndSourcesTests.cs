using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Sources;

namespace Thirty3.DirectoryApi.Tests.Ingest;

public sealed class CpvAndSourcesTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    [Fact]
    public async Task GetCpv_Division_SeededLabel()
    {
        var cpv = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/cpv/72000000-5");

        Assert.Equal("72000000", cpv.GetProperty("code").GetString());
        Assert.Contains("IT services", cpv.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCpv_LabelLearnedFromNotice_ReturnedWithAncestors()
    {
        var client = await _factory.CreatePublisherClientAsync();
        await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(Notices.Tender("ocds-c-1", "T", cpv: "72212100"))));

        var cpv = await client.GetFromJsonAsync<JsonElement>("/api/cpv/72212100");

        Assert.Equal("label 72212100", cpv.GetProperty("label").GetString());
        Assert.Equal(4, cpv.GetProperty("ancestors").GetArrayLength());
    }

    [SkippableFact]
    public async Task ImportCpv_RealVocabulary_AllCodesLabelled()
    {
        var csv = await File.ReadAllTextAsync(Path.Combine(SharedData.Require(), "reference", "cpv-2008-en.csv"));
        var admin = await _factory.CreatePublisherClientAsync(admin: true);

        var response = await admin.PostAsync("/api/admin/cpv/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var label = await admin.GetFromJsonAsync<JsonElement>("/api/cpv/72212100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9454, result.GetProperty("read").GetInt32());
        Assert.Equal(0, result.GetProperty("problems").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(label.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task ReportSourceStatus_Connector_ReadableByAnyone()
    {
        var connector = await _factory.CreatePublisherClientAsync(name: "connectors");
        var report = new SourceStatusReport("contracts-finder", "contracts-finder", true, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 120, 118, 2, null, "2025-01-01T00:00:00Z", TimeSpan.FromHours(2));

        var put = await connector.PutAsJsonAsync("/api/sources/contracts-finder/status", report, DirectoryJson.Options);
        var listed = await _factory.CreateClient().GetFromJsonAsync<List<SourceStatusReport>>("/api/sources", DirectoryJson.Options);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(118, Assert.Single(listed!).Accepted);
    }
}
