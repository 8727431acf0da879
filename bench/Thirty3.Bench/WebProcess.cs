using System.Diagnostics;
using System.Globalization;

namespace Thirty3.Bench;

/// <summary>
/// The real web site as a child process (<c>dotnet Thirty3.Web.dll</c>, Release) pointed at the bench's
/// API, so a page render is measured as deployed: Blazor static SSR, the typed directory client, the API.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string WebDll()
    {
        var dll = Path.Combine(ApiProcess.RepoRoot(), "src", "Web", "bin", "Release", "net10.0", "Thirty3.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build src/Web -c Release, or bench/run.sh).");
    }

    public static async Task<WebProcess> StartAsync(Uri api, int port, string logPath)
    {
        var dll = WebDll();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Directory__BaseAddress"] = api.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var web = new WebProcess(process, baseAddress);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web site exited with {process.ExitCode}; see {logPath}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return web;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting.
            }
            await Task.Delay(200);
        }
        await web.DisposeAsync();
        throw new TimeoutException($"The web site did not become ready in 2 minutes; see {logPath}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
