using BenchmarkDotNet.Running;

namespace Thirty3.Bench.Micro;

/// <summary>BenchmarkDotNet micro benchmarks of the ingest and search hot paths; pass BenchmarkDotNet options (e.g. --job short --filter *).</summary>
public static class MicroProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(MicroProgram).Assembly).Run(args);
}
