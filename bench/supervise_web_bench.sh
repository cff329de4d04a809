#!/bin/bash
# Web benchmark of the supervisor's tree (issue 13): /supervise for 4,589 agencies with five years
# of reports (the database of supervise_bench --db), wrk on loopback with a supervisor's session;
# baseline: /staff, the smallest page behind the same session check (RequireActor), of the same
# server in the same run. Goal: p99 < 100 ms.
# Usage: bench/supervise_web_bench.sh GONGKAI_BINARY SUPERVISE_BENCH_BINARY SHARED_DIR [SECONDS] [CONNECTIONS]
set -euo pipefail
gongkai=$1
bench=$2
shared=$3
seconds=${4:-5}
connections=${5:-8}
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$bench" "$shared" --db "$work/s.db" >/dev/null
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

run() {  # prints "req/s p50 p99"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$1" | awk '
    /^Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    END { print rps, p50, p99 }'
}
echo "wrk: ${seconds} s, ${connections} connections, 1 wrk thread; gongkai serve: 2 threads"
read -r t_rps t_p50 t_p99 < <(run "$base/supervise?year=2025")
read -r h_rps h_p50 h_p99 < <(run "$base/staff")
size=$(curl -sf -H "Cookie: $cookie" "$base/supervise?year=2025" | wc -c)
echo "tree of 4589 agencies, first page of $rows rows ($((size / 1024)) KB): $t_rps req/s, p50 $t_p50, p99 $t_p99 (goal < 100 ms)"
echo "baseline /staff (session check only): $h_rps req/s, p50 $h_p50, p99 $h_p99"
