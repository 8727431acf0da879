using System.Diagnostics;

namespace Thirty3.Bench;

/// <summary>
/// A server the bench starts as a child process (the API, the web site): its output goes to a log file,
/// it is waited for until it answers, and it is killed with its children when disposed.
/// </summary>
public abstract class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    protected ChildProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    protected bool IsDisposed { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (IsDisposed)
        {
            return;
        }
        IsDisposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary><c>dotnet <paramref name="dll"/></c> from the dll's folder, output redirected, in Production.</summary>
    protected static ProcessStartInfo DotnetStartInfo(string dll)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>Appends the process's stdout and stderr to <paramref name="logPath"/>; the writer is the caller's to dispose.</summary>
    protected static StreamWriter PipeOutput(Process process, string logPath)
    {
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return log;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers 2xx; false when <paramref name="timeout"/> passes first.</summary>
    /// <exception cref="InvalidOperationException">The process exited while starting.</exception>
    protected static async Task<bool> WaitUntilReadyAsync(Process process, Uri baseAddress, string probe, TimeSpan timeout, string name, string logPath)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see {logPath}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(probe, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting (the API may be recovering its index).
            }
            await Task.Delay(200);
        }
        return false;
    }
}
