using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Thirty3.Bench;

/// <summary>
/// The real directory API as a child process (<c>dotnet Thirty3.DirectoryApi.dll</c>), so what is
/// measured is what is deployed: Kestrel, auth, JSON, the store and the index, in their own process.
/// </summary>
public sealed class ApiProcess : ChildProcess
{
    private ApiProcess(Process process, StreamWriter log, Uri baseAddress)
        : base(process, log, baseAddress)
    {
    }

    /// <summary>The repository root: the folder holding Thirty3.sln above the bench binaries or the working directory.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Thirty3.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Cannot find Thirty3.sln above the bench or the working directory.");
    }

    /// <summary>The API built in Release (bench/run.sh builds it); Debug figures would mislead.</summary>
    public static string ApiDll()
    {
        var dll = Path.Combine(RepoRoot(), "src", "Directory.Api", "bin", "Release", "net10.0", "Thirty3.DirectoryApi.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build src/Directory.Api -c Release, or bench/run.sh).");
    }

    /// <summary>Creates an API key with the directory's own CLI; the key is the CLI's stdout.</summary>
    public static async Task<string> CreateKeyAsync(string dataPath, string name, bool admin)
    {
        var start = StartInfo(dataPath, null, ["keys", "create", "--name", name, .. admin ? new[] { "--admin" } : []]);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"keys create failed ({process.ExitCode}): {stderr}");
        }
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    public static async Task<ApiProcess> StartAsync(string dataPath, int port)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var process = Process.Start(StartInfo(dataPath, baseAddress, []))!;
        var logPath = Path.Combine(dataPath, "api.log");
        var log = PipeOutput(process, logPath);
        var api = new ApiProcess(process, log, baseAddress);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            if (!api.IsDisposed)
            {
                Console.Error.WriteLine($"!! the API process exited unexpectedly with code {process.ExitCode}; see {logPath}");
            }
        };

        if (await WaitUntilReadyAsync(process, baseAddress, "/health/ready", TimeSpan.FromMinutes(10), "The API", logPath))
        {
            return api;
        }
        await api.DisposeAsync();
        throw new TimeoutException("The API did not become ready in 10 minutes.");
    }

    private static ProcessStartInfo StartInfo(string dataPath, Uri? urls, string[] args)
    {
        var dll = ApiDll();
        var start = DotnetStartInfo(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Data__Path"] = dataPath;
        // One log line per ingest batch at Information is real but noise for a benchmark's pipe.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The load generator is one client on one address sending far more than the public per-address limit.
        start.Environment["RateLimits__Enabled"] = "false";
        if (urls is not null)
        {
            start.Environment["ASPNETCORE_URLS"] = urls.ToString().TrimEnd('/');
        }
        return start;
    }

    /// <summary>Resident set (working set) and its peak, in MiB, from /proc.</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024.0;
            }
        }
        return (rss, peak);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Documents in the opportunities index, as search reports them (match-all total).</summary>
    public static async Task<long> IndexedCountAsync(HttpClient http)
    {
        using var doc = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/opportunities?pageSize=1", UriKind.Relative));
        return doc!.RootElement.GetProperty("total").GetInt64();
    }
}
