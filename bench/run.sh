#!/usr/bin/env bash
# Builds Release and runs every macro benchmark on one load; prints one markdown table on stdout
# (progress on stderr). Usage: bench/run.sh [processes] [extra Thirty3.Bench options...]
# e.g. bench/run.sh 100000 --runs 3 --seconds 20
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
processes="${1:-20000}"
shift || true
dotnet build "$root/src/Directory.Api" -c Release -nologo -v q
dotnet build "$root/src/Web" -c Release -nologo -v q
dotnet build "$root/bench/Thirty3.Bench" -c Release -nologo -v q
exec dotnet "$root/bench/Thirty3.Bench/bin/Release/net10.0/Thirty3.Bench.dll" all --processes "$processes" "$@"
