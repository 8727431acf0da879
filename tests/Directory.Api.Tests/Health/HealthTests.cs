using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Health;

/// <summary>Runs against every store: SQLite always, PostgreSQL when <c>THIRTY3_TEST_POSTGRES</c> is set.</summary>
public abstract class HealthTests(DirectoryApiFactory factory) : IDisposable
{
    private readonly DirectoryApiFactory _factory = factory;

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    [SkippableFact]
    public async Task Ready_StoreReachable_200()
    {
        var response = await _factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task StoreCheck_StoreReachable_HealthyNamingProvider()
    {
        _factory.CreateClient();
        var report = await _factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "store");

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(_factory is PostgresDirectoryApiFactory ? "Npgsql" : "Sqlite", entry.Description, StringComparison.Ordinal);
    }
}

public sealed class SqliteHealthTests() : HealthTests(new DirectoryApiFactory());

public sealed class PostgresHealthTests() : HealthTests(new PostgresDirectoryApiFactory());
