#!/usr/bin/env bash
# The README's quick start, checked: `npm start` must start the server on an empty PKIMM_HOME,
# answer /healthz and /readyz, serve the OpenAPI document, let the first admin created with
# `pkimm user create` sign in, and stop with exit code 0 on SIGTERM.
set -uo pipefail
cd "$(dirname "$0")/.."

home="$(mktemp -d)"
log="$home/server.log"
# A free port chosen by the kernel, so parallel CI jobs never collide.
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:$port"

fail() {
  echo "quick start: $1"
  echo "--- last lines of the server output ---"
  tail -n 30 "$log"
  # The whole group: npm, and the server it started, which would outlive npm otherwise.
  [ -n "${pid:-}" ] && kill -KILL -- -"$pid" 2>/dev/null
  rm -rf "$home"
  exit 1
}

# Job control gives each background job its own process group, so a failure can end the group.
set -m
PKIMM_HOME="$home" PORT="$port" npm start >"$log" 2>&1 &
pid=$!
set +m

# Up to ~30 s: the first start creates and migrates the SQLite database.
for path in /healthz /readyz; do
  ok=""
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || fail "npm start exited before $path answered"
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" = "200" ]; then ok=1; break; fi
    sleep 0.5
  done
  [ -n "$ok" ] || fail "$path did not answer 200 within 30 s"
done

curl -s "$base/api/docs/json" | grep -q '"openapi":"3' || fail "/api/docs/json is not an OpenAPI document"
grep -q "pkimm listening on $base" "$log" || fail "no 'pkimm listening on $base' line"

# The README's first run: an admin account from the CLI, next to the running server, can sign in.
password='quick start passphrase, long enough'
created="$(echo "$password" | PKIMM_HOME="$home" ./bin/pkimm user create you@example.org --admin --password-stdin 2>&1)" ||
  fail "pkimm user create failed: $created"
signin="$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"email\":\"you@example.org\",\"password\":\"$password\"}" "$base/api/v1/auth/sign-in")"
[ "$signin" = "200" ] || fail "signing in as the new admin answered $signin"

# SIGTERM to npm alone, as a supervisor would send it: npm forwards it to the server, which
# drains and exits 0 within 10 s.
kill -TERM "$pid"
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "still running 10 s after SIGTERM"
wait "$pid"
status=$?
[ "$status" -eq 0 ] || fail "npm start exited with $status after SIGTERM (expected 0)"
pid=""

tail -n 4 "$log"
echo "quick start: served on $base, stopped cleanly"
rm -rf "$home"
