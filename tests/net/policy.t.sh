# The network flags of the vbash CLI: --allow-net, --deny-net, --net-policy,
# --net-audit, --secret, --net-default; denial messages and statuses of curl
# and wget; secrets injected for their host only and redacted from what
# comes back (body, -v headers, files); audit lines. All traffic goes to
# tests/net/server.py on 127.0.0.1, started here.
# Env: VBASH = the vbash CLI, VB_SRC = the source tree.
set -u
src=${VB_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
vbash=${VBASH:?VBASH is not set}
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 0; }

tmp=$(mktemp -d)
python3 "$src/tests/net/server.py" 300 >"$tmp/port" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do
    [ -s "$tmp/port" ] && break
    sleep 0.1
done
port=$(head -n1 "$tmp/port")
[ -n "$port" ] || { echo "server did not start"; exit 1; }
U="http://127.0.0.1:$port"

pass=0 fail=0
# expect NAME WANT-STDOUT WANT-STDERR WANT-STATUS -- VBASH-ARGS...
expect() {
    local name=$1 want_out=$2 want_err=$3 want_rc=$4
    shift 5
    local out err rc
    out=$("$vbash" "$@" 2>"$tmp/err")
    rc=$?
    err=$(cat "$tmp/err")
    if [ "$out" == "$want_out" ] && [ "$err" == "$want_err" ] && [ "$rc" == "$want_rc" ]; then
        pass=$((pass + 1))
        echo "ok - $name"
    else
        fail=$((fail + 1))
        echo "not ok - $name"
        echo "#   stdout: [$out] want [$want_out]"
        echo "#   stderr: [$err] want [$want_err]"
        echo "#   status: $rc want $want_rc"
    fi
}

expect "network off" "" \
    "curl: (7) vbash: egress to 127.0.0.1 denied: network access is off (no network policy)" 7 -- \
    -c "curl -sS $U/hello"
expect "allowed" "hello world" "" 0 -- --allow-net 127.0.0.1 -c "curl -sS $U/hello"
expect "default deny" "" \
    "curl: (56) vbash: egress to localhost denied by default (no rule allows it)" 56 -- \
    --allow-net 127.0.0.1 -c "curl -sS http://localhost:$port/hello"
expect "deny beats allow" "" \
    "curl: (56) vbash: egress to 127.0.0.1 denied by rule deny:127.0.0.1:$port" 56 -- \
    --allow-net 127.0.0.1 --deny-net "127.0.0.1:$port" -c "curl -sS $U/hello"
expect "guard: name allowed, loopback not named" "" \
    "curl: (7) vbash: egress to localhost denied: address 127.0.0.1 is in a refused range (loopback 127.0.0.0/8)" 7 -- \
    --allow-net localhost -c "curl -sS http://localhost:$port/hello"
expect "guard: loopback named" "hello world" "" 0 -- \
    --allow-net "localhost,127.0.0.1" -c "curl -sS http://localhost:$port/hello"
expect "metadata literal" "" \
    "curl: (7) vbash: egress to 169.254.169.254 denied: address 169.254.169.254 is in a refused range (cloud metadata 169.254.169.254)" 7 -- \
    --net-default allow -c "curl -sS http://169.254.169.254/latest/meta-data/"
expect "mapped literal" "" \
    "curl: (7) vbash: egress to ::ffff:10.0.0.1 denied: address ::ffff:10.0.0.1 is in a refused range (private 10.0.0.0/8)" 7 -- \
    --net-default allow -c "curl -sS 'http://[::ffff:10.0.0.1]/'"
expect "redirect to a denied host" "" \
    "curl: (56) vbash: egress to localhost denied by default (no rule allows it)" 56 -- \
    --allow-net 127.0.0.1 -c "curl -sSL '$U/to?url=http://localhost:$port/hello'"
expect "wget denied" "" \
    "wget: vbash: egress to localhost denied by default (no rule allows it)" 4 -- \
    --allow-net 127.0.0.1 -c "wget -q -O - http://localhost:$port/hello"
