#!/usr/bin/env bash
# The ledger benchmark: builds Release and runs tests/Proposals.Benchmarks on a generated ledger in
# a temporary SQLite file (deleted afterwards unless --keep). Arguments go to the program:
#   ops/bench.sh [--items N (1000000)] [--seed S] [--today YYYY-MM-DD] [--overdue-within-days D] [--keep]
# A million items takes minutes on two cores and about 2 GB of memory at its peak (the import).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/Proposals.Benchmarks/Proposals.Benchmarks.csproj -c Release --nologo -v quiet
exec dotnet tests/Proposals.Benchmarks/bin/Release/net10.0/Proposals.Benchmarks.dll "$@"
