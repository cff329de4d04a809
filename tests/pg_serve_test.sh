#!/bin/bash
# End-to-end test of the staff console on PostgreSQL: `gongkai demo --db postgres://…` fills a
# new database on the test server (ctest's `postgres` fixture, scripts/pg-up), `gongkai serve`
# runs on it, and a clerk logs in, reads the work list, takes one step of a case (withdrawal) and
# logs out — every step through HTTP, the login, the step and the logout audited in the chain;
# the supervisor uploads the shared seeds (gongkai supervise) and reads its tree on the web.
# Usage: pg_serve_test.sh path/to/gongkai POSTGRES_STATE_DIR SHARED_DIR
set -uo pipefail
G="$1"
STATE="$2"
SHARED="$3"
. "$(dirname "$0")/lib.sh"
out="$tmp/out"
jar="$tmp/cookies"

admin=$(cat "$STATE/url" 2>/dev/null) || { echo "FAIL: no PostgreSQL test server in $STATE"; exit 1; }
name="gk_serve_test_$$"
psql -q "$admin" -c "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" \
  || { echo "FAIL: cannot create the test database"; exit 1; }
DB="${admin%/postgres}/$name"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

"$G" demo --db "$DB" --per-agency 25 >"$out" 2>&1; expect demo-on-postgres 0 $?
"$G" user list --db "$DB" >"$out"; expect user-list 0 $?
contains demo-clerk "$out" "clerk-3	clerk	3 "

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$G" serve --db "$DB" --listen "127.0.0.1:$port" --today 2026-01-15 --no-access-log \
  >"$tmp/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$base/staff/login" && break
  sleep 0.1
done

code() { curl -s -o "$out" -w '%{http_code}' -b "$jar" -c "$jar" "$@"; }
csrf() { awk '$6 == "gk_csrf" { print $7 }' "$jar"; }

[ "$(code "$base/staff/login")" = 200 ] && echo "ok: login page" || { echo "FAIL: login page"; fail=1; }
[ "$(code --data-urlencode "login=clerk-3" --data-urlencode "password=wrong-password-1" \
  --data-urlencode "csrf=$(csrf)" "$base/staff/login")" = 401 ] \
  && echo "ok: wrong password refused" || { echo "FAIL: wrong password"; fail=1; }
[ "$(code --data-urlencode "login=clerk-3" --data-urlencode "password=Gongkai-demo-2026" \
  --data-urlencode "csrf=$(csrf)" --data-urlencode "next=/staff/cases" "$base/staff/login")" = 303 ] \
  && echo "ok: login" || { echo "FAIL: login"; cat "$tmp/serve.log"; fail=1; }

[ "$(code "$base/staff/cases")" = 200 ] && echo "ok: work list" || { echo "FAIL: work list"; fail=1; }
case_id=$(grep -o 'href="/staff/cases/[0-9]*"' "$out" | head -1 | grep -o '[0-9]*')
[ -n "$case_id" ] && echo "ok: a case in the work list" || { echo "FAIL: no case in the work list"; fail=1; }
[ "$(code "$base/staff/cases/$case_id")" = 200 ] && echo "ok: case page" || { echo "FAIL: case page"; fail=1; }
[ "$(code --data-urlencode "date=2026-01-15" --data-urlencode "csrf=$(csrf)" \
  "$base/staff/cases/$case_id/actions/withdraw")" = 303 ] \
  && echo "ok: case step (withdraw)" || { echo "FAIL: case step"; sed -n 1,5p "$out"; fail=1; }
"$G" requests show --db "$DB" --id "$case_id" --today 2026-01-15 >"$out" 2>&1
contains step-recorded "$out" "撤回"

[ "$(code --data-urlencode "csrf=$(csrf)" "$base/staff/logout")" = 303 ] \
  && echo "ok: logout" || { echo "FAIL: logout"; fail=1; }
[ "$(code "$base/staff/cases")" = 303 ] && echo "ok: logged out" || { echo "FAIL: still logged in"; fail=1; }

# Audited in the chain: the failure, the login, the logout.
n=$(psql -tA "$DB" -c "SELECT count(*) FROM audit_log WHERE action IN ('login_failed', 'login', 'logout')")
[ "$n" = 3 ] && echo "ok: logins audited" || { echo "FAIL: $n login audit rows"; fail=1; }

# The supervisor: reports uploaded on the command line, its tree on the web.
"$G" supervise upload --db "$DB" --agency 1 --file "$SHARED/seeds" --filed 2022-01-20 >"$out" 2>&1
expect supervise-upload 0 $?
"$G" supervise tree --db "$DB" --agency 1 --year 2021 >"$out" 2>&1; expect supervise-tree 0 $?
contains supervise-tree-filed "$out" "满洲里市人民政府办公室  已提交"
[ "$(code --data-urlencode "login=supervisor-1" --data-urlencode "password=Gongkai-demo-2026" \
  --data-urlencode "csrf=$(csrf)" --data-urlencode "next=/supervise" "$base/staff/login")" = 303 ] \
  && echo "ok: supervisor login" || { echo "FAIL: supervisor login"; fail=1; }
[ "$(code "$base/supervise?year=2021")" = 200 ] && echo "ok: supervisor tree" \
  || { echo "FAIL: supervisor tree"; sed -n 1,5p "$out"; fail=1; }
contains supervisor-tree-agency "$out" "满洲里市人民政府办公室"
[ "$(code --data-urlencode "csrf=$(csrf)" "$base/staff/logout")" = 303 ] \
  && echo "ok: supervisor logout" || { echo "FAIL: supervisor logout"; fail=1; }
"$G" audit verify --db "$DB" >"$out"; expect audit-verify 0 $?
exit $fail
