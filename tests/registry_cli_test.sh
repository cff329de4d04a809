#!/bin/bash
# End-to-end test of the registry commands: gongkai documents (and, as they come, registry,
# cases). Usage: registry_cli_test.sh path/to/gongkai
set -uo pipefail
G="$1"
. "$(dirname "$0")/lib.sh"
DB="$tmp/ledger.db"
out="$tmp/out"
err="$tmp/err"

"$G" agency add --db "$DB" --name 某旗人民政府 --kind county >/dev/null
"$G" agency add --db "$DB" --name 某旗教育局 --parent 1 >/dev/null

# documents
"$G" documents --help >"$out"; expect documents-help 0 $?
contains documents-help-mode "$out" "依申请公开"
printf '各苏木镇：\n现将方案印发给你们。\n' >"$tmp/body.txt"
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-001 --title 关于印发方案的通知 \
  --category 政策文件 --publisher 旗政府办 --created 2025-03-01 --published 2025-03-05 \
  --body-file "$tmp/body.txt" --actor 王科员 >"$out"
expect documents-add 0 $?
contains documents-add-id "$out" "^1$"
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-002 --title 人事任免 \
  --category 人事信息 --publisher 旗政府办 --created 2025-04-01 >/dev/null
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-002 --title 重复 \
  --category 人事信息 --publisher 旗政府办 --created 2025-04-01 2>"$err" >/dev/null
expect documents-duplicate-index 1 $?
contains documents-duplicate-index-msg "$err" "索引号 1115-2025-002"
"$G" documents add --db "$DB" --agency 1 --index x --title y --category z --publisher p \
  --created 2025-13-01 2>"$err" >/dev/null
expect documents-bad-date 2 $?
"$G" documents add --db "$DB" --agency 1 --index x --title y --category z --publisher p \
  --created 2025-01-01 --mode 公开 2>"$err" >/dev/null
expect documents-bad-mode 2 $?
contains documents-bad-mode-msg "$err" "公开方式"
"$G" documents add --db "$DB" --agency 1 --index x --title "$(printf 'a\x1b[2Jb')" \
  --category z --publisher p --created 2025-01-01 2>"$err" >/dev/null
expect documents-control-chars 1 $?
contains documents-control-chars-msg "$err" "名称"
"$G" documents list --db "$DB" --agency 1 --page-size 1 >"$out"; expect documents-list 0 $?
contains documents-list-total "$out" "共 2 件"
contains documents-list-newest "$out" "人事任免"
"$G" documents list --db "$DB" --agency 1 --page 2 --page-size 1 >"$out"
contains documents-list-page2 "$out" "关于印发方案的通知"
"$G" documents show --db "$DB" --id 1 >"$out"; expect documents-show 0 $?
contains documents-show-body "$out" "现将方案印发给你们"
contains documents-show-published "$out" "公开日期：2025-03-05"
"$G" documents count --db "$DB" --agency 1 --year 2025 >"$out"; expect documents-count 0 $?
contains documents-count-total "$out" "合计	2"

# registry: rules and normative documents, with their lifecycle; actions per year
"$G" registry --help >"$out"; expect registry-help 0 $?
"$G" registry normative add --db "$DB" --agency 1 --title 某某管理办法 --number 某政发〔2024〕3号 \
  --made 2024-05-01 >"$out"; expect normative-add 0 $?
contains normative-add-id "$out" "^1$"
"$G" registry normative add --db "$DB" --agency 1 --title 新办法 --made 2025-06-01 >/dev/null
"$G" registry rules add --db "$DB" --agency 1 --title 某某规定 --made 2025-02-01 >/dev/null
"$G" registry normative amend --db "$DB" --id 1 --date 2025-03-01 --note 修改第五条 >"$out"
expect normative-amend 0 $?
"$G" registry normative repeal --db "$DB" --id 1 --date 2025-02-01 2>"$err" >/dev/null
expect normative-repeal-before-amendment 1 $?
"$G" registry normative repeal --db "$DB" --id 1 --date 2025-11-30 >/dev/null
expect normative-repeal 0 $?
"$G" registry normative repeal --db "$DB" --id 1 --date 2025-12-01 2>"$err" >/dev/null
expect normative-repeal-twice 1 $?
contains normative-repeal-twice-msg "$err" "已于 2025-11-30 废止"
"$G" registry normative list --db "$DB" --agency 1 --year 2025 >"$out"
contains normative-list-abolished "$out" "已废止"
contains normative-list-in-force "$out" "现行有效"
"$G" registry actions set --db "$DB" --agency 1 --year 2025 --licensing 120 --penalty 30 \
  --coercion 2 --fees 3.25 --source 政务服务平台导出 --actor 王 >"$out"
expect actions-set 0 $?
"$G" registry actions set --db "$DB" --agency 1 --year 2025 --licensing 120 --penalty 30 \
  --coercion 2 --fees 3.25 2>"$err" >/dev/null
expect actions-set-no-source 2 $?
"$G" registry actions set --db "$DB" --agency 1 --year 2025 --licensing -1 --penalty 30 \
  --coercion 2 --fees 1 --source x 2>"$err" >/dev/null
expect actions-set-negative 1 $?
"$G" registry actions show --db "$DB" --agency 1 --year 2025 >"$out"
contains actions-show "$out" "政务服务平台导出"

# cases
"$G" cases add --db "$DB" --agency 1 --kind review --filed 2024-12-01 --number 某复〔2024〕1号 >"$out"
expect cases-add 0 $?
"$G" cases add --db "$DB" --agency 1 --kind suit_after_review --review 1 --filed 2025-03-01 >/dev/null
"$G" cases add --db "$DB" --agency 1 --kind suit_direct --filed 2025-03-01 --decided 2025-08-01 \
  --result 纠正 >/dev/null
expect cases-add-decided 0 $?
"$G" cases decide --db "$DB" --id 1 --date 2025-01-20 --result upheld >"$out"
expect cases-decide 0 $?
"$G" cases decide --db "$DB" --id 1 --date 2025-01-21 --result other 2>"$err" >/dev/null
expect cases-decide-twice 1 $?
"$G" cases add --db "$DB" --agency 1 --kind appeal --filed 2025-01-01 2>"$err" >/dev/null
expect cases-bad-kind 2 $?
"$G" cases list --db "$DB" --year 2024 >"$out"
contains cases-2024-pending "$out" "尚未审结"
"$G" cases list --db "$DB" --year 2025 >"$out"
contains cases-2025-upheld "$out" "结果维持"
contains cases-2025-corrected "$out" "结果纠正"

# The report's tables 2 and 4 come from these records.
"$G" report generate --db "$DB" --agency 1 --year 2025 --format json >"$tmp/report.json"
expect report 0 $?
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' \
  "$tmp/report.json" >"$out"
contains report-t2-normative "$out" '"normative_docs": \[1, 1, 1\]'
contains report-t2-rules "$out" '"rules": \[1, 0, 1\]'
contains report-t2-licensing "$out" '"licensing": 120'
contains report-t4-review "$out" '"review": \[1, 0, 0, 0, 1\]'
contains report-t4-suit-after "$out" '"suit_after_review": \[0, 0, 0, 1, 1\]'

exit $fail
