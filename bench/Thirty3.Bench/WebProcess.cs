using System.Diagnostics;
using System.Globalization;

namespace Thirty3.Bench;

/// <summary>
/// The real web site as a child process (<c>dotnet Thirty3.Web.dll</c>, Release) pointed at the bench's
/// API, so a page render is measured as deployed: Blazor static SSR, the typed directory client, the API.
/// </summary>
public sealed class WebProcess : ChildProcess
{
    private WebProcess(Process process, StreamWriter log, Uri baseAddress)
        : base(process, log, baseAddress)
    {
    }

    public static string WebDll()
    {
        var dll = Path.Combine(ApiProcess.RepoRoot(), "src", "Web", "bin", "Release", "net10.0", "Thirty3.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build src/Web -c Release, or bench/run.sh).");
    }

    public static async Task<WebProcess> StartAsync(Uri api, int port, string logPath)
    {
        var dll = WebDll();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = DotnetStartInfo(dll);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Directory__BaseAddress"] = api.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var log = PipeOutput(process, logPath);
        var web = new WebProcess(process, log, baseAddress);

        if (await WaitUntilReadyAsync(process, baseAddress, "/health", TimeSpan.FromMinutes(2), "The web site", logPath))
        {
            return web;
        }
        await web.DisposeAsync();
        throw new TimeoutException($"The web site did not become ready in 2 minutes; see {logPath}.");
    }
}
