#!/bin/bash
# End-to-end test of gongkai user (staff accounts): the password only from standard input, weak
# passwords refused in Chinese, list, disable, passwd, every change audited, never the password.
# Usage: user_cli_test.sh path/to/gongkai
set -uo pipefail
G="$1"
. "$(dirname "$0")/lib.sh"
DB="$tmp/ledger.db"
out="$tmp/out"
err="$tmp/err"
PW='Grassland-2026'

"$G" agency add --db "$DB" --name 某市人民政府 --kind city >/dev/null
"$G" agency add --db "$DB" --name 某市教育局 --parent 1 >/dev/null

"$G" user --help >"$out"; expect user-help 0 $?
contains user-help-stdin "$out" "标准输入"
echo "$PW" | "$G" user add --db "$DB" --login clerk-2 --role clerk --agency 2 >"$out"
expect user-add 0 $?
contains user-add-id "$out" "^1$"
echo "$PW" | "$G" user add --db "$DB" --login super-1 --role supervisor --agency 1 >/dev/null
expect user-add-supervisor 0 $?
# The password is never an argument.
"$G" user add --db "$DB" --login x-1 --role clerk --agency 2 --password "$PW" </dev/null 2>"$err" >/dev/null
expect user-add-password-option 2 $?
# Weak and empty passwords are refused with a Chinese message.
echo "short" | "$G" user add --db "$DB" --login clerk-3 --role clerk --agency 2 2>"$err" >/dev/null
expect user-add-weak 1 $?
contains user-add-weak-msg "$err" "密码太短"
"$G" user add --db "$DB" --login clerk-3 --role clerk --agency 2 </dev/null 2>"$err" >/dev/null
expect user-add-empty 1 $?
contains user-add-empty-msg "$err" "密码"
printf '\n' | "$G" user add --db "$DB" --login clerk-3 --role clerk --agency 2 2>"$err" >/dev/null
expect user-add-empty-line 1 $?
contains user-add-empty-line-msg "$err" "密码不能为空"
echo "$PW" | "$G" user add --db "$DB" --login clerk-4 --role root --agency 2 2>"$err" >/dev/null
expect user-add-bad-role 2 $?
echo "$PW" | "$G" user add --db "$DB" --login clerk-4 --role clerk --agency 99 2>"$err" >/dev/null
expect user-add-unknown-agency 1 $?
echo "$PW" | "$G" user add --db "$DB" --login CLERK-2 --role clerk --agency 2 2>"$err" >/dev/null
expect user-add-duplicate 1 $?
contains user-add-duplicate-msg "$err" "已被使用"

"$G" user list --db "$DB" >"$out"; expect user-list 0 $?
contains user-list-clerk "$out" "clerk-2	clerk	2 某市教育局	正常"
contains user-list-supervisor "$out" "super-1	supervisor"
"$G" user list --db "$DB" --agency 1 >"$out"
if grep -q clerk-2 "$out"; then echo "FAIL: list --agency 1 shows clerk-2"; fail=1; fi

echo "Another-pass-77" | "$G" user passwd --db "$DB" --login clerk-2 >"$out"
expect user-passwd 0 $?
echo "abc" | "$G" user passwd --db "$DB" --login clerk-2 2>"$err" >/dev/null
expect user-passwd-weak 1 $?
"$G" user disable --db "$DB" --login clerk-2 >"$out"; expect user-disable 0 $?
"$G" user list --db "$DB" >"$out"
contains user-list-disabled "$out" "clerk-2	clerk	2 某市教育局	停用"
"$G" user disable --db "$DB" --login nobody 2>"$err" >/dev/null
expect user-disable-unknown 1 $?

# Audited (insert, insert, password, update), the chain intact, no password anywhere in the file.
"$G" audit verify --db "$DB" >"$out"; expect audit-verify 0 $?
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'user'")
[ "$n" = 4 ] && echo "ok: user changes audited" || { echo "FAIL: $n user audit rows"; fail=1; }
if grep -qa -e "$PW" -e "Another-pass-77" "$DB" "$DB-wal" 2>/dev/null; then
  echo "FAIL: a password is in the database file"; fail=1
else
  echo "ok: no password in the database file"
fi

# gongkai demo: three accounts per agency and the region's supervisor, documented in README.
"$G" demo --db "$tmp/demo.db" --per-agency 25 >/dev/null; expect demo 0 $?
"$G" user list --db "$tmp/demo.db" >"$out"
contains demo-clerk "$out" "clerk-3	clerk	3 "
contains demo-approver "$out" "approver-3	approver	3 "
contains demo-admin "$out" "admin-10	admin	10 "
contains demo-supervisor "$out" "supervisor-1	supervisor	1 "
[ "$(tail -n +2 "$out" | wc -l)" = 31 ] && echo "ok: demo users" || { echo "FAIL: demo users"; fail=1; }
grep -q 'Gongkai-demo-2026' "$(dirname "$0")/../README.md" && echo "ok: demo password documented" \
  || { echo "FAIL: demo password not in README"; fail=1; }
exit $fail
