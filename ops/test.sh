#!/usr/bin/env bash
# The whole test suite on a fresh machine. It restores the project's tools (smtp4dev, the real SMTP
# server the mail tests start on 127.0.0.1 themselves and stop afterwards), starts a throwaway
# PostgreSQL on 127.0.0.1 (installing it when missing) for the storage suite, builds, runs every
# test, stops PostgreSQL, and ends with one line: "N passed, N failed, N skipped".
# SQL Server tests run when PROPOSALS_TEST_SQLSERVER holds a connection string; otherwise they are
# reported as skipped, with that reason.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
dotnet build Proposals.sln -c Release --nologo -v quiet
log=$(mktemp)
trap 'ops/postgres.sh stop >/dev/null 2>&1 || true; rm -f "$log"' EXIT
eval "$(ops/postgres.sh start)"
status=0
dotnet test Proposals.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$skipped" -gt 0 ] && [ -z "${PROPOSALS_TEST_SQLSERVER:-}" ]; then
  echo "skipped: the SQL Server storage suite (set PROPOSALS_TEST_SQLSERVER to a connection string to run it)"
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
