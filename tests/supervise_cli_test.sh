#!/bin/bash
# End-to-end test of `gongkai supervise` on the shared seeds: upload, the tree, assignment,
# reminders (CSV and DOCX notices), the roll-up, and scope (another supervisor sees nothing).
# Usage: supervise_cli_test.sh GONGKAI SHARED_DIR
set -u
G="$1"; SHARED="$2"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
DB="$T/s.db"
fail() { echo "FAIL: $*"; exit 1; }

"$G" agency add --db "$DB" --kind region --name 内蒙古自治区 >/dev/null || fail "agency add"
"$G" agency add --db "$DB" --kind department --name 满洲里市人民政府办公室 --parent 1 >/dev/null
"$G" agency add --db "$DB" --kind department --name 通辽市民族事务委员会 --parent 1 >/dev/null
"$G" agency add --db "$DB" --kind county --name 鄂托克前旗 --parent 1 >/dev/null
"$G" agency add --db "$DB" --kind region --name 福建省 >/dev/null  # id 5

out=$("$G" supervise upload --db "$DB" --agency 1 --file "$SHARED/seeds" --filed 2022-01-20) \
  || fail "upload: $out"
grep -q "满洲里市人民政府办公室 2021 年度（exact）报告 5：错误 2" <<<"$out" || fail "seed 004: $out"
grep -q "共保存 5 份报告，其中 2 份待指定机关" <<<"$out" || fail "summary: $out"

tree=$("$G" supervise tree --db "$DB" --agency 1 --year 2021) || fail "tree"
grep -q "满洲里市人民政府办公室  已提交有错误（2）  2022-01-20" <<<"$tree" || fail "tree: $tree"
grep -q "鄂托克前旗  未提交" <<<"$tree" || fail "not filed: $tree"
grep -q "\[未提交 2 · 有错误 1 · 有警告 0 · 通过 1\]" <<<"$tree" || fail "counts: $tree"

# Seed 000 names an agency that is not in the store: it waits for assignment.
waiting=$("$G" supervise assign --db "$DB" --agency 1) || fail "list unassigned"
grep -q "^1	.*内蒙古自治区民族事务委员会	2022" <<<"$waiting" || fail "unassigned: $waiting"
"$G" supervise assign --db "$DB" --agency 1 --submission 1 --to 5 >/dev/null 2>&1 \
  && fail "assigned to another supervisor's agency"
"$G" supervise assign --db "$DB" --agency 1 --submission 1 --to 4 --actor user:wang >/dev/null \
  || fail "assign"
"$G" supervise tree --db "$DB" --agency 1 --year 2022 | grep -q "鄂托克前旗  " || fail "tree 2022"

csv=$("$G" supervise reminders --db "$DB" --agency 1 --year 2021) || fail "reminders"
[[ "$csv" == $'\xEF\xBB\xBF机关编号,'* ]] || fail "no BOM: $csv"
grep -q "^2,满洲里市人民政府办公室,内蒙古自治区,2021,已提交有错误,2," <<<"$csv" || fail "csv: $csv"
"$G" supervise reminders --db "$DB" --agency 1 --year 2021 --notices "$T/n" --today 2022-02-10 >/dev/null \
  || fail "notices"
[[ $(head -c 2 "$T/n/督办通知-2.docx") == PK ]] || fail "no DOCX notice"

"$G" supervise rollup --db "$DB" --agency 1 --year 2021 | grep -q '"name": "鄂托克前旗"' \
  || fail "rollup lists the missing"
# Another supervisor sees none of it.
"$G" supervise tree --db "$DB" --agency 5 --year 2021 | grep -q 满洲里 && fail "scope leak"
"$G" supervise upload --db "$DB" --agency 1 >/dev/null 2>&1; [[ $? == 2 ]] || fail "usage exit"
echo OK
