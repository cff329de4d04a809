#!/bin/bash
# Web benchmark: wrk on loopback against a 专栏 page, a report page and a status query served
# by `gongkai serve`, side by side with nginx (Debian) serving the same bytes as static files in
# the same run. Prints req/s and p50/p99 latency, and the ratio to nginx.
# Usage: bench/web_bench.sh GONGKAI_BINARY [SECONDS] [CONNECTIONS] [THREADS]
# Goal (issue 11): at least half of nginx's throughput, p99 < 20 ms.
set -euo pipefail
gongkai=$1
seconds=${2:-5}
connections=${3:-32}
threads=${4:-2}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$gongkai" demo --db "$work/demo.db" --year 2025 --per-agency 25 >/dev/null
port=$(free_port)
"$gongkai" serve --db "$work/demo.db" --listen "127.0.0.1:$port" --threads "$threads" \
  --today 2026-03-02 --no-access-log --lookups-per-minute 100000000 >"$work/serve.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q http "$work/serve.out" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
code=$(curl -sf -H 'Content-Type: application/json' -d '{"agency_id":3,"name":"压测","kind":"natural",
  "id_type":"居民身份证","id_number":"150102","phone":"138","content":"部门预算","form":"paper_post"}' \
  "$base/api/v1/applications" | python3 -c 'import json,sys; print(json.load(sys.stdin)["query_code"])')

# The same bytes as static files for nginx.
mkdir -p "$work/www" "$work/nginx"
declare -A paths=([column]="/agencies/3" [report]="/agencies/3/reports/2025"
                  [status]="/api/v1/applications/$code")
for name in column report status; do curl -sf "$base${paths[$name]}" >"$work/www/$name"; done
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $threads;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type text/html;
  }
}
CONF
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>/dev/null &
pids+=($!)
sleep 0.5

source "$(dirname "$0")/wrk_measure.sh"
measure() { wrk_measure "$1" "$connections" "$seconds"; }

echo "wrk: ${seconds} s, ${connections} connections, 1 wrk thread; gongkai serve and nginx: ${threads} threads/workers"
printf "%-8s %-34s %10s %9s %9s   %10s %9s %9s   %7s\n" page path "gongkai/s" "p50 ms" "p99 ms" "nginx/s" "p50 ms" "p99 ms" ratio
status=0
for name in column report status; do
  read -r g_rps g_p50 g_p99 g_bad < <(measure "$base${paths[$name]}")
  read -r n_rps n_p50 n_p99 _ < <(measure "http://127.0.0.1:$nginx_port/$name")
  ratio=$(awk -v a="$g_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  shown=${paths[$name]}; [ "$name" = status ] && shown="/api/v1/applications/{code}"
  printf "%-8s %-34s %10s %9s %9s   %10s %9s %9s   %7s\n" "$name" "$shown" "$g_rps" "$g_p50" "$g_p99" \
    "$n_rps" "$n_p50" "$n_p99" "$ratio"
  if [ "$g_bad" != 0 ]; then echo "  $name: $g_bad responses were not 2xx"; status=1; fi
done
echo "goal: ratio >= 0.50 and gongkai p99 < 20 ms"
exit $status
