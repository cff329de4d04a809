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
  --body-file "$tmp/body.txt" --actor 王科员 --drafter 张拟稿 --reviewer 李审核 --approver 赵签发 --review-date 2025-03-04 --secrecy-checked >"$out"
expect documents-add 0 $?
contains documents-add-id "$out" "^1$"
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-002 --title 人事任免 \
  --category 人事信息 --publisher 旗政府办 --created 2025-04-01 --drafter 张拟稿 --reviewer 李审核 --approver 赵签发 --review-date 2025-03-04 --secrecy-checked >/dev/null
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-002 --title 重复 \
  --category 人事信息 --publisher 旗政府办 --created 2025-04-01 --draft 2>"$err" >/dev/null
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
# 三审 and 保密审查 before anything is made public; a draft waits for them.
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-003 --title 未审文件 --category z \
  --publisher p --created 2025-05-01 --drafter 张拟稿 --reviewer 张拟稿 --approver 赵签发 \
  --review-date 2025-05-02 2>"$err" >/dev/null
expect documents-unreviewed 1 $?
contains documents-unreviewed-msg "$err" "未完成三审和保密审查"
contains documents-unreviewed-secrecy "$err" "保密审查"
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-003 --title 待发布文件 --category z \
  --publisher p --created 2025-05-01 --draft >"$out"; expect documents-draft 0 $?
"$G" documents publish --db "$DB" --id 3 --published 2025-05-06 --drafter 张拟稿 2>"$err" >/dev/null
expect documents-publish-unreviewed 1 $?
contains documents-publish-unreviewed-msg "$err" "缺少审核人、签发人、审查日期、保密审查"
"$G" documents list --db "$DB" --agency 1 >"$out"
contains documents-draft-not-listed "$out" "共 2 件"
"$G" documents publish --db "$DB" --id 3 --published 2025-05-06 --drafter 张拟稿 --reviewer 李审核 --approver 赵签发 --review-date 2025-03-04 --secrecy-checked >"$out"
expect documents-publish 0 $?
"$G" documents show --db "$DB" --id 3 >"$out"
contains documents-show-review "$out" "三审：张拟稿 / 李审核 / 赵签发"
"$G" documents add --db "$DB" --agency 1 --index 1115-2025-004 --title 另一待发布 --category z \
  --publisher p --created 2025-05-01 --draft >/dev/null
"$G" documents list --db "$DB" --agency 1 --page-size 1 >"$out"; expect documents-list 0 $?
contains documents-list-total "$out" "共 3 件"
contains documents-list-newest "$out" "待发布文件"
"$G" documents list --db "$DB" --agency 1 --page 3 --page-size 1 >"$out"
contains documents-list-page3 "$out" "关于印发方案的通知"
"$G" documents show --db "$DB" --id 1 >"$out"; expect documents-show 0 $?
contains documents-show-body "$out" "现将方案印发给你们"
contains documents-show-published "$out" "公开日期：2025-03-05"
"$G" documents count --db "$DB" --agency 1 --year 2025 >"$out"; expect documents-count 0 $?
contains documents-count-total "$out" "合计	3"

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

# Plain Chinese for the clerk: requests, applicants, rules.
"$G" applicant add --db "$DB" --kind legal --name 某律师事务所 --phone 0475123 >/dev/null
"$G" requests register --db "$DB" --agency 1 --applicant 1 --channel online --confirmed 2025-03-03 \
  --content 二〇二四年部门决算及三公经费明细 --form 飞鸽传书 --actor 王 2>"$err" >/dev/null
expect requests-form-refused 2 $?
contains requests-form-msg "$err" "其他："
"$G" requests register --db "$DB" --agency 1 --applicant 1 --channel online --confirmed 2025-03-03 \
  --content 二〇二四年部门决算及三公经费明细 --form 纸质、邮寄 --actor 王 >/dev/null
