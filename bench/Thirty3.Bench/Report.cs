using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Thirty3.Bench;

/// <summary>The markdown the bench prints: a header of hardware and settings, then one table of figures against targets.</summary>
public sealed partial class Report(BenchSettings settings)
{
    private readonly List<(string Figure, string Target, string Measured, string Met)> _rows = [];
    private readonly List<string> _notes = [];
    private readonly string _loadAtStart = LoadAverage();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public void Add(string figure, string target, string measured, bool? met, string? qualifier = null) =>
        _rows.Add((figure, target, measured, met switch { true => "yes", false => "**no**", null => "n/a" } + (qualifier is null ? "" : $" ({qualifier})")));

    public void Note(string note) => _notes.Add(note);

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### Thirty3 bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        foreach (var line in Header(settings, _loadAtStart, LoadAverage()))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
        sb.AppendLine();
        sb.AppendLine("| figure | target | measured | met? |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var (figure, target, measured, met) in _rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {target} | {measured} | {met} |");
        }
        if (_notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var note in _notes)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }
        return sb.ToString();
    }

    public static IEnumerable<string> Header(BenchSettings s, string loadAtStart, string loadAtEnd)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        yield return $"hardware: {Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB RAM; load average (1/5/15 min) {loadAtStart} at start, {loadAtEnd} at end: a shared machine, other developers' builds and tests ran on the same cores";
        yield return $"software: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; API built Release, run as `dotnet Thirty3.DirectoryApi.dll` (server GC as the Web SDK sets it), logging at Warning";
        yield return FormattableString.Invariant($"data: {s.Processes:N0} OCDS processes (OcdsSampleGenerator, seed {s.Seed}, now {s.Now:yyyy-MM-dd}) + technology entries of the 33 London authorities (TechnologySampleGenerator)");
        yield return FormattableString.Invariant($"ingest: batches of {s.BatchSize} releases, {s.Senders} concurrent senders; store SQLite ({SqliteSettings()}); index Lucene.Net (SimpleFSDirectory, BM25): each change-log drain (up to 4,000 processes) visible at once by a reader refresh, committed at most once a second");
        yield return FormattableString.Invariant($"search: {s.Seconds} s per run, median of {s.Runs} runs; load generator is .NET HttpClient in the bench process, on the same 2 cores as the API");
    }

    /// <summary>The pragmas the API sets, read from its source so the header cannot drift from the code.</summary>
    private static string SqliteSettings()
    {
        try
        {
            var file = Path.Combine(ApiProcess.RepoRoot(), "src", "Directory.Api", "Store", "SqlitePragmas.cs");
            var pragmas = PragmaPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct();
            return string.Join(", ", pragmas);
        }
        catch (IOException)
        {
            return "pragmas unknown";
        }
    }

    [GeneratedRegex(@"PRAGMA (journal_mode=\w+|synchronous=\w+)")]
    private static partial Regex PragmaPattern();
}
