#!/usr/bin/env bash
# Starts a PostgreSQL cluster for the integration tests and prints, on stdout, the line that
# points them at it:
#   eval "$(bash scripts/start-test-postgres.sh)" && dotnet test tests/Directory.Api.Tests
# Idempotent: installs PostgreSQL (Debian/Ubuntu, apt-get) if missing, creates the cluster once,
# starts it if it is not running, and (re)sets the test role. Runs as root (or with sudo).
# Everything else goes to stderr so that only the export line is evaluated.
# The cluster is for throwaway test databases: fsync is off, so do not keep data in it.
set -euo pipefail

CLUSTER="${THIRTY3_PG_CLUSTER:-thirty3test}"
PORT="${THIRTY3_PG_PORT:-55432}"
ROLE="${THIRTY3_PG_ROLE:-thirty3_test}"
PASSWORD="${THIRTY3_PG_PASSWORD:-thirty3_test_password}"

log() { echo "start-test-postgres: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else log "run as root (or install sudo)"; exit 1; fi
fi

if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql with apt-get"
  # postgresql-common would create and try to start a default cluster; ours is separate anyway.
  if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; then
    $SUDO apt-get update -q >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  fi
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -qx "$VERSION/$CLUSTER"; then
  log "creating cluster $VERSION/$CLUSTER on port $PORT"
  $SUDO pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >&2
fi

# Settings for a test server: loopback only, enough connections for parallel test hosts (each
# keeps a pool), and durability traded for speed. Debian's postgresql.conf includes conf.d last.
$SUDO tee "/etc/postgresql/$VERSION/$CLUSTER/conf.d/thirty3-test.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

# Containers often lack the socket folder after a restart; pg_ctlcluster expects it.
$SUDO install -d -o postgres -g postgres -m 2775 /var/run/postgresql

if pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -qx online; then
  log "cluster $VERSION/$CLUSTER already running"
else
  log "starting cluster $VERSION/$CLUSTER"
  $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

deadline=$((SECONDS + 60))
until pg_isready -q -h 127.0.0.1 -p "$PORT"; do
  if [ "$SECONDS" -ge "$deadline" ]; then log "server on 127.0.0.1:$PORT not ready after 60 s"; exit 1; fi
  sleep 0.5
done

$SUDO runuser -u postgres -- psql -q -p "$PORT" -d postgres -v ON_ERROR_STOP=1 \
  -v role="$ROLE" -v password="$PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password') \gexec
SQL

echo "export THIRTY3_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=postgres'"
