#!/usr/bin/env bash
# Starts the whole directory on the embedded default (SQLite + Lucene.Net in ./data) with sample data:
# the API, the web site and the connectors. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA="${THIRTY3_DATA:-$PWD/data}"
API_PORT="${THIRTY3_API_PORT:-5080}"
WEB_PORT="${THIRTY3_WEB_PORT:-5081}"
CONFIGURATION=Release
mkdir -p "$DATA/keys" "$DATA/inbox" "$DATA/connectors"
chmod 700 "$DATA/keys"

dotnet build Thirty3.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

API="src/Directory.Api/bin/$CONFIGURATION/net10.0/Thirty3.DirectoryApi.dll"
run_api_cli() { (cd src/Directory.Api && Data__Path="$DATA" dotnet "../../$API" "$@"); }

# Keys are issued once and kept in the data folder (never in git); only their hashes are in the store.
if [ ! -s "$DATA/keys/connectors.key" ]; then
  run_api_cli keys create --name connectors --buyers '*' > "$DATA/keys/connectors.key"
  run_api_cli keys create --name admin --admin > "$DATA/keys/admin.key"
  chmod 600 "$DATA/keys/"*.key
fi
# A few notices for the connectors' folder source, so the pull path is seen working too.
if [ -z "$(ls -A "$DATA/inbox" 2>/dev/null | grep -v done)" ] && [ ! -d "$DATA/inbox/done" ]; then
  run_api_cli sample inbox "$DATA/inbox" --processes 200 >/dev/null
fi

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# On one machine the web site, the connectors and you all reach the API from 127.0.0.1, so the
# per-address read limit (meant for the public internet) is raised here.
(cd src/Directory.Api && Data__Path="$DATA" SampleData__Seed=true ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" \
  RateLimits__ReadsPerAddressPerSecond=1000 \
  dotnet "../../$API") &
pids+=($!)

echo "Waiting for the API (first start loads sample data)..."
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

if [ -f src/Web/Web.csproj ]; then
  (cd src/Web && Directory__BaseAddress="http://127.0.0.1:$API_PORT" ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT" \
    dotnet "bin/$CONFIGURATION/net10.0/Thirty3.Web.dll") &
  pids+=($!)
fi

(cd src/Connectors && Directory__BaseAddress="http://127.0.0.1:$API_PORT" Directory__ApiKey="$(cat "$DATA/keys/connectors.key")" \
  Connectors__DataFolder="$DATA/connectors" Connectors__Sources__inbox__Folder="$DATA/inbox" \
  dotnet "bin/$CONFIGURATION/net10.0/Thirty3.Connectors.dll") &
pids+=($!)

cat <<MSG

Thirty3 is running on the embedded default (data in $DATA):
  Web site            http://127.0.0.1:$WEB_PORT
  API                 http://127.0.0.1:$API_PORT/api/opportunities?q=crm
  API reference       http://127.0.0.1:$API_PORT/docs   (OpenAPI: /openapi/v1.json)
  Connector status    http://127.0.0.1:$API_PORT/api/sources
  Admin key           $DATA/keys/admin.key   (X-Api-Key header)
  Drop OCDS files in  $DATA/inbox            (the folder connector ingests them)
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
