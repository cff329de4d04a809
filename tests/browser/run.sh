#!/bin/bash
# Runs the browser tests: a demo ledger, `gongkai serve` on a free port, then public_site.mjs in
# headless Chromium, then staff_login.mjs. Usage: tests/browser/run.sh GONGKAI_BINARY ARTEFACT_DIR
# Installs playwright-core from the committed package-lock.json on first use (npm ci).
set -euo pipefail
gongkai=$1
artefacts=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
"$gongkai" demo --db "$work/demo.db" --year 2025 --per-agency 25 >/dev/null
start_server "$gongkai" "$artefacts/access.log" --db "$work/demo.db" --today 2026-03-02
node "$here/public_site.mjs" "$url" "$artefacts"
node "$here/staff_login.mjs" "$url" "$artefacts"
node "$here/staff_cases.mjs" "$url" "$artefacts"
# Graceful stop: SIGTERM, then the server says it stopped.
kill -TERM "$server"
wait "$server"
server=
grep -q '已停止' "$work/serve.out"
echo "ok - gongkai serve stops on SIGTERM"
