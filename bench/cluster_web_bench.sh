#!/bin/bash
# Scale-out benchmark (issue 14): wrk through nginx against two `gongkai serve` on one
# PostgreSQL database (scripts/cluster-up), then the same nginx reloaded with one of the two
# servers (the baseline: same nginx, same database, same run). Prints req/s and p50/p99 of a
# 专栏 page (page cache), a report page and a status look-up (a database read), and the ratio
# two servers / one. On a machine with few cores the servers, nginx, PostgreSQL and wrk share
# them, so the ratio says what a second server adds on this machine, not on two.
# Usage: bench/cluster_web_bench.sh GONGKAI_BINARY [SECONDS] [CONNECTIONS]
set -euo pipefail
gongkai=$1
seconds=${2:-5}
connections=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cleanup() { "$here/../scripts/cluster-down" "$work/cluster" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

"$here/../scripts/cluster-up" "$work/cluster" --gongkai "$gongkai" --per-agency 25 --durable \
  -- --no-access-log --lookups-per-minute 100000000 >"$work/up.log" 2>&1 || { cat "$work/up.log"; exit 1; }
c=$work/cluster
base=$(cat "$c/url")
code=$(curl -sf -H 'Content-Type: application/json' -d '{"agency_id":3,"name":"压测","kind":"natural",
  "id_type":"居民身份证","id_number":"150102","phone":"138","content":"部门预算","form":"paper_post"}' \
  "$base/api/v1/applications" | python3 -c 'import json,sys; print(json.load(sys.stdin)["query_code"])')
declare -A paths=([column]="/agencies/3" [report]="/agencies/3/reports/2025"
                  [status]="/api/v1/applications/$code")

source "$here/wrk_measure.sh"
measure() { wrk_measure "$1" "$connections" "$seconds"; }
declare -A two
for name in column report status; do two[$name]=$(measure "$base${paths[$name]}"); done

# The same nginx with the first server only.
first=$(sed -n 1p "$c/servers" | sed 's|^http://||')
python3 - "$c/nginx.conf" "$first" <<'PY'
import re, sys
path, keep = sys.argv[1:]
text = open(path).read()
text = re.sub(r"    server (?!%s )\S+ [^\n]*\n" % re.escape(keep), "", text)
open(path, "w").write(text)
PY
/usr/sbin/nginx -p "$c" -c "$c/nginx.conf" -s reload
sleep 1
status=0
echo "wrk: ${seconds} s, ${connections} connections, 1 wrk thread; each gongkai serve 2 threads; nginx 1 worker; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-8s %-30s %10s %8s %8s   %10s %8s %8s   %7s\n" page path "2 srv/s" "p50 ms" "p99 ms" "1 srv/s" "p50 ms" "p99 ms" ratio
for name in column report status; do
  read -r t_rps t_p50 t_p99 t_bad <<<"${two[$name]}"
  read -r o_rps o_p50 o_p99 o_bad < <(measure "$base${paths[$name]}")
  ratio=$(awk -v a="$t_rps" -v b="$o_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  shown=${paths[$name]}; [ "$name" = status ] && shown="/api/v1/applications/{code}"
  printf "%-8s %-30s %10s %8s %8s   %10s %8s %8s   %7s\n" "$name" "$shown" "$t_rps" "$t_p50" "$t_p99" \
    "$o_rps" "$o_p50" "$o_p99" "$ratio"
  if [ "$t_bad" != 0 ] || [ "$o_bad" != 0 ]; then echo "  $name: responses that were not 2xx"; status=1; fi
done
echo "ratio: two servers / one server behind the same nginx on the same database"
exit $status
