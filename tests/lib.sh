# Shared helpers of the end-to-end shell tests. Source it after `set -uo pipefail`; it creates
# $tmp (removed on exit) and $fail (0 until a check fails; exit with it at the end).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect NAME WANTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, wanted $2"; fail=1; else echo "ok: $1"; fi
}
contains() {  # contains NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then echo "ok: $1"; else echo "FAIL: $1: no '$3' in output"; sed -n 1,20p "$2"; fail=1; fi
}
