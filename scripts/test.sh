#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (PostgreSQL, Chromium, npm
# assets), builds once, runs the test projects and prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

# In CI the PostgreSQL and browser tests must really run; elsewhere they skip and say why.
if postgres="$(bash scripts/start-test-postgres.sh)"; then
  eval "$postgres"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be started, and CI must run its tests" >&2
  exit 1
else
  echo "warning: PostgreSQL could not be started; its tests will skip" >&2
fi
if ! bash src/Web/install-browser-deps.sh >&2; then
  if [ "${CI:-}" = "true" ] && [ ! -x /usr/bin/chromium ]; then
    echo "Chromium could not be installed, and CI must run the browser tests" >&2
    exit 1
  fi
  echo "warning: browser dependencies could not be fully installed; browser tests skip without chromium" >&2
fi

dotnet build Thirty3.sln -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1

log="$(mktemp)"
status=0
for project in $(find tests -name '*.csproj' | sort); do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  echo "== $project"
  out="$(mktemp)"
  dotnet test "$project" -c Release --no-build -nologo > "$out" 2>&1 || status=1
  cat "$out" >> "$log"
  grep -E "^(Passed!|Failed!)|^\s+Failed |error" "$out" || tail -20 "$out"
  rm -f "$out"
done

read -r passed failed skipped < <(awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { print p+0, f+0, s+0 }' "$log")
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "no tests ran" >&2
  exit 1
fi
[ "$failed" -eq 0 ] && exit "$status" || exit 1
