#!/bin/bash
# End-to-end test of the ledger commands: gongkai deadline, calendar, agency, applicant,
# requests, report generate, demo. Usage: ledger_cli_test.sh path/to/gongkai
set -u
G="$1"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
DB="$T/ledger.db"
fails=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL $1: expected [$2], got [$3]"; fails=$((fails + 1)); fi
}
contains() {  # contains NAME NEEDLE HAYSTACK
  case "$3" in *"$2"*) ;; *) echo "FAIL $1: [$2] not in [$3]"; fails=$((fails + 1)) ;; esac
}

# Calendar: the 2025 National Day block (Oct 1-8 off, Sat Oct 11 worked).
check deadline "2025-10-11" "$("$G" deadline --from 2025-09-30 --working-days 3)"
check deadline-zero "2025-09-30" "$("$G" deadline --from 2025-09-30 --working-days 0)"
"$G" deadline --from 2026-12-30 --working-days 5 >/dev/null 2>"$T/err"
check deadline-unknown-year-exit 1 $?
contains deadline-unknown-year "2027" "$(cat "$T/err")"
"$G" deadline --from 2025-02-30 --working-days 5 >/dev/null 2>&1
check deadline-bad-date 2 $?
check calendar-2025-off 18 "$("$G" calendar 2025 | grep -c '^off')"
check calendar-2025-work 5 "$("$G" calendar 2025 | grep -c '^work')"

# Every ledger command has --help.
for c in "deadline" "calendar" "agency" "applicant" "requests" "report" "demo"; do
  "$G" $c --help >/dev/null || { echo "FAIL $c --help"; fails=$((fails + 1)); }
done

check agency-1 1 "$("$G" agency add --db "$DB" --name 某市人民政府 --kind city)"
check agency-2 2 "$("$G" agency add --db "$DB" --name 某市教育局 --parent 1)"
check applicant 1 "$("$G" applicant add --db "$DB" --kind natural --name 张三 --phone 13812345678 --id-number 150102199001011234)"
check register 1 "$("$G" requests register --db "$DB" --agency 2 --applicant 1 --channel online --confirmed 2025-09-30 --content 学校名单 --actor 王)"
"$G" requests register --db "$DB" --agency 2 --applicant 1 --channel letter_signed --submitted 2025-09-30 --content x --actor 王 >/dev/null 2>"$T/err"
check register-no-receipt-date 1 $?
contains register-art31 "第三十一条" "$(cat "$T/err")"
"$G" requests extend --db "$DB" --id 1 --date 2025-10-20 --days 25 --approver 赵 --actor 王 >/dev/null 2>"$T/err"
check extend-25-refused 1 $?
contains extend-25-rule "20个工作日" "$(cat "$T/err")"
out="$("$G" requests extend --db "$DB" --id 1 --date 2025-10-20 --days 20 --approver 赵 --actor 王)"
contains extend-due "答复期限 2025-12-02" "$out"
"$G" requests extend --db "$DB" --id 1 --date 2025-10-21 --days 5 --approver 赵 --actor 王 >/dev/null 2>"$T/err"
contains second-extension "只能延长一次" "$(cat "$T/err")"
"$G" requests reply --db "$DB" --id 1 --date 2025-11-01 --outcome granted --outcome partial --basis 依据 --letter 正文 --actor 王 >/dev/null 2>"$T/err"
contains two-outcomes "有且只有一个" "$(cat "$T/err")"
contains due-list "1	办理中" "$("$G" requests due --db "$DB" --today 2025-11-28 --days 5)"
out="$("$G" requests reply --db "$DB" --id 1 --date 2025-11-01 --outcome partial --basis 第三十七条 --letter 正文 --actor 王)"
contains reply "结果 部分公开 2025-11-01" "$out"
check due-empty "" "$("$G" requests due --db "$DB" --today 2025-11-28 --days 5)"
"$G" report generate --db "$DB" --agency 1 --year 2025 --rollup >"$T/report.json" 2>"$T/err"
check report-exit 0 $?
check report-no-findings "" "$(cat "$T/err")"
contains report-partial '"partial"' "$(cat "$T/report.json")"
# Personal data stay in applicant_private only.
if command -v sqlite3 >/dev/null; then
  check personal-data-in-audit 0 "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE after_json LIKE '%13812345678%' OR after_json LIKE '%150102199001011234%'")"
  sqlite3 "$DB" "DELETE FROM audit_log" >/dev/null 2>&1 && { echo "FAIL audit log deletable"; fails=$((fails + 1)); }
  check audit-kept 0 "$(sqlite3 "$DB" "SELECT count(*) = 0 FROM audit_log")"
fi
if grep -q 13812345678 "$T/report.json"; then echo "FAIL personal data in report"; fails=$((fails + 1)); fi

# The demo fills an empty database and every report passes.
"$G" demo --db "$T/demo.db" --per-agency 30 >"$T/demo.out" 2>&1
check demo-exit 0 $?
check demo-agencies 10 "$(grep -c '通过 (ok)' "$T/demo.out")"
"$G" demo --db "$T/demo.db" >/dev/null 2>&1
check demo-refuses-non-empty 1 $?

if [ "$fails" -ne 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "ledger_cli_test: all passed"