expect requests-register 0 $?
"$G" requests consult --db "$DB" --id 1 --date 2025-03-05 --party third_party --actor 王 >"$out"
contains requests-state-consulting "$out" "征求意见中"
contains requests-applicant-name "$out" "法律服务机构 某律师事务所"
contains requests-content-excerpt "$out" "二〇二四年部门决算"
"$G" requests extend --db "$DB" --id 1 --date 2025-03-04 --days 5 --approver 赵 --actor 王 2>"$err" >/dev/null
contains requests-error-no-step-id "$err" "征求意见"
if grep -q "consultation_start" "$err"; then echo "FAIL: internal step id in error"; fail=1; fi
"$G" requests consult-end --db "$DB" --id 1 --date 2025-03-10 --actor 王 >/dev/null
"$G" requests reply --db "$DB" --id 1 --date 2025-05-20 --outcome partial --basis 《条例》第三十七条 \
  --letter 现将可以公开的部分提供给你。 --actor 李 >"$out"
contains requests-outcome-label "$out" "结果 部分公开"
contains requests-breach-label "$out" "违规 逾期答复"
"$G" requests show --db "$DB" --id 1 >"$out"
contains requests-show-timeline "$out" "办理经过"
contains requests-show-sentence "$out" "王征求意见（第三方，条例第三十二条）"
contains requests-show-letter "$out" "现将可以公开的部分提供给你"
if grep -q '{' "$out"; then echo "FAIL: JSON in requests show"; fail=1; fi
"$G" requests letter --db "$DB" --id 1 >"$out"; expect requests-letter-md 0 $?
contains requests-letter-partial "$out" "部分公开"
contains requests-letter-remedy "$out" "行政复议"
"$G" requests letter --db "$DB" --id 1 --format docx --output "$tmp/letter.docx" >/dev/null
expect requests-letter-docx 0 $?
contains requests-letter-docx-zip "$tmp/letter.docx" "word/document.xml"
"$G" requests letter --db "$DB" --id 1 --format docx 2>"$err" >/dev/null
expect requests-letter-docx-needs-output 2 $?
"$G" requests letter --db "$DB" --id 1 --type 收费通知 2>"$err" >/dev/null
expect requests-letter-fee-without-notice 1 $?
"$G" requests list --db "$DB" --all --year 2025 >"$out"
contains requests-list-all "$out" "共 1 件"
"$G" requests list --db "$DB" --all --year 2024 >"$out"
contains requests-list-other-year "$out" "共 0 件"
"$G" requests reply --help >"$out"
contains requests-reply-help "$out" "denied_state_secret"
contains requests-reply-help-label "$out" "不予公开（属于国家秘密）"
"$G" applicant list --db "$DB" >"$out"
contains applicant-list "$out" "法律服务机构	某律师事务所"
if grep -q 0475123 "$out"; then echo "FAIL: personal data in applicant list"; fail=1; fi
"$G" rules >"$out"
contains rules-breach "$out" "ART33-LATE-REPLY"

# The annual report published: the office's text in the placeholders, validated, stored.
"$G" report publish --db "$DB" --agency 1 --year 2025 --today 2026-01-10 2>"$err" >/dev/null
expect report-publish-missing-text 1 $?
contains report-publish-missing-msg "$err" "尚待本机关填写"
printf '一、总体情况\n本机关认真贯彻落实条例。\n\n五、存在的主要问题及改进情况\n答复逾期，已整改。\n六、其他需要报告的事项\n无。\n' \
  >"$tmp/text.txt"
"$G" report publish --db "$DB" --agency 1 --year 2025 --text "$tmp/text.txt" \
  --today 2025-12-01 2>"$err" >/dev/null
expect report-publish-unfinished-year 1 $?
contains report-publish-unfinished-msg "$err" "年度尚未结束"
"$G" report publish --db "$DB" --agency 1 --year 2025 --today 2026-01-10 --actor 李 >"$out"
expect report-publish 0 $?
contains report-publish-version "$out" "版本 1"
printf '二、主动公开政府信息情况\n改写。\n' >"$tmp/bad.txt"
"$G" report publish --db "$DB" --agency 1 --year 2025 --text "$tmp/bad.txt" \
  --today 2026-01-10 2>"$err" >/dev/null
