#!/usr/bin/env bash
# The hostile-input corpus of issue 8: every case is checked by `gongkai check` under a time limit;
# it must end with exit 1 or 2 (never a signal, an abort or a hang) within MAX_RSS_MB of peak RSS.
# Prints one line per case: name, exit status, peak RSS, seconds.
# With MAX_PARALLEL_RATIO, also asserts that checking a directory of two large files peaks at most
# that many times one file's peak (the batch bounds the bytes in flight, whatever the threads).
# Usage: run.sh GONGKAI SHARED_DIR [MAX_RSS_MB] [SECONDS] [MAX_PARALLEL_RATIO]
set -uo pipefail
gk=$(realpath "${1:?gongkai binary}"); shared=$(realpath "${2:?shared dir}")
max_rss_mb=${3:-1024}; limit_s=${4:-20}; max_parallel_ratio=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
python3 "$here/generate.py" "$tmp/gen" "$shared/seeds" || { echo "FAIL: generate.py"; exit 1; }
# ASan reports a leak or an error with its own exit status; a signal gives 128+N.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:allocator_may_return_null=1
printf '%-28s %5s %9s %7s\n' case exit rss_mb seconds

run_case() {  # run_case NAME ARGS...
  local name=$1; shift
  local start end rc
  start=$(date +%s.%N)
  timeout -s KILL "$limit_s" /usr/bin/time -f %M -o "$tmp/rss" "$gk" check "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  end=$(date +%s.%N)
  rss=$(( $(tail -n 1 "$tmp/rss" 2>/dev/null | grep -E '^[0-9]+$' || echo 0) / 1024 ))
  printf '%-28s %5s %9s %7.1f\n' "$name" "$rc" "$rss" "$(echo "$end - $start" | bc)"
  if [ "$rc" != 1 ] && [ "$rc" != 2 ]; then
    echo "FAIL: $name: exit $rc (wanted 1 or 2; 137 = killed after ${limit_s}s)"; sed -n 1,5p "$tmp/err"; fail=1
  fi
  if [ "$rss" -gt "$max_rss_mb" ]; then echo "FAIL: $name: peak RSS ${rss} MB > ${max_rss_mb} MB"; fail=1; fi
  if grep -q $'\e' "$tmp/out" "$tmp/err"; then echo "FAIL: $name: an escape sequence reached the terminal"; fail=1; fi
  if grep -qiE 'libxml|parser error|nlohmann|terminate called|std::' "$tmp/err" "$tmp/out"; then
    echo "FAIL: $name: an internal message reached the user"; sed -n 1,5p "$tmp/err"; fail=1
  fi
}

for f in "$here"/cases/*; do run_case "$(basename "$f")" "$f"; done
for f in "$tmp"/gen/*; do
  [ -d "$f" ] && continue
  run_case "$(basename "$f")" "$f"
done
run_case "/dev/zero" /dev/zero
run_case "mixed-directory" "$tmp/gen/mixed"
contains "mixed: bad JSON named" "$tmp/out" "bad.json: error: READ: .*/sections/0/present"
contains "mixed: year named" "$tmp/out" "year.json: error: READ: .*/year"
contains "mixed: good reports checked" "$tmp/out" "共检查 2 份报告：.*另有 3 个文件不是报告"

# Two large files in one directory: the peak must not double with two threads. (Not under ASan,
# whose allocator keeps freed memory in quarantine: MAX_PARALLEL_RATIO is then not given.)
if [ -n "$max_parallel_ratio" ]; then
  mkdir -p "$tmp/two"
  cp "$tmp/gen/large/report.txt" "$tmp/two/a.txt"; cp "$tmp/gen/large/report.txt" "$tmp/two/b.txt"
  run_case "one large file" "$tmp/two/a.txt"; one_rss=$rss
  run_case "two large files" "$tmp/two"; two_rss=$rss
  if [ "$(echo "$two_rss > $one_rss * $max_parallel_ratio" | bc)" = 1 ]; then
    echo "FAIL: two large files peak at ${two_rss} MB, one at ${one_rss} MB (limit ${max_parallel_ratio}x)"; fail=1
  else
    echo "ok: two large files peak at ${two_rss} MB, one at ${one_rss} MB"
  fi
fi
exit $fail
