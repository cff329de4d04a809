#!/usr/bin/env bash
# The messages people read (issue 15): findings grouped by cause and located where the problem
# is, values quoted with a bound, English beside the Chinese, and `gongkai --version`.
set -uo pipefail
gk=$(realpath "${1:?gongkai binary}"); shared=$(realpath "${2:?shared dir}")
source "$(dirname "$0")/lib.sh"

"$gk" --version >"$tmp/out" 2>&1; expect "--version" 0 $?
contains "version printed" "$tmp/out" "^gongkai [0-9][0-9.]*$"

"$gk" rules --lang de >/dev/null 2>"$tmp/err"; expect "rules --lang de" 2 $?
contains "unsupported language in Chinese" "$tmp/err" "不支持的语言“de”"
contains "unsupported language in English" "$tmp/err" "(unsupported language de: use zh or en)"
"$gk" rules --lang >/dev/null 2>"$tmp/err"; expect "rules --lang without a value" 2 $?
contains "missing language in English" "$tmp/err" "needs a language"
"$gk" rules --lang=en >"$tmp/out"; expect "rules --lang=en" 0 $?
contains "English catalogue" "$tmp/out" "^T3-BALANCE	error	[A-Za-z]"

# Seed 004's zeroed 总计 row: one message per rule naming the row, not one per column.
"$gk" check "$shared/seeds/004_4adde12ab8e15d65.txt" >"$tmp/out"
[ "$(grep -c ': error: ' "$tmp/out")" = 2 ]; expect "seed 004: two errors, not six" 0 $?
contains "result total row named" "$tmp/out" "error: T3-RESULT-TOTAL: 表三“（七）总计”行：自然人、商业企业、总计 3 列"
contains "balance names its cause" "$tmp/out" "error: T3-BALANCE: .*原因在“（七）总计”行"

# pingtan-2022: the remark belongs to the text's number (75 = 74 new + 1 carried over).
"$gk" check "$shared/corpus/pingtan-2022.txt" >"$tmp/out"
contains "remark on the text's number" "$tmp/out" "称收到申请 75 件（恰为表三本年新收 74 件加上年结转 1 件），表三本年新收申请为 74 件"

# An incomplete table is located at the table, not at line 1: seed 001 as Markdown, with one
# value of table 4 left out.
"$gk" render --format md "$shared/seeds/001_295a9685f4c126e8.txt" -o "$tmp/full.md"
t4=$(grep -n '^| 1 | 1 | 0 | 0 | 2 |' "$tmp/full.md" | cut -d: -f1)
[ -n "$t4" ]; expect "table 4 row found in the Markdown" 0 $?
sed "${t4}s/^| 1 |/|  |/" "$tmp/full.md" >"$tmp/holes.md"
"$gk" check "$tmp/holes.md" >"$tmp/out"
contains "incomplete table 4 at its line" "$tmp/out" "holes.md:$t4: warning: STRUCT-TABLE-INCOMPLETE: 表四"

# A row with thousands of values: the message quotes the first few only.
awk '/^\| 规章 \|/ { for (i = 0; i < 20000; i++) $0 = $0 " 1 |" } { print }' "$tmp/full.md" >"$tmp/wide.md"
"$gk" check "$tmp/wide.md" >"$tmp/out" 2>&1
contains "wide row reported" "$tmp/out" "STRUCT-ROW-CELLS: 表二该行有 20003 个数值.*…（共 20003 个）"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$tmp/out")
[ "$longest" -lt 1000 ]; expect "no message longer than 1000 characters (longest $longest)" 0 $?

exit $fail
