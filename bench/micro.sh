#!/usr/bin/env bash
# BenchmarkDotNet micro benchmarks with a short job. Usage: bench/micro.sh [BenchmarkDotNet options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/bench/Thirty3.Bench.Micro" -c Release -nologo -v q
cd "$root/bench/Thirty3.Bench.Micro/bin/Release/net10.0"
exec dotnet Thirty3.Bench.Micro.dll --job short --filter '*' "$@"
