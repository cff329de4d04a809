#!/bin/bash
# End-to-end hardening of the ledger commands (issue 8): hostile or careless arguments give a
# clear error and exit 1 or 2, never an abort or a hang; history rewritten with the sqlite3 shell
# is refused or found by `gongkai audit verify`. Usage: ledger_hardening_test.sh path/to/gongkai
set -uo pipefail
G="$1"
source "$(dirname "$0")/lib.sh"
DB="$tmp/ledger.db"
# run NAME WANTED_STATUS CMD...: runs under a time limit, output in $tmp/out, stderr in $tmp/err.
run() {
  local name=$1 want=$2; shift 2
  timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"
  expect "$name" "$want" $?
}

run agency-create 0 "$G" agency add --db "$DB" --name 某市人民政府 --kind city
run agency-dept 0 "$G" agency add --db "$DB" --name 某市教育局 --parent 1
run applicant 0 "$G" applicant add --db "$DB" --kind commercial --name 某公司
# 1. Invalid UTF-8 in every kind of field: a clear error naming the field.
run agency-invalid-utf8 1 "$G" agency add --db "$DB" --name $'\xff'
contains agency-invalid-utf8-field "$tmp/err" "机关名称 (agency name)"
run applicant-invalid-utf8 1 "$G" applicant add --db "$DB" --name $'\xc0\xaf'
contains applicant-invalid-utf8-field "$tmp/err" "申请人名称"
run content-invalid-utf8 1 "$G" requests register --db "$DB" --agency 2 --applicant 1 \
  --channel online --confirmed 2025-03-03 --content $'\xe4\xb8' --actor 王
contains content-invalid-utf8-field "$tmp/err" "申请内容 (content)"
printf 'gbk' >"$tmp/"$'\xc9\xea\xc7\xeb'.txt
run register-gbk-attachment 0 "$G" requests register --db "$DB" --agency 2 --applicant 1 \
  --channel online --confirmed 2025-03-03 --content 决算 --actor 王 \
  --attach "$tmp/"$'\xc9\xea\xc7\xeb'.txt
run show-gbk-attachment 0 "$G" requests show --db "$DB" --id 1
contains attachment-name-escaped "$tmp/out" '\\xC9\\xEA\\xC7\\xEB.txt'
run approver-invalid-utf8 1 "$G" requests extend --db "$DB" --id 1 --date 2025-03-10 --days 5 \
  --approver $'\xff' --actor 王
contains approver-invalid-utf8-field "$tmp/err" "批准人 (approver)"

# 2. Fees: huge page counts are refused, not wrapped.
run fee-int64-pages 1 "$G" requests fee --db "$DB" --id 1 --date 2025-03-04 --method per_page \
  --pages 9223372036854775807 --actor 王
contains fee-int64-pages-message "$tmp/err" "超过上限"
run fee-million-pages 1 "$G" requests fee --db "$DB" --id 1 --date 2025-03-04 --method per_page \
  --pages 1000000 --actor 王

# 3. Attachments: a FIFO is refused at once, a file over the limit before it is read.
mkfifo "$tmp/fifo.pdf"
run attach-fifo 1 "$G" requests register --db "$DB" --agency 2 --applicant 1 --channel online \
  --confirmed 2025-03-03 --content x --actor 王 --attach "$tmp/fifo.pdf"
contains attach-fifo-message "$tmp/err" "不是普通文件"
head -c 2000001 /dev/zero >"$tmp/big.pdf"
run attach-too-big 1 "$G" requests register --db "$DB" --agency 2 --applicant 1 --channel online \
  --confirmed 2025-03-03 --content x --actor 王 --attach "$tmp/big.pdf" --max-attachment-mb 2
contains attach-too-big-message "$tmp/err" "超过上限"

# 5. Dates: nothing after today (or --today), nothing before the previous step.
run reply-far-future 1 "$G" requests reply --db "$DB" --id 1 --date 9999-12-31 --outcome granted \
  --basis 依据 --letter 正文 --actor 王
contains reply-far-future-message "$tmp/err" "晚于今天"
run extend-2099 1 "$G" requests extend --db "$DB" --id 1 --date 2099-01-05 --days 5 --approver 赵 \
  --actor 王
run extend-after-given-today 1 "$G" requests extend --db "$DB" --id 1 --date 2025-03-12 --days 5 \
  --approver 赵 --actor 王 --today 2025-03-11
