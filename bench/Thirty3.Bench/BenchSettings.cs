using System.Globalization;

namespace Thirty3.Bench;

/// <summary>Sizes and knobs of a bench run, from <c>--name value</c> options; every default is small enough for a shared machine.</summary>
public sealed class BenchSettings
{
    public int Processes { get; init; } = 20_000;
    public int Seed { get; init; } = 33;
    public int BatchSize { get; init; } = 500;
    public int Senders { get; init; } = 4;
    public int Clients { get; init; } = 1;
    public int Seconds { get; init; } = 10;
    public int Runs { get; init; } = 3;
    public int FreshnessSamples { get; init; } = 30;
    public int OverheadQueries { get; init; } = 200;
    public int Port { get; init; } = 5933;
    public string DataPath { get; init; } = Path.Combine(Path.GetTempPath(), "thirty3-bench");
    public bool KeepData { get; init; }
    public bool SkipRebuild { get; init; }
    public bool Reuse { get; init; }

    /// <summary>The moment generated data is relative to: today 00:00 UTC unless given, so "open" tenders exist for the API's clock.</summary>
    public DateTimeOffset Now { get; init; } = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    public static BenchSettings Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

        var d = new BenchSettings();
        return new BenchSettings
        {
            Processes = Int("--processes", d.Processes),
            Seed = Int("--seed", d.Seed),
            BatchSize = Int("--batch", d.BatchSize),
            Senders = Int("--senders", d.Senders),
            Clients = Int("--clients", d.Clients),
            Seconds = Int("--seconds", d.Seconds),
            Runs = Int("--runs", d.Runs),
            FreshnessSamples = Int("--samples", d.FreshnessSamples),
            OverheadQueries = Int("--queries", d.OverheadQueries),
            Port = Int("--port", d.Port),
            DataPath = Path.GetFullPath(Get("--data") ?? d.DataPath),
            KeepData = args.Contains("--keep"),
            SkipRebuild = args.Contains("--no-rebuild"),
            Reuse = args.Contains("--reuse"),
            Now = Get("--now") is { } now ? DateTimeOffset.Parse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : d.Now,
        };
    }
}
