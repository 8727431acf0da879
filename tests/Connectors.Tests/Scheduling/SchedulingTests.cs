using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Thirty3.Connectors.Status;
using Thirty3.Connectors.Tests.Support;
using Thirty3.Domain;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace Thirty3.Connectors.Tests.Scheduling;

public sealed class SchedulingTests(ITestOutputHelper output) : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Worker_OneSourceFails_OthersStillRunAndStatusIsWritten()
    {
        _server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var inbox = Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(inbox);
        File.Copy(Recorded.Path("FindATender", "packages-page2.json"), Path.Combine(inbox, "x.json"));
        var settings = ConnectorHarness.Source("broken", SourceTypes.FindATender, new Uri(_server.Url!), ("BackfillFrom", "2025-01-01T00:00:00Z"), ("MaxRetries", "0"));
        foreach (var (key, value) in ConnectorHarness.Source("inbox", SourceTypes.OcdsFolder, null, ("Folder", inbox)))
        {
            settings[key] = value;
        }
        using var sut = new ConnectorHarness(settings);
        try
        {
            await sut.Host.StartAsync();
            var statusFolder = Path.Combine(sut.DataFolder, "checkpoints");
            await Wait.UntilAsync(() => File.Exists(Path.Combine(statusFolder, "inbox.status.json")) && File.Exists(Path.Combine(statusFolder, "broken.status.json")), TimeSpan.FromSeconds(20), "both sources' status");
            await sut.Host.StopAsync();

            var broken = JsonSerializer.Deserialize<SourceStatus>(await File.ReadAllTextAsync(Path.Combine(statusFolder, "broken.status.json")), DirectoryJson.Options)!;
            var ok = JsonSerializer.Deserialize<SourceStatus>(await File.ReadAllTextAsync(Path.Combine(statusFolder, "inbox.status.json")), DirectoryJson.Options)!;
            Assert.Contains("500", broken.LastError);
            Assert.Null(broken.LastSuccess);
            Assert.Null(ok.LastError);
            Assert.Equal(2, ok.Accepted);
            Assert.NotNull(ok.LastSuccess);
            // Reported to the directory too, though it answered 404.
            Assert.Contains(sut.Directory.StatusReports, r => r.Name == "inbox" && r.Accepted == 2);
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    [Fact]
    public void Options_UnknownTypeOrMissingBaseUrl_FailValidation()
    {
        using var sut = new ConnectorHarness(new Dictionary<string, string?>
        {
            ["Connectors:Sources:a:Type"] = "carrier-pigeon",
            ["Connectors:Sources:b:Type"] = SourceTypes.FindATender,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => sut.Host.Services.GetRequiredService<IOptions<ConnectorsOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("carrier-pigeon", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Sources:b: BaseUrl is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_Default_IsValidAndOnlyLocalSourcesEnabled()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // From the source tree: the test output also holds the directory API's appsettings.json (the end-to-end tests reference it).
        builder.Configuration.AddJsonFileFrom(ConfigurationExtensions.ConnectorsAppSettings());
        builder.AddConnectors();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<ConnectorsOptions>>().Value;

        Assert.All(options.Sources.Where(s => s.Value.Enabled), s => Assert.Equal(SourceTypes.OcdsFolder, s.Value.Type));
        Assert.Contains(options.Sources, s => s.Value.Type == SourceTypes.ContractsFinder && !s.Value.Enabled);
    }

    /// <summary>Throughput of a backfill through WireMock pages of 100 releases into the recording directory.</summary>
    [Fact]
    public async Task Throughput_ManyPages_AllArriveAndRateIsReported()
    {
        const int pages = 100;
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var template = Recorded.Text("FindATender", "packages-page2.json");
        var release = JsonSerializer.Deserialize<JsonElement>(template).GetProperty("releases")[0].GetRawText();
        for (var p = 0; p < pages; p++)
        {
            var releases = string.Join(',', Enumerable.Range(0, 100).Select(i => release.Replace("\"ocid\": \"", $"\"ocid\": \"p{p}-r{i}-", StringComparison.Ordinal)));
            var next = p + 1 < pages ? $",\"links\":{{\"next\":\"{_server.Url}/api/1.0/ocdsReleasePackages?cursor=c{p + 1}\"}}" : "";
            var body = $"{{\"uri\":\"u\",\"publishedDate\":\"2025-01-01T00:00:00Z\",\"publisher\":{{\"name\":\"x\"}},\"releases\":[{releases}]{next}}}";
            var request = Request.Create().WithPath("/api/1.0/ocdsReleasePackages").UsingGet();
            _server.Given(p == 0 ? request : request.WithParam("cursor", $"c{p}")).AtPriority(p == 0 ? 10 : 1)
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));
        }
        using var sut = new ConnectorHarness(ConnectorHarness.Source("fts", SourceTypes.FindATender, new Uri(_server.Url!), ("BackfillFrom", start.ToString("O")), ("WindowHours", "1")));

        var watch = Stopwatch.StartNew();
        var status = await sut.RunAsync("fts");
        watch.Stop();

        Assert.Null(status.LastError);
        Assert.Equal(pages * 100, sut.Directory.Stored.Count);
        output.WriteLine($"throughput: {pages * 100} releases in {watch.Elapsed.TotalSeconds:F2} s = {pages * 100 / watch.Elapsed.TotalSeconds:F0} releases/s");
    }
}

internal static class ConfigurationExtensions
{
    public static void AddJsonFileFrom(this Microsoft.Extensions.Configuration.IConfigurationBuilder builder, string path)
        => Microsoft.Extensions.Configuration.JsonConfigurationExtensions.AddJsonFile(builder, path, optional: false);

    public static string ConnectorsAppSettings()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Connectors", "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("src/Connectors/appsettings.json not found above the test folder.");
    }
}
