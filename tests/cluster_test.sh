#!/bin/bash
# Scale-out (issue 14): scripts/cluster-up's two `gongkai serve` behind nginx on one database.
#  - a login through server A is honoured by server B (sessions are in the database), and a form
#    served by A is accepted when posted to B (the shared --secret-file CSRF key);
#  - two clerks open one case page, one through each server, and post a step at once: one wins
#    (303), the other gets 409 and the Chinese conflict message, and the request holds exactly
#    the winner's step (no lost update); the audit chain verifies;
#  - the public site answers through nginx, and nginx spread the requests over both servers.
# Usage: tests/cluster_test.sh GONGKAI_BINARY [DB_URL]. Without DB_URL: a new database on the
# PostgreSQL test server of the ctest fixture `postgres` (GONGKAI_TEST_PG_STATE).
set -uo pipefail
gongkai=$1
db=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
cluster=$tmp/cluster
pg_admin=
dbname=
cleanup() {
  "$here/../scripts/cluster-down" "$cluster" >/dev/null 2>&1 || true
  if [ -n "$dbname" ]; then
    psql -q -d "$pg_admin" -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
if [ -z "$db" ]; then
  state=${GONGKAI_TEST_PG_STATE:?run through ctest (fixture postgres) or give a DB_URL}
  pg_admin=$(cat "$state/url")
  dbname=gk_cluster_$$
  psql -q -d "$pg_admin" -c "CREATE DATABASE $dbname" || { echo "FAIL: CREATE DATABASE"; exit 1; }
  db=${pg_admin%/*}/$dbname
fi

"$here/../scripts/cluster-up" "$cluster" --db "$db" --gongkai "$gongkai" --per-agency 25 \
  >"$tmp/up.log" 2>&1
expect "cluster-up" 0 $?
contains "cluster-up prints the URL" "$tmp/up.log" "集群已启动 (cluster up): http://127.0.0.1:"
contains "cluster-up prints the demo logins" "$tmp/up.log" "clerk-3"
[ -s "$cluster/url" ] || { cat "$tmp/up.log"; exit 1; }
N=$(cat "$cluster/url")
A=$(sed -n 1p "$cluster/servers")
B=$(sed -n 2p "$cluster/servers")
password=Gongkai-demo-2026

csrf_of() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | cut -d'"' -f4; }
# login JAR FORM_SERVER POST_SERVER LOGIN: the login form from one server, posted to the other.
login() {
  curl -s -c "$1" -b "$1" "$2/staff/login" >"$tmp/form.html"
  curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "csrf=$(csrf_of "$tmp/form.html")" \
    --data-urlencode "login=$4" --data-urlencode "password=$password" \
    --data-urlencode next=/staff/cases "$3/staff/login"
}

# 1. Sessions and forms across the servers.
expect "clerk's login form from A posted to B is accepted (shared CSRF key)" 303 \
  "$(login "$tmp/clerk" "$A" "$B" clerk-3)"
code=$(curl -s -o "$tmp/cases-a.html" -w '%{http_code}' -b "$tmp/clerk" "$A/staff/cases")
expect "the session made on B is honoured by A" 200 "$code"
contains "A knows who is logged in" "$tmp/cases-a.html" "clerk-3"
expect "approver's login form from B posted to A" 303 "$(login "$tmp/approver" "$B" "$A" approver-3)"
curl -s -c "$tmp/forged" "$A/staff/login" >/dev/null
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/forged" --data-urlencode "csrf=0.0" \
  --data-urlencode login=clerk-3 --data-urlencode "password=$password" "$B/staff/login")
expect "a token neither server signed is refused" 403 "$code"

# 2. Two clerks on one case, one through each server, posting at once.
case_id=
for id in $(grep -o 'href="/staff/cases/[0-9]*"' "$tmp/cases-a.html" | grep -o '[0-9]*' | uniq); do
  curl -s -b "$tmp/clerk" "$A/staff/cases/$id" >"$tmp/case-1.html"
  if grep -q 'id="form-consult"' "$tmp/case-1.html"; then case_id=$id; break; fi
done
[ -n "$case_id" ] || { echo "FAIL: no open case of agency 3 where consulting is allowed"; exit 1; }
curl -s -b "$tmp/approver" "$B/staff/cases/$case_id" >"$tmp/case-2.html"
version_of() { grep -o 'name="version" value="[0-9]*"' "$1" | head -1 | cut -d'"' -f4; }
v1=$(version_of "$tmp/case-1.html")
v2=$(version_of "$tmp/case-2.html")
expect "both pages show the same version" "$v1" "$v2"
today=$(grep -o 'id="k-date" name="date" type="date" value="[^"]*"' "$tmp/case-1.html" | cut -d'"' -f8)
step() {  # step JAR SERVER PAGE OUT: starts consulting on the case, as of PAGE
  curl -s -o "$4" -w '%{http_code}' -b "$1" --data-urlencode "csrf=$(csrf_of "$3")" \
    --data-urlencode "version=$(version_of "$3")" --data-urlencode "date=$today" \
    --data-urlencode party=third_party --data-urlencode "reason=$5" \
    "$2/staff/cases/$case_id/actions/consult" >"$4.code"
}
step "$tmp/clerk" "$A" "$tmp/case-1.html" "$tmp/post-1.html" "经办人甲" &
step "$tmp/approver" "$B" "$tmp/case-2.html" "$tmp/post-2.html" "经办人乙" &
wait
codes=$(printf '%s\n%s\n' "$(cat "$tmp/post-1.html.code")" "$(cat "$tmp/post-2.html.code")" | sort | paste -sd' ')
expect "one step wins (303), the other conflicts (409)" "303 409" "$codes"
loser=$tmp/post-1.html
[ "$(cat "$tmp/post-2.html.code")" = 409 ] && loser=$tmp/post-2.html
contains "the loser reads the Chinese conflict message" "$loser" "已被他人"
curl -s -b "$tmp/clerk" "$B/staff/cases/$case_id" >"$tmp/case-after.html"
expect "the request moved one version" "$((v1 + 1))" "$(version_of "$tmp/case-after.html")"
reasons=$(grep -o '经办人[甲乙]' "$tmp/case-after.html" | sort -u | wc -l)
expect "exactly one of the two steps is in the history" 1 "$reasons"
"$gongkai" audit verify --db "$db" >"$tmp/verify.log" 2>&1
expect "gongkai audit verify" 0 $?

# 3. The public site through nginx, spread over both servers.
for i in $(seq 8); do curl -s -o /dev/null "$N/agencies/3"; done
code=$(curl -s -o "$tmp/column.html" -w '%{http_code}' "$N/agencies/3")
expect "a column through nginx" 200 "$code"
for i in 1 2; do
  hits=$(grep -c '"path":"/agencies/3"' "$cluster/serve-$i.log" || true)
  if [ "$hits" -gt 0 ]; then echo "ok: server $i served through nginx ($hits)"; else
    echo "FAIL: server $i got none of nginx's requests"; fail=1; fi
done
exit $fail
