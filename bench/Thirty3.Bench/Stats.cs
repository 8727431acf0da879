namespace Thirty3.Bench;

/// <summary>Latency percentiles (nearest rank) and medians of runs.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 50);
}

/// <summary>One timed run of many requests.</summary>
public sealed record LatencyRun(int Count, int Errors, double Seconds, double P50, double P95, double P99)
{
    public double PerSecond => Count / Seconds;

    public static LatencyRun From(IReadOnlyList<double> ms, int errors, double seconds) =>
        new(ms.Count, errors, seconds, Stats.Percentile(ms, 50), Stats.Percentile(ms, 95), Stats.Percentile(ms, 99));

    public override string ToString() =>
        FormattableString.Invariant($"{Count} requests in {Seconds:F1} s = {PerSecond:F1}/s, p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, errors {Errors}");
}
