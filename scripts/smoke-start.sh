#!/usr/bin/env bash
# Smoke test of the two-command path: `npm start` with no DATABASE_URL comes up on the embedded
# PostgreSQL, answers /health, serves the demo app, stops cleanly on SIGINT (as Ctrl-C sends it to
# the whole process group), and starts again on the same data, keeping it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-3917}
url="http://127.0.0.1:$port"
out=$(mktemp)

start() {
  env -u DATABASE_URL PORT="$port" setsid npm start >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fsS "$url/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$out"; echo "smoke: npm start exited early"; exit 1; }
    sleep 0.5
  done
  cat "$out"; echo "smoke: no /health after 120 s"; exit 1
}

stop() {
  kill -INT -- "-$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "smoke: still running 30 s after SIGINT"; exit 1; fi
  if pgrep -f "$PWD/.data/pg" >/dev/null; then echo "smoke: embedded PostgreSQL left running"; exit 1; fi
}

t0=$(date +%s%N)
start
t1=$(date +%s%N)
curl -fsS "$url/ready" | grep -q '"status":"ready"'
demo=$(curl -fsS "$url/demo/")
grep -q 'Acme Projects' <<<"$demo"
grep -q '/sdk/waymark.js' <<<"$demo"
curl -fsS "$url/sdk/waymark.js" >/dev/null
password=$(node -p 'require("./.data/demo.json").password')
stop
echo "smoke: first start $(( (t1 - t0) / 1000000 )) ms, stopped cleanly on SIGINT"

t0=$(date +%s%N)
start
t1=$(date +%s%N)
test "$(node -p 'require("./.data/demo.json").password')" = "$password"
curl -fsS -X POST "$url/api/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"demo@waymark.local\",\"password\":\"$password\"}" | grep -q '"csrfToken"'
stop
echo "smoke: second start $(( (t1 - t0) / 1000000 )) ms on the same data, demo sign-in still works"
