#!/usr/bin/env bash
# Starts `onething serve` on 127.0.0.1 (a free port, a temporary SQLite file, bundles/),
# waits for /readyz, runs schemathesis (installed from PyPI into a virtual environment)
# on grammar/openapi.yaml with every check against it, and stops the server. Fails when
# schemathesis finds anything, when the server does not become ready, or when it does
# not shut down cleanly on SIGTERM. `.ci/run` runs it; so can you, after `swift build`.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
venv=${ONETHING_SCHEMATHESIS_VENV:-$work/venv}
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet schemathesis
fi
"$venv/bin/schemathesis" --version

bin=$(swift build --show-bin-path)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG_LEVEL=warning "$bin/onething" serve --host 127.0.0.1 --port "$port" --db "$work/cases.sqlite" \
  --bundles bundles --lang en >"$work/serve.out" 2>"$work/serve.err" &
server=$!

ready=""
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "onething serve did not become ready on port $port:"; cat "$work/serve.out" "$work/serve.err"; exit 1
fi
cat "$work/serve.out"

status=0
"$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run grammar/openapi.yaml --url "http://127.0.0.1:$port" --checks all \
  --request-timeout 10 --max-examples "${ONETHING_SCHEMATHESIS_EXAMPLES:-50}" --seed 1 \
  --suppress-health-check all || status=$?

kill -TERM "$server"
if ! wait "$server"; then
  echo "onething serve did not shut down cleanly on SIGTERM:"; tail -n 40 "$work/serve.err"; status=1
fi
server=""
if [ "$status" -ne 0 ]; then
  echo "schemathesis found failures (exit $status); the server said:"; tail -n 40 "$work/serve.err"
fi
exit "$status"