expect report-publish-generated-section 1 $?
contains report-publish-generated-msg "$err" "由台账生成，不能改写"
printf '前言\n一、总体情况\n' >"$tmp/bad.txt"
"$G" report publish --db "$DB" --agency 1 --year 2025 --text "$tmp/bad.txt" 2>"$err" >/dev/null
expect report-publish-bad-text 1 $?
contains report-publish-bad-text-msg "$err" "bad.txt"

# Next year's calendar: provisional until its file exists, then recomputed and audited.
DATA="$tmp/data"; mkdir -p "$DATA/calendar"
cp "$(dirname "$0")/../data/calendar/"*.txt "$DATA/calendar/"
rm -f "$DATA/calendar/2027.txt"
CDB="$tmp/calendar.db"
GONGKAI_DATA_DIR="$DATA" "$G" agency add --db "$CDB" --name 某旗 --kind county >/dev/null
GONGKAI_DATA_DIR="$DATA" "$G" applicant add --db "$CDB" --kind natural --name 张三 >/dev/null
GONGKAI_DATA_DIR="$DATA" "$G" requests register --db "$CDB" --agency 1 --applicant 1 \
  --channel online --confirmed 2026-12-28 --content 决算 --actor 王 --today 2026-12-30 >/dev/null
expect calendar-register-provisional 0 $?
GONGKAI_DATA_DIR="$DATA" "$G" requests show --db "$CDB" --id 1 --today 2026-12-29 >"$out"
contains calendar-provisional-due "$out" "答复期限 2027-01-26（临时日历）"
printf '# test fixture, not the official notice\noff 2027-01-01\noff 2027-01-18..2027-01-19\n' \
  >"$DATA/calendar/2027.txt"
GONGKAI_DATA_DIR="$DATA" "$G" calendar reload --db "$CDB" --actor 李 --today 2026-12-30 >"$out"
expect calendar-reload 0 $?
contains calendar-reload-change "$out" "期限 2027-01-26 → 2027-01-28"
GONGKAI_DATA_DIR="$DATA" "$G" requests show --db "$CDB" --id 1 --today 2026-12-30 >"$out"
contains calendar-recomputed-due "$out" "答复期限 2027-01-28	"
contains calendar-recomputed-event "$out" "按新日历重算期限"

# The demo fills every registry; each agency's report has non-trivial tables 2, 3 and 4 and
# passes gongkai check with no error.
DEMO="$tmp/demo.db"
"$G" demo --db "$DEMO" --per-agency 30 >"$out"; expect demo 0 $?
for agency in 1 2 3 4 5 6 7 8 9 10; do
  "$G" report generate --db "$DEMO" --agency "$agency" --year 2025 --format json >"$tmp/r$agency.json"
  python3 - "$tmp/r$agency.json" <<'PY' >"$out"
import json, sys
r = json.load(open(sys.argv[1]))
t2, t3, t4 = r["table2"], r["table3"]["rows"], r["table4"]
ok = (sum(t2["rules"]) + sum(t2["normative_docs"]) > 0 and t2["licensing"] > 0
      and t3["new"][6] > 0 and t3["result_total"][6] > 0
      and t4["review"][4] > 0 and t4["suit_direct"][4] + t4["suit_after_review"][4] > 0)
print("non-trivial" if ok else "trivial: " + json.dumps([t2, t4], ensure_ascii=False))
PY
  contains "demo-report-$agency-tables" "$out" "non-trivial"
  "$G" check "$tmp/r$agency.json" >"$out" 2>&1
  contains "demo-report-$agency-check" "$out" "错误 0 条"
done
"$G" documents count --db "$DEMO" --agency 3 --year 2025 >"$out"
contains demo-documents "$out" "合计	5"
"$G" cases list --db "$DEMO" --agency 3 --year 2025 >"$out"
contains demo-cases-pending "$out" "尚未审结"

exit $fail
