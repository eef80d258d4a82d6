#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for OneThing's tests and benchmarks: initdb in a
# temporary folder as an unprivileged user, listening on 127.0.0.1 only, on a random
# free port. CI (.ci/run) and developers use the same script.
#
#   eval "$(scripts/postgres-cluster.sh start)"   # sets ONETHING_TEST_POSTGRES_URL and
#                                                  # ONETHING_POSTGRES_DIR, prints nothing else on stdout
#   swift test --filter OneThingPostgresTests
#   scripts/postgres-cluster.sh stop               # stops the cluster of ONETHING_POSTGRES_DIR, removes it
#
# The cluster's user is `onething` with the password `onething` (scram-sha-256 over TCP),
# and it has a database `onething`. Run as root, the server runs as the user `postgres`
# when there is one, else as `onething-pg`, made here with useradd. The binaries are
# looked for with pg_config, then in /usr/lib/postgresql/*/bin (Debian's
# `apt-get install postgresql`). Messages go to standard error.
set -euo pipefail

say() { printf 'postgres-cluster: %s\n' "$*" >&2; }

find_bin() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
  say "no PostgreSQL server found (initdb); install it with 'apt-get install -y postgresql'"
  exit 1
}

# Runs a command as the cluster's owner: as it is for a normal user, through runuser for root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port password url
  bin=$(find_bin)
  if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then
      OWNER=postgres
    else
      OWNER=onething-pg
      id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER"
    fi
  else
    OWNER=$(id -un)
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/onething-postgres.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown "$OWNER" "$dir"
  password=onething
  printf '%s\n' "$password" >"$dir/password"
  [ "$(id -u)" = 0 ] && chown "$OWNER" "$dir/password"
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=onething --pwfile="$dir/password" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; say "initdb failed"; exit 1; }
  # A port another process takes between the choice and the start is tried again.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200" \
      start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  [ -n "$port" ] || { cat "$dir/server.log" >&2; say "the server did not start"; exit 1; }
  PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U onething -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE onething" >/dev/null
  url="postgres://onething:$password@127.0.0.1:$port/onething"
  echo "$bin" >"$dir/bin"
  echo "$OWNER" >"$dir/owner"
  echo "$url" >"$dir/url"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port as $OWNER, in $dir"
  echo "export ONETHING_POSTGRES_DIR='$dir'"
  echo "export ONETHING_TEST_POSTGRES_URL='$url'"
}

stop() {
  local dir=${1:-${ONETHING_POSTGRES_DIR:-}}
  [ -n "$dir" ] || { say "which cluster? give its folder, or set ONETHING_POSTGRES_DIR"; exit 2; }
  [ -f "$dir/bin" ] || { say "$dir is not a cluster made by this script"; exit 2; }
  local bin
  bin=$(cat "$dir/bin")
  OWNER=$(cat "$dir/owner")
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
*)
  echo "usage: $0 start | stop [DIR]" >&2
  exit 2
  ;;
esac
