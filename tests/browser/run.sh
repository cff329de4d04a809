#!/bin/bash
# Runs the browser tests: a demo ledger, `gongkai serve` on a free port, then public_site.mjs in
# headless Chromium, then staff_login.mjs. Usage: tests/browser/run.sh GONGKAI_BINARY ARTEFACT_DIR
# Installs playwright-core from the committed package-lock.json on first use (npm ci).
set -euo pipefail
gongkai=$1
artefacts=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artefacts"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
"$gongkai" demo --db "$work/demo.db" --year 2025 --per-agency 25 >/dev/null
"$gongkai" serve --db "$work/demo.db" --listen 127.0.0.1:0 --today 2026-03-02 \
  >"$work/serve.out" 2>"$artefacts/access.log" &
server=$!
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { echo "gongkai serve did not start"; cat "$artefacts/access.log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "gongkai serve did not print its URL"; exit 1; }
node "$here/public_site.mjs" "$url" "$artefacts"
node "$here/staff_login.mjs" "$url" "$artefacts"
# Graceful stop: SIGTERM, then the server says it stopped.
kill -TERM "$server"
wait "$server"
server=
grep -q '已停止' "$work/serve.out"
echo "ok - gongkai serve stops on SIGTERM"
