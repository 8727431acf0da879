using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Thirty3.Connectors.Checkpoints;
using Thirty3.Connectors.Scheduling;
using Thirty3.Connectors.Status;
using Thirty3.DirectoryClient;

namespace Thirty3.Connectors.Tests.Support;

/// <summary>
/// The connectors app as configured by <c>AddConnectors</c>, with the recording directory in place of the
/// real one and its data folder in a temp directory. A new harness on the same folder is a restart.
/// </summary>
public sealed class ConnectorHarness : IDisposable
{
    private readonly bool _ownsFolder;

    public ConnectorHarness(IDictionary<string, string?> settings, RecordingDirectory? directory = null, string? dataFolder = null, IDirectoryApi? realDirectory = null)
    {
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "thirty3-connectors-tests", Guid.NewGuid().ToString("N"));
        Directory = directory ?? new RecordingDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:BaseAddress"] = "http://directory.invalid",
            ["Connectors:DataFolder"] = DataFolder,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConnectors();
        builder.Services.AddSingleton<IDirectoryApi>(realDirectory ?? Directory);
        Host = builder.Build();
    }

    public string DataFolder { get; }
    public RecordingDirectory Directory { get; }
    public IHost Host { get; }

    public Task<SourceStatus> RunAsync(string source, CancellationToken cancellationToken = default)
        => Host.Services.GetRequiredService<SourceRunner>().RunOnceAsync(source, cancellationToken);

    public Task<SourceCheckpoint> CheckpointAsync(string source)
        => Host.Services.GetRequiredService<CheckpointStore>().LoadAsync(source, CancellationToken.None);

    /// <summary>Settings of one source, with test-sized retry delays.</summary>
    public static Dictionary<string, string?> Source(string name, string type, Uri? baseUrl, params (string Key, string Value)[] extra)
    {
        var prefix = $"Connectors:Sources:{name}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Type"] = type,
            [prefix + "RetryBaseDelay"] = "00:00:00.050",
            [prefix + "MaxRetries"] = "3",
            [prefix + "TimeoutSeconds"] = "5",
            [prefix + "SafetyLag"] = "00:00:00",
            [prefix + "SettleTime"] = "00:00:00",
        };
        if (baseUrl is not null)
        {
            settings[prefix + "BaseUrl"] = baseUrl.ToString();
        }
        foreach (var (key, value) in extra)
        {
            settings[prefix + key] = value;
        }
        return settings;
    }

    public void Dispose()
    {
        Host.Dispose();
        if (_ownsFolder && System.IO.Directory.Exists(DataFolder))
        {
            System.IO.Directory.Delete(DataFolder, recursive: true);
        }
    }
}
