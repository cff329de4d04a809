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

exit $fail