expect "insecure refused" "" \
    "curl: (56) vbash: insecure TLS (-k) is not allowed by the network policy" 56 -- \
    --allow-net 127.0.0.1 -c "curl -sSk $U/hello"
expect "bad flag value" "" "vbash: --net-default: allow or deny, not 'maybe'" 2 -- \
    --net-default maybe -c "true"

# Secrets
export VB_TEST_TOKEN=tok-0123456789
expect "secret injected and redacted" "Bearer [REDACTED:GH]
none" "" 0 -- \
    --allow-net "localhost,127.0.0.1" --secret "GH=env:VB_TEST_TOKEN@localhost" \
    -c "curl -s http://localhost:$port/auth; curl -s $U/auth"
expect "secret in -v" "> Authorization: Bearer [REDACTED:GH]" "" 0 -- \
    --allow-net "localhost,127.0.0.1" --secret "GH=env:VB_TEST_TOKEN@localhost" \
    -c "curl -sv http://localhost:$port/auth 2>&1 >/dev/null | grep -i '^> auth' | tr -d '\r'"
expect "secret in a file" "Bearer [REDACTED:GH]" "" 0 -- \
    --allow-net "localhost,127.0.0.1" --secret "GH=env:VB_TEST_TOKEN@localhost" \
    -c "wget -q -O f http://localhost:$port/auth; cat f"
expect "secret not a variable" "unset 0" "" 0 -- \
    --allow-net "localhost,127.0.0.1" --secret "GH=env:VB_TEST_TOKEN@localhost" \
    -c 'echo "${GH-unset}" $( (set; export -p) | grep -c tok-0123)'
expect "secret from an unset variable" "" \
    "vbash: --secret: secret GH: environment variable VB_NOT_SET_XYZ is not set" 2 -- \
    --secret "GH=env:VB_NOT_SET_XYZ@localhost" -c "true"

# Policy file and audit
cat >"$tmp/policy.json" <<EOF
{ "default": "deny",
  "rules": ["deny http://127.0.0.1:$port/status/", {"allow": "127.0.0.1"}],
  "limits": {"max_response_bytes": 50, "max_requests": 3},
  "secrets": [{"name": "K", "value": "lit-secret-1", "hosts": ["127.0.0.1"],
               "header": "Authorization", "format": "Key {value}"}] }
EOF
expect "policy file" "hello world
Key [REDACTED:K]" "curl: (56) vbash: egress to 127.0.0.1 denied by rule deny:http://127.0.0.1:$port/status/" 56 -- \
    --net-policy "$tmp/policy.json" --net-audit "$tmp/audit.jsonl" \
    -c "curl -sS $U/hello; curl -sS $U/auth; curl -sS $U/status/200"
n=$(wc -l <"$tmp/audit.jsonl")
if [ "$n" = 3 ] && grep -q '"path":"/hello".*"decision":"allow","by":"rule allow:127.0.0.1","status":200' "$tmp/audit.jsonl" &&
    grep -q '"path":"/status/200".*"decision":"deny"' "$tmp/audit.jsonl" &&
    ! grep -q lit-secret "$tmp/audit.jsonl"; then
    pass=$((pass + 1)); echo "ok - audit lines"
else
    fail=$((fail + 1)); echo "not ok - audit lines"; sed 's/^/#   /' "$tmp/audit.jsonl"
fi
expect "response cap" "" "curl: (63) vbash: response exceeds the policy's cap of 50 bytes" 63 -- \
    --net-policy "$tmp/policy.json" -c "curl -sS $U/bytes/100"
expect "request count" "" \
    "curl: (56) vbash: egress to 127.0.0.1 denied: the session's limit of 3 requests is reached" 56 -- \
    --net-policy "$tmp/policy.json" -c "curl -s $U/hello >/dev/null; curl -s $U/hello >/dev/null; curl -s $U/hello >/dev/null; curl -sS $U/hello"
echo '{"rules": [42]}' >"$tmp/bad.json"
expect "bad policy file" "" "vbash: --net-policy: $tmp/bad.json: network policy: a rule is a string or an object" 2 -- \
    --net-policy "$tmp/bad.json" -c "true"

echo "# $pass passed, $fail failed"
[ $fail = 0 ]
