#!/usr/bin/env bash
# The SQL Server suites against a real SQL Server in a container, where Docker (or Podman) exists.
#
#   !!! NEVER RUN HERE. This script was written on machines that have no Docker and can run no SQL
#   !!! Server; it has not been run once. What IS proven here is only that every SQL Server statement
#   !!! the stores send, and every SQL Server migration, parses with SQL Server's own parser
#   !!! (ScriptDom; tests/Proposals.Tests/SqlServerText). The first run of this script is the first
#   !!! time that text meets a SQL Server: read its output with that in mind.
#
# It starts mcr.microsoft.com/mssql/server (MSSQL_IMAGE to choose another) on 127.0.0.1:${MSSQL_PORT:-14333}
# with a throwaway sa password, waits until it answers, runs the whole suite through ops/test.sh with
# PROPOSALS_TEST_SQLSERVER set (so the SQL Server storage suites, migrations and CLI tests run instead
# of skipping), then removes the container. Arguments go to dotnet test (e.g. --filter SqlServer).
set -euo pipefail
cd "$(dirname "$0")/.."
banner() {
  echo "==========================================================================================" >&2
  echo "ops/test-sqlserver.sh: NEVER RUN on the machines this project was built on (no Docker there)." >&2
  echo "$1" >&2
  echo "==========================================================================================" >&2
}
banner "Its first run is the first time the SQL Server text meets a SQL Server; until then it is parsed, never executed."
engine=""
for candidate in docker podman; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then engine=$candidate; break; fi
done
if [ -z "$engine" ]; then
  echo "ops/test-sqlserver.sh: no working docker or podman here: SQL Server cannot be started, nothing was run." >&2
  echo "  Elsewhere: set PROPOSALS_TEST_SQLSERVER to a SQL Server connection string (a login that may create databases) and run ops/test.sh." >&2
  exit 1
fi
image=${MSSQL_IMAGE:-mcr.microsoft.com/mssql/server:2022-latest}
port=${MSSQL_PORT:-14333}
password="Pr0posals-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
name="proposals-mssql-$$"
trap '"$engine" rm -f "$name" >/dev/null 2>&1 || true' EXIT
"$engine" run -d --name "$name" -e ACCEPT_EULA=Y -e MSSQL_SA_PASSWORD="$password" -p "127.0.0.1:${port}:1433" "$image" >/dev/null
echo "test-sqlserver.sh: waiting for SQL Server ($image) on 127.0.0.1:${port}" >&2
ready=""
for _ in $(seq 1 90); do
  for sqlcmd in /opt/mssql-tools18/bin/sqlcmd /opt/mssql-tools/bin/sqlcmd; do
    if "$engine" exec "$name" "$sqlcmd" -C -S localhost -U sa -P "$password" -Q "SELECT 1" >/dev/null 2>&1; then ready=yes; break 2; fi
  done
  sleep 2
done
if [ -z "$ready" ]; then
  "$engine" logs "$name" 2>&1 | tail -20 >&2
  echo "test-sqlserver.sh: SQL Server did not answer within 3 minutes (its log above)" >&2
  exit 1
fi
export PROPOSALS_TEST_SQLSERVER="Server=127.0.0.1,${port};User ID=sa;Password=${password};TrustServerCertificate=True;Encrypt=True"
status=0
# The whole suite, so that every test that skips without SQL Server runs (ops/test.sh also starts PostgreSQL).
ops/test.sh "$@" || status=$?
banner "That was a real SQL Server run (exit ${status}); record the date, the image and the result in ops/DEPLOYMENT.md."
exit "$status"
