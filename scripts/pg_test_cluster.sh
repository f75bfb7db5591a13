#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (docs/store.md).
#
#   scripts/pg_test_cluster.sh start <dir>   initdb + start; libpq conninfo in <dir>/conninfo
#   scripts/pg_test_cluster.sh stop <dir>    stops the server and removes <dir>
#
# initdb refuses to run as root, and CI runs as root: as root the cluster belongs to the
# `postgres` user (created by the postgresql-15 package) or, failing that, `nobody`. As a normal
# user it runs as that user. fsync is off (throwaway data), the server listens on 127.0.0.1 on a
# free port (another is tried on a collision) and its unix socket lives in <dir>/run.
set -euo pipefail

PG_BIN=${ERPC_PG_BIN:-/usr/lib/postgresql/15/bin}
DB_SUPERUSER=erpc

die() { echo "pg_test_cluster: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop <dir>"
command=$1
dir=$2
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

run_as=""
if [ "$(id -u)" -eq 0 ]; then
  if id -u postgres >/dev/null 2>&1; then run_as=postgres; else run_as=nobody; fi
fi

# Runs a PostgreSQL binary as the cluster owner.
as_owner() {
  if [ -n "$run_as" ]; then
    runuser -u "$run_as" -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # /proc/net/tcp lists listening sockets as hex ports in state 0A; no ss/netstat needed.
  local hex
  hex=$(printf '%04X' "$1")
  grep -qi ":$hex [0-9A-F]*:[0-9A-F]* 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

stop_cluster() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case "$command" in
  start)
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found (install postgresql-15)"
    stop_cluster
    rm -rf "$dir"
    mkdir -p "$dir/run"
    if [ -n "$run_as" ]; then
      chown -R "$run_as" "$dir"
      runuser -u "$run_as" -- test -w "$dir" ||
        die "$run_as cannot write $dir (a parent directory is not searchable)"
    fi
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$DB_SUPERUSER" --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; die "initdb failed"; }

    started=""
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      port_in_use "$port" && continue
      if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
          -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c fsync=off \
              -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
          start >/dev/null 2>&1; then
        started=$port
        break
      fi
      # A lost race for the port ("could not bind"): the server exited, try another.
      grep -q "could not bind\|already in use" "$dir/server.log" 2>/dev/null ||
        { cat "$dir/server.log" >&2; die "server did not start"; }
    done
    [ -n "$started" ] || die "no free port found"
    echo "host=127.0.0.1 port=$started user=$DB_SUPERUSER dbname=postgres" >"$dir/conninfo"
    echo "pg_test_cluster: started on 127.0.0.1:$started ($dir)"
    ;;
  stop)
    stop_cluster
    rm -rf "$dir"
    echo "pg_test_cluster: stopped ($dir)"
    ;;
  *)
    die "usage: $0 start|stop <dir>"
    ;;
esac
