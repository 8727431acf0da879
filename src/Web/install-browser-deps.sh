#!/usr/bin/env bash
# What the web site's browser tests and asset refresh need on a Debian machine (CI calls this).
#   - chromium from Debian: Playwright drives it through ExecutablePath, as it cannot download browsers here;
#   - the npm packages the compiled assets under wwwroot/lib come from, and a rebuild of those assets
#     (they are committed, so `dotnet build` never needs npm; this keeps them reproducible).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  else
    sudo apt-get update
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  fi
fi

if command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
  npm run build
  if ! git diff --quiet -- wwwroot/lib 2>/dev/null; then
    echo "note: rebuilt assets differ from the committed wwwroot/lib; commit them if package.json changed." >&2
  fi
else
  echo "npm not found: keeping the committed assets in wwwroot/lib" >&2
fi
