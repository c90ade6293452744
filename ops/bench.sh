#!/usr/bin/env bash
# The scale benchmark: the built `proposals` program, a process per operation, on a generated ledger
# (import, re-import, a refused file, two sweeps, the year's report, the overdue list, the dashboard's
# pages), each beside a bare baseline in the same run (prepared INSERT, candidate query, GROUP BY,
# overdue query, a MailKit loop against smtp4dev vs the program's own SMTP sending). Prints a table
# (time, bare time, ratio, peak RSS) and writes bench-results.json in the current directory.
#   ops/bench.sh [--items N (1000000)] [--provider sqlite|postgres] [--quick] [--messages N (5000)]
#                [--seed S] [--program PATH] [--keep]
# --quick: 10,000 items and 50 messages, for checking the harness. --provider postgres starts a
# throwaway PostgreSQL as ops/test.sh does and stops it afterwards. smtp4dev (a local dotnet tool) is
# restored here and started by the harness on 127.0.0.1 only. Exit code 1 when any operation failed.
#   ops/bench.sh --replay FILE [--divisions FILE (seeds/divisions.csv)] [--from DATE] [--through DATE]
#                [--set KEY=VALUE ...] [--program PATH] [--keep]
# --replay: imports the divisions and FILE into a fresh SQLite ledger with mail to a pickup folder, runs
# `proposals sweep --as-of DAYT09:00:00+08:00` on every working day from --from (default: the first
# 交办日期) through --through (default: a year later, less a day), reads each day's .eml files and
# prints a markdown table of the mail: in all, per day, per address, copies, the days an item came back
# to one division, and the sweeps' time and peak RSS. --set passes a setting (Reminders:Grouping=item).
set -euo pipefail
caller=$PWD
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

provider=sqlite
previous=
for arg in "$@"; do
  if [ "$previous" = "--provider" ]; then provider=$arg; fi
  previous=$arg
done

dotnet tool restore >&2
dotnet build src/Proposals.Worker/Proposals.Worker.csproj -c Release --nologo -v quiet >&2
dotnet build tests/Proposals.Benchmarks/Proposals.Benchmarks.csproj -c Release --nologo -v quiet >&2

if [ "$provider" = postgres ]; then
  # An absolute path: the script is in the caller's directory by the time it exits.
  trap '"$repo/ops/postgres.sh" stop >/dev/null 2>&1 || true' EXIT
  eval "$(ops/postgres.sh start)"
fi

cd "$caller"
status=0
PROPOSALS_BENCH_COMMAND="ops/bench.sh $*" \
  dotnet "$repo/tests/Proposals.Benchmarks/bin/Release/net10.0/Proposals.Benchmarks.dll" "$@" || status=$?
exit "$status"
