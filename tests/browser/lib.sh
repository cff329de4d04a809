# Sourced by the browser test drivers (run.sh, supervise.sh): a work directory removed on exit
# with the server stopped, playwright-core installed from the committed package-lock.json on
# first use (npm ci), and start_server.
# Needs: $here (this folder), $artefacts (created).
mkdir -p "$artefacts"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi

# start_server GONGKAI LOG ARGS…: `GONGKAI serve ARGS… --listen 127.0.0.1:0` in the background,
# its stdout in $work/serve.out and its stderr (the access log) in LOG; sets $server (its pid)
# and $url (the URL it printed), or exits when it does not start.
start_server() {
  local gongkai=$1 log=$2
  shift 2
  "$gongkai" serve "$@" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$log" &
  server=$!
  url=
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" || true)
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || { echo "gongkai serve did not start"; cat "$log"; exit 1; }
    sleep 0.1
  done
  echo "gongkai serve did not print its URL"
  exit 1
}
