#!/usr/bin/env bash
# The whole test suite on a fresh machine. It restores the project's tools (smtp4dev, the real SMTP
# server the mail tests start on 127.0.0.1 themselves and stop afterwards), installs Debian's
# Chromium, the CJK fonts and PostgreSQL when missing (as root; otherwise it says how), starts a
# throwaway PostgreSQL on 127.0.0.1 for the storage suite, builds, runs every test, stops PostgreSQL,
# says where the browser tests' screenshots are, and ends with one line: "N passed, N failed, N skipped".
# SQL Server tests run when PROPOSALS_TEST_SQLSERVER holds a connection string; otherwise they are
# reported as skipped, with that reason (ops/test-sqlserver.sh starts one in a container where Docker is).
#
# ops/test.sh --fast: the fast lane, the domain's tables of dated cases (*Facts) and the command-line
# suite only: no PostgreSQL, browser or smtp4dev; it builds, runs them and prints the same last line.
# Any other arguments go to dotnet test (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "--fast" ]; then
  shift
  fast_log=$(mktemp)
  trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; rm -f "$fast_log"' EXIT
  # The test project and what it references: not the benchmarks, whose build is most of a warm one.
  dotnet build tests/Proposals.Tests -c Release --nologo -v quiet -p:UseSharedCompilation=true
  fast_status=0
  dotnet test tests/Proposals.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~Facts.|FullyQualifiedName~Proposals.Tests.Cli." "$@" 2>&1 | tee "$fast_log" || fast_status=$?
  read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$fast_log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
  echo "fast lane (domain and command line): ${passed} passed, ${failed} failed, ${skipped} skipped"
  [ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
  exit "$fast_status"
fi
dotnet tool restore
# What the tests need from Debian, installed in one apt-get while the build runs (as root; otherwise it
# says how): the browser tests drive /usr/bin/chromium through Playwright (its own browser download
# cannot work here), and without fonts-noto-cjk Chinese renders as boxes; the storage suite and the
# several-workers test need PostgreSQL. Without them those tests fail, saying so.
packages=()
if [ -z "${PROPOSALS_TEST_CHROMIUM:-}" ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || packages+=(fonts-noto-cjk)
fi
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
install_packages() {
  [ "${#packages[@]}" -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the tests need Debian's ${packages[*]}, and this is not root:" \
      "run 'apt-get install -y ${packages[*]}' as root; until then the tests that need them fail" >&2
    return 0
  fi
  echo "test.sh: installing Debian's ${packages[*]} for the tests, while the build runs" >&2
  local apt_log
  apt_log=$(mktemp)
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$apt_log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >>"$apt_log" 2>&1; then
    echo "test.sh: installed ${packages[*]}" >&2
  else
    cat "$apt_log" >&2
    echo "test.sh: installing ${packages[*]} failed (above: what apt-get said)" >&2
  fi
  rm -f "$apt_log"
}
log=$(mktemp)
pgenv=$(mktemp)
# The tests' own temporary files (ledgers, outboxes, smtp4dev's and the browser's folders) go to
# memory where the machine has room for them (ops/memory-dir.sh says why).
scratch=$(mktemp -d "$(ops/memory-dir.sh)/proposals-tests.XXXXXX")
stop_compiler() { dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; }
trap 'wait; stop_compiler; ops/postgres.sh stop >/dev/null 2>&1 || true; rm -rf "$log" "$pgenv" "$scratch"' EXIT
# The packages are installed and PostgreSQL started while the build runs.
{ install_packages; ops/postgres.sh start >"$pgenv"; } &
postgres=$!
# One compiler server for the six projects, even where the machine sets UseSharedCompilation=false:
# a compiler process per project starts (and compiles itself) cold each time, about 20 s more here.
# It is stopped as soon as the build ends.
dotnet build Proposals.sln -c Release --nologo -v quiet -p:UseSharedCompilation=true
stop_compiler
rm -rf artifacts/browser   # this run's screenshots only
wait "$postgres" || { echo "test.sh: PostgreSQL did not start (see above)" >&2; exit 1; }
eval "$(cat "$pgenv")"
status=0
TMPDIR="$scratch" dotnet test Proposals.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$skipped" -gt 0 ] && [ -z "${PROPOSALS_TEST_SQLSERVER:-}" ]; then
  echo "skipped: the SQL Server storage suite (set PROPOSALS_TEST_SQLSERVER to a connection string to run it)"
fi
if ls artifacts/browser/*.png >/dev/null 2>&1; then
  echo "browser screenshots: $(pwd)/artifacts/browser/"
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
