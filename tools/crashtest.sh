#!/usr/bin/env bash
# The long crash run (docs/operations.md): CYCLES (default 50) kill -9 cycles of the Release web app
# while four clients write through the API, on SQLite (a file on disk, not tmpfs) and on PostgreSQL
# (a cluster of its own with fsync on, whose server is also stopped with `-m immediate` every second
# cycle). Prints one line of figures per provider; exits non-zero if any acknowledged write was lost.
#   tools/crashtest.sh [CYCLES] [sqlite|postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-50}
which=${2:-both}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "Needs PostgreSQL: sudo apt-get install -y postgresql"; exit 2; }

work=$(mktemp -d /var/tmp/salesmentor-crash.XXXXXX)
pg_data="$work/pg"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chmod 711 "$work" && mkdir -p "$pg_data" && chown postgres:postgres "$pg_data"
  as_pg=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
pg_options="-c listen_addresses=127.0.0.1 -p $port -c max_connections=200 -k $pg_data"
cleanup() {
  status=$?
  [ -f "$pg_data/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o "$pg_options" start >/dev/null

export SALESMENTOR_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export SALESMENTOR_TEST_SHM="$work/sqlite"
export SALESMENTOR_CRASH_CYCLES=$cycles
export SALESMENTOR_CRASH_REPORT="$work/report.txt"
export SALESMENTOR_CRASH_PG_STOP="${as_pg[*]} $pg_bin/pg_ctl -D $pg_data -m immediate stop"
export SALESMENTOR_CRASH_PG_START="${as_pg[*]} $pg_bin/pg_ctl -D $pg_data -l $pg_data/server.log -w -o '$pg_options' start"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build tests/SalesMentor.Web.Tests -nologo -v quiet -clp:ErrorsOnly
dotnet build src/SalesMentor.Web -c Release -nologo -v quiet -clp:ErrorsOnly
filter="FullyQualifiedName~CrashSafetyTests"
case "$which" in
  sqlite) filter="$filter&DisplayName~Sqlite" ;;
  postgres) filter="$filter&DisplayName~Postgres" ;;
esac
started=$(date +%s)
status=0
dotnet test tests/SalesMentor.Web.Tests --no-build -nologo -v quiet --filter "$filter" --logger "console;verbosity=minimal" || status=$?
echo
cat "$SALESMENTOR_CRASH_REPORT" 2>/dev/null || true
echo "crash run: $cycles cycles per provider, $(( $(date +%s) - started )) s, exit $status"
exit $status
