#!/bin/bash
# Web benchmark of the supervisor's tree (issue 13): /supervise for 4,589 agencies with five years
# of reports (the database of supervise_bench --db), wrk on loopback with a supervisor's session;
# baseline: /staff, the smallest page behind the same session check (RequireActor), of the same
# server in the same run. Goal: p99 < 100 ms, at 2 and at 8 connections (2 server threads).
# Then an upload of 1,000 reports in one ZIP through POST /supervise/upload (import, validate,
# match, store durably, the result page) against `gongkai check` of the same ZIP (the importers
# and the validator alone), in the same run: the goal is the importer's own speed (ratio near 1).
# Usage: bench/supervise_web_bench.sh GONGKAI_BINARY SUPERVISE_BENCH_BINARY SHARED_DIR [SECONDS]
set -euo pipefail
gongkai=$1
bench=$2
shared=$3
seconds=${4:-5}
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$bench" "$shared" --db "$work/s.db" --zip "$work/bundle.zip" >/dev/null
echo 'Gongkai-bench-2026' | "$gongkai" user add --db "$work/s.db" --login bench-super --role supervisor --agency 1 >/dev/null
port=$(free_port)
"$gongkai" serve --db "$work/s.db" --listen "127.0.0.1:$port" --threads 2 --today 2026-02-10 \
  --no-access-log >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 600); do grep -q http "$work/serve.out" && break; sleep 0.1; done
grep -q http "$work/serve.out" || { echo "gongkai serve did not start"; cat "$work/serve.out"; exit 1; }
base="http://127.0.0.1:$port"
csrf=$(curl -sf -c "$work/jar" "$base/staff/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "csrf=$csrf" \
  --data-urlencode login=bench-super --data-urlencode password=Gongkai-bench-2026 \
  --data-urlencode next=/supervise "$base/staff/login"
cookie=$(awk '$6 ~ /^gk_/ { printf "%s=%s; ", $6, $7 }' "$work/jar")
page=$(curl -sf -H "Cookie: $cookie" "$base/supervise?year=2025")
grep -q '共 4589 个机关' <<<"$page" || { echo "the tree page does not count 4,589 agencies"; exit 1; }
rows=$(grep -c 'data-agency=' <<<"$page" || true)

source "$(dirname "$0")/wrk_measure.sh"
run() {  # URL CONNECTIONS: prints "req/s p50_ms p99_ms non2xx" with the supervisor's session
  wrk_measure "$1" "$2" "$seconds" -H "Cookie: $cookie"
}
echo "wrk: ${seconds} s, 1 wrk thread; gongkai serve: 2 threads"
size=$(curl -sf -H "Cookie: $cookie" "$base/supervise?year=2025" | wc -c)
echo "tree of 4589 agencies, first page of $rows rows ($((size / 1024)) KB), goal p99 < 100 ms:"
for c in 2 8; do
  read -r t_rps t_p50 t_p99 t_bad < <(run "$base/supervise?year=2025" "$c")
  echo "  $c connections: $t_rps req/s, p50 $t_p50 ms, p99 $t_p99 ms, non-2xx $t_bad"
done
read -r h_rps h_p50 h_p99 h_bad < <(run "$base/staff" 8)
echo "baseline /staff (session check only), 8 connections: $h_rps req/s, p50 $h_p50 ms, p99 $h_p99 ms, non-2xx $h_bad"

# The upload against the check of the same ZIP, each three times, the fastest counting (the
# machine may be shared); every upload stores another 1,000 versions.
now_ms() { date +%s%3N; }
reports=$(unzip -l "$work/bundle.zip" | tail -1 | awk '{ print $2 }')
check_ms= upload_ms=
for _ in 1 2 3; do
  t0=$(now_ms)
  "$gongkai" check --summary csv "$work/bundle.zip" >"$work/check.csv" || [ $? -eq 1 ]
  t1=$(now_ms)
  checked=$(($(wc -l <"$work/check.csv") - 1))
  [ "$checked" -eq "$reports" ] || { echo "gongkai check read $checked of $reports reports"; exit 1; }
  [ -z "$check_ms" ] || [ $((t1 - t0)) -lt "$check_ms" ] && check_ms=$((t1 - t0))
done
for _ in 1 2 3; do
  csrf=$(curl -sf -b "$work/jar" -c "$work/jar" "$base/supervise/upload" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  t0=$(now_ms)
  # No "Expect: 100-continue" (curl sends it for large bodies and then waits a second for an
  # interim answer; browsers never send it).
  code=$(curl -s -H 'Expect:' -o "$work/upload.html" -w '%{http_code}' -b "$work/jar" -F "csrf=$csrf" \
    -F filed=2026-01-20 -F "reports=@$work/bundle.zip;type=application/zip" "$base/supervise/upload")
  t1=$(now_ms)
  [ "$code" = 200 ] || { echo "upload answered $code"; head -c 2000 "$work/upload.html"; exit 1; }
  stored=$(grep -o '<tr><th scope="row">' "$work/upload.html" | wc -l)
  [ "$stored" -eq "$reports" ] || { echo "the upload page lists $stored of $reports reports"; exit 1; }
  [ -z "$upload_ms" ] || [ $((t1 - t0)) -lt "$upload_ms" ] && upload_ms=$((t1 - t0))
done
awk -v n="$reports" -v kb=$(($(stat -c %s "$work/bundle.zip") / 1024)) -v c="$check_ms" -v u="$upload_ms" \
  'BEGIN { printf "upload of %d reports in a ZIP (%d KB) through the web: %d ms; gongkai check of the same ZIP: %d ms; ratio %.2fx (fastest of 3 each; goal near 1)\n", n, kb, u, c, u / c }'
