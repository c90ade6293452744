#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, on 127.0.0.1 only, in a temporary folder (in memory where /dev/shm has room).
#   eval "$(ops/postgres.sh start)"   installs Debian's postgresql when missing, creates and starts a
#                                     cluster on a free port, prints the export of PROPOSALS_TEST_POSTGRES
#   ops/postgres.sh stop              stops that cluster and deletes its folder
# Everything but the export line goes to stderr.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
state="${TMPDIR:-/tmp}/proposals-postgres-$(printf '%s' "$repo" | md5sum | cut -c1-12)"

say() { echo "postgres.sh: $*" >&2; }

# initdb and the server refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgbin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      say "PostgreSQL is not installed and this is not root: run 'apt-get install -y postgresql' as root"
      exit 1
    fi
    say "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

free_port() {
  local port
  for port in $(seq 55432 55531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  say "no free port in 55432-55531"
  exit 1
}

stop() {
  [ -f "$state" ] || return 0
  local bin dir
  read -r bin dir <"$state"
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$state"
  say "stopped"
}

start() {
  stop
  local bin dir port
  bin=$(pgbin)
  # In memory where the machine has room for it (ops/memory-dir.sh says why).
  dir=$(mktemp -d "$("$repo/ops/memory-dir.sh")/proposals-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  echo "$bin $dir" >"$state"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=256MB -c max_connections=200" \
    start >/dev/null || { cat "$dir/log" >&2; exit 1; }
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
  echo "export PROPOSALS_TEST_POSTGRES=\"Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres\""
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
