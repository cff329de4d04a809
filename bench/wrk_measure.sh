# Sourced by the web benchmarks. wrk_measure URL CONNECTIONS SECONDS [WRK_ARG...]: wrk with one
# thread and latency statistics against URL (the further arguments, such as -H "Cookie: …", passed
# on to wrk); prints "req/s p50_ms p99_ms non2xx".
wrk_measure() {
  local url=$1 connections=$2 seconds=$3
  shift 3
  wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" "$url" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "%.0f %.2f %.2f %s\n", rps, ms(p50), ms(p99), bad + 0 }'
}