run extend-ok 0 "$G" requests extend --db "$DB" --id 1 --date 2025-03-11 --days 5 --approver 赵 \
  --actor 王 --today 2025-03-11
run reply-before-previous-step 1 "$G" requests reply --db "$DB" --id 1 --date 2025-03-10 \
  --outcome granted --basis 依据 --letter 正文 --actor 王
contains reply-before-previous-step-message "$tmp/err" "早于上一步骤"

# 6. Small: missing databases, non-databases, hierarchy, duplicates, no write lock for reading.
for cmd in "requests show --id 1" "requests due" "requests list" "agency list" \
           "report generate --agency 1 --year 2025" "audit verify"; do
  run "missing-db: $cmd" 1 "$G" $cmd --db "$tmp/typo.db"
  contains "missing-db-message: $cmd" "$tmp/err" "不存在"
done
if [ -e "$tmp/typo.db" ]; then echo "FAIL: a read-only command created typo.db"; fail=1; fi
printf 'just some text, not a database at all, long enough to have a header\n' >"$tmp/notes.txt"
run agency-add-on-text-file 1 "$G" agency add --db "$tmp/notes.txt" --name 某局
contains agency-add-on-text-file-message "$tmp/err" "不是 SQLite 数据库"
run region-under-department 1 "$G" agency add --db "$DB" --name 某自治区 --kind region --parent 2
contains region-under-department-message "$tmp/err" "不能隶属于"
run duplicate-agency 1 "$G" agency add --db "$DB" --name 某市教育局 --parent 1
contains duplicate-agency-message "$tmp/err" "已有名为"
# `requests show` while another connection holds a write transaction.
(sqlite3 "$DB" "BEGIN IMMEDIATE; INSERT INTO schema_version(version) VALUES (100); SELECT 'locked';" \
  ".shell sleep 4" "ROLLBACK;" >"$tmp/locker" 2>&1 &)
for _ in $(seq 50); do grep -q locked "$tmp/locker" 2>/dev/null && break; sleep 0.1; done
run show-under-write-lock 0 timeout 3 "$G" requests show --db "$DB" --id 1
run verify-under-write-lock 0 timeout 3 "$G" audit verify --db "$DB"
sleep 4

# 4. History: REPLACE and friends are refused through the sqlite3 shell; forgeries are found.
run audit-verify-intact 0 "$G" audit verify --db "$DB"
contains audit-verify-intact-message "$tmp/out" "审计日志完整"
for sql in "REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1" \
           "INSERT OR REPLACE INTO event SELECT * FROM event WHERE id = 1" \
           "UPDATE audit_log SET actor = 'x' WHERE id = 2" \
           "DELETE FROM event" \
           "UPDATE request SET outcome = 'granted', concluded_on = '2025-03-11'"; do
  if sqlite3 "$DB" "$sql" >/dev/null 2>&1; then echo "FAIL: sqlite3 accepted: $sql"; fail=1
  else echo "ok: sqlite3 refuses: $sql"; fi
done
run audit-verify-still-intact 0 "$G" audit verify --db "$DB"
cp "$DB" "$tmp/forged.db"
sqlite3 "$tmp/forged.db" "PRAGMA wal_checkpoint; DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = '伪造' WHERE id = 3;" >/dev/null
run audit-verify-edited-row 1 "$G" audit verify --db "$tmp/forged.db"
contains audit-verify-edited-row-id "$tmp/out" "审计日志第 3 条"
contains audit-verify-edited-row-en "$tmp/out" "audit log row 3"
cp "$DB" "$tmp/appended.db"
sqlite3 "$tmp/appended.db" "INSERT INTO audit_log(id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, row_hash) SELECT max(id) + 1, '2025-01-01T00:00:00.000Z', '伪造', 'insert', 'agency', 9, '', '{}', (SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), printf('%064d', 0) FROM audit_log" >/dev/null
run audit-verify-appended-row 1 "$G" audit verify --db "$tmp/appended.db"
contains audit-verify-appended-row-message "$tmp/out" "row_hash"
cp "$DB" "$tmp/request.db"
sqlite3 "$tmp/request.db" "DROP TRIGGER request_versioned; UPDATE request SET content = '伪造' WHERE id = 1" >/dev/null
run audit-verify-request-edited 1 "$G" audit verify --db "$tmp/request.db"
contains audit-verify-request-edited-message "$tmp/out" "申请 (request) 1"

exit $fail
