using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryApi.Store;
using Thirty3.DirectoryApi.Tests.Infrastructure;
using Thirty3.Domain;
using Thirty3.Domain.Opportunities;

namespace Thirty3.DirectoryApi.Tests.Ingest;

/// <summary>Opportunities stored by an older compiler catch up from their releases on request.</summary>
public sealed class RecompileTests : IDisposable
{
    private readonly DirectoryApiFactory factory = new();

    [Fact]
    public async Task Recompile_OpportunityStoredByOlderCompiler_ReadsItsNoticesAgainAndIsSearchable()
    {
        var admin = await factory.CreatePublisherClientAsync(admin: true);
        var package = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "FindATender", "dynamic-market-open.json"));
        (await admin.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(package))).EnsureSuccessStatusCode();
        await factory.IndexAsync();
        // What the compiler before the Procurement Act stored: no notice types, not a dynamic market.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var json = await db.Opportunities.Where(o => o.Ocid == "ocds-h6vhtk-0a1b05").Select(o => o.DetailJson).SingleAsync();
            var old = JsonSerializer.Deserialize<OpportunityDetail>(json, DirectoryJson.Options)!;
            var stale = JsonSerializer.Serialize(old with { Summary = old.Summary with { NoticeTypes = [], Technique = null, AdmitsSuppliers = false }, Framework = null }, DirectoryJson.Options);
            Assert.Equal(1, await db.Opportunities.Where(o => o.Ocid == "ocds-h6vhtk-0a1b05").ExecuteUpdateAsync(u => u.SetProperty(o => o.DetailJson, stale)));
        }
        (await admin.PostAsync("/api/admin/reindex", null)).EnsureSuccessStatusCode();
        await factory.IndexAsync();
        var before = await factory.CreateClient().GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?noticeType=UK13", DirectoryJson.Options);
        Assert.Equal(0, before!.Total);

        var response = await admin.PostAsync("/api/admin/recompile", null);
        await factory.IndexAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"processes\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await factory.CreateClient().GetFromJsonAsync<OpportunitySearchResult>("/api/opportunities?noticeType=UK13", DirectoryJson.Options);
        var hit = Assert.Single(after!.Items).Opportunity;
        Assert.True(hit.AdmitsSuppliers);
    }

    [Fact]
    public async Task Recompile_WithoutAdminKey_Forbidden()
    {
        var publisher = await factory.CreatePublisherClientAsync();

        var response = await publisher.PostAsync("/api/admin/recompile", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
