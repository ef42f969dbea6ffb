#!/bin/bash
# The vbash command line: script modes, arguments, shell options, exit
# statuses and usage errors. Where bash has the same behaviour, the
# expectation is what GNU bash prints for the same arguments ("bash:" read
# as "vbash:"). Env: VBASH = the vbash binary.
set -u
VBASH=${VBASH:?VBASH must name the vbash binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
exec </dev/null   # whatever ctest was given: no terminal, nothing to read
cd "$T" || exit 1

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@"; }

# run CMD...: sets out, err, st
run() {
  out=$("$@" 2>"$T/.err"; echo "~$?")
  st=${out##*~}
  out=${out%~*}
  out=${out%$'\n'}
  # Sanitizer builds (make test-asan) add a note of their own on stderr.
  err=$(grep -v "^==[0-9]*==WARNING: ASan doesn't fully support makecontext" "$T/.err")
}

# expect NAME WANT_STATUS WANT_OUT [WANT_ERR] -- CMD...
expect() {
  local name=$1 wst=$2 wout=$3 werr=
  shift 3
  if [ "$1" != -- ]; then werr=$1; shift; fi
  shift
  run "$@"
  if [ "$st" = "$wst" ] && [ "$out" = "$wout" ] && [ "$err" = "$werr" ]; then
    ok
  else
    bad "$name" "status $st (want $wst)" "stdout $(printf %q "$out") (want $(printf %q "$wout"))" \
      "stderr $(printf %q "$err") (want $(printf %q "$werr"))"
  fi
}

# like_bash NAME ARGS...: vbash ARGS gives what bash ARGS gives.
like_bash() {
  local name=$1
  shift
  run bash "$@"
  local bout=$out berr=${err//bash: /vbash: } bst=$st
  berr=${berr//vvbash: /vbash: }
  run "$VBASH" "$@"
  if [ "$st" = "$bst" ] && [ "$out" = "$bout" ] && [ "$err" = "$berr" ]; then
    ok
  else
    bad "$name (like bash)" "status $st (bash $bst)" "stdout $(printf %q "$out") (bash $(printf %q "$bout"))" \
      "stderr $(printf %q "$err") (bash $(printf %q "$berr"))"
  fi
}

# contains NAME HAYSTACK NEEDLE
contains() {
  case $2 in *"$3"*) ok ;; *) bad "$1" "$(printf %q "$2") does not contain $(printf %q "$3")" ;; esac
}

# ---------------------------------------------------------------- -c
expect "-c echo" 0 hi -- "$VBASH" -c 'echo hi'
expect "-c exit status" 7 "" -- "$VBASH" -c 'exit 7'
expect "-c last status" 1 "" -- "$VBASH" -c 'false'
like_bash "-c name and args" -c 'echo "$0|$1|$2|$#"' myname a 'b c'
like_bash "-c \$0 default" -c 'echo $#'
like_bash "-c options after -c" -c -e 'false; echo not reached'
like_bash "-c combined flags" -ec 'false; echo not reached'
like_bash "-c unknown command" -c 'no_such_cmd_vb; echo "st=$?"'
like_bash "-c syntax error" -c 'if then fi'
like_bash "-c missing argument" -c

# ---------------------------------------------------------------- script file
printf 'echo "file $1 $#"\necho "$0"\nexit 3\n' > s.sh
expect "script file" 3 "$(printf 'file x 2\ns.sh')" -- "$VBASH" s.sh x y
like_bash "script file like bash" s.sh x y
like_bash "missing script file" nope.sh
mkdir adir
like_bash "script is a directory" adir
printf 'echo one\nif then\necho two\n' > syn.sh
# bash also quotes the line ("syn.sh: line 2: `if then'") after the message:
# the first line and the status are checked here.
run "$VBASH" syn.sh
[ "$st" = 2 ] && [ "$out" = one ] && ok || bad "syntax error in a file: status/stdout" "$st $out"
contains "syntax error in a file: message" "$err" "syn.sh: line 2: syntax error near unexpected token \`then'"
printf 'echo "$LINENO"\n\necho "$LINENO"\n' > lines.sh
like_bash "LINENO in a file" lines.sh
# The script runs inside the sandbox: the host file system is not visible.
expect "host files invisible" 1 "" -- "$VBASH" -c "test -e '$T/s.sh'"

# ---------------------------------------------------------------- stdin
out=$(echo 'echo from stdin; echo "$#"' | "$VBASH"); st=$?
[ "$out" = "$(printf 'from stdin\n0')" ] && [ $st = 0 ] && ok || bad "script on stdin" "$out"
out=$(printf 'echo "$1 $2"\nexit 4\n' | "$VBASH" -s a1 a2); st=$?
[ "$out" = "a1 a2" ] && [ $st = 4 ] && ok || bad "-s with arguments" "$out $st"
out=$(printf 'echo x\n' | "$VBASH" -); st=$?
[ "$out" = "x" ] && ok || bad "- reads stdin" "$out"
# The script's stdout/stderr are the host's.
"$VBASH" -c 'echo to-out; echo to-err >&2' >o.txt 2>e.txt
[ "$(cat o.txt)" = to-out ] && [ "$(grep -v '^==[0-9]*==WARNING: ASan' e.txt)" = to-err ] && ok ||
  bad "host stdout/stderr"
# ... and so is stdin.
out=$(printf 'line1\nline2\n' | "$VBASH" -c 'cat; echo done')
[ "$out" = "$(printf 'line1\nline2\ndone')" ] && ok || bad "host stdin" "$out"

# ---------------------------------------------------------------- shell options
like_bash "-e" -e -c 'false; echo no'
like_bash "+e" +e -c 'false; echo yes'
like_bash "-o errexit" -o errexit -c 'false; echo no'
like_bash "-o pipefail" -o pipefail -c 'false | true; echo "st=$?"'
like_bash "no pipefail" -c 'false | true; echo "st=$?"'
like_bash "-u" -u -c 'echo "${undefined_vb}"; echo after'
like_bash "-x" -x -c 'echo traced; y=1'
like_bash "-eu together" -eu -c 'echo a; false; echo b'
like_bash "\$- shows flags" -e -u -c 'case $- in *e*u*|*u*e*) echo both;; *) echo "$-";; esac'
like_bash "-f no globbing" -f -c 'echo *'
like_bash "-n ok" -n -c 'echo hi'
like_bash "-n syntax error" -n -c 'if then fi'
run "$VBASH" -n syn.sh
[ "$st" = 2 ] && [ "$out" = "" ] && ok || bad "-n in a file: status/stdout" "$st $out"
contains "-n in a file: message" "$err" "syn.sh: line 2: syntax error near unexpected token \`then'"

# ---------------------------------------------------------------- usage
run "$VBASH" --bogus
[ "$st" = 2 ] && ok || bad "--bogus status" "$st"
contains "--bogus message" "$err" "vbash: --bogus: invalid option"
run "$VBASH" -z
[ "$st" = 2 ] && ok || bad "-z status" "$st"
contains "-z message" "$err" "vbash: -z: invalid option"
run "$VBASH" --limit
[ "$st" = 2 ] && ok || bad "--limit without value" "$st"
contains "--limit without value message" "$err" "option requires an argument"
run "$VBASH" --limit nosuchlimit=1 -c true
[ "$st" = 2 ] && ok || bad "--limit unknown" "$st"
contains "--limit unknown message" "$err" "nosuchlimit"
run "$VBASH" --limit commands -c true
[ "$st" = 2 ] && ok || bad "--limit without =" "$st"
run "$VBASH" --profile weird -c true
[ "$st" = 2 ] && ok || bad "--profile weird" "$st"
run "$VBASH" --mount /tmp -c true
[ "$st" = 2 ] && ok || bad "--mount without path" "$st"
run "$VBASH" --mount /tmp:/x:bogus -c true
[ "$st" = 2 ] && ok || bad "--mount bad mode" "$st"
run "$VBASH" --mount /tmp:relative -c true
[ "$st" = 2 ] && ok || bad "--mount relative path" "$st"
run "$VBASH" --here=sideways -c true
[ "$st" = 2 ] && ok || bad "--here bad mode" "$st"
run "$VBASH" --help
[ "$st" = 0 ] && ok || bad "--help status" "$st"
contains "--help text" "$out" "Usage:"
contains "--help lists --here" "$out" "--here"
run "$VBASH" --version
[ "$st" = 0 ] && ok || bad "--version status"
contains "--version text" "$out" "vbash "

# ---------------------------------------------------------------- limits
# Monotonic milliseconds (the wall clock may jump).
now_ms() { local u; read -r u _ < /proc/uptime; u=${u/./}; echo $((10#$u * 10)); }
start=$(now_ms)
run "$VBASH" --limit time=300ms -c 'while :; do :; done'
ms=$(( $(now_ms) - start ))
[ "$st" != 0 ] && [ "$ms" -lt 3000 ] && ok || bad "--limit time ends a loop" "status $st after $ms ms"
run "$VBASH" --limit commands=5 -c 'for i in 1 2 3 4 5 6 7 8 9 10; do echo $i; done'
[ "$st" != 0 ] && ok || bad "--limit commands" "status $st out $out"
# An endless script on stdin is cut at the script size limit, not read forever.
st=$(yes | timeout 20 "$VBASH" 2>"$T/.err"; echo $?)
[ "$st" != 0 ] && [ "$st" != 124 ] && ok || bad "endless stdin script" "status $st"
contains "endless stdin script message" "$(cat "$T/.err")" "maximum script size exceeded"
run "$VBASH" --profile strict -c 'echo ok'
[ "$st" = 0 ] && [ "$out" = ok ] && ok || bad "--profile strict" "$st $out"
run "$VBASH" --profile permissive -c 'echo ok'
[ "$st" = 0 ] && [ "$out" = ok ] && ok || bad "--profile permissive" "$st $out"

# ---------------------------------------------------------------- network
expect "--allow-net accepted" 0 ok -- "$VBASH" --allow-net example.com -c 'echo ok'
run "$VBASH" --net-default bogus -c true
[ "$st" = 2 ] && ok || bad "--net-default bogus" "status $st"
contains "--net-default message" "$err" "vbash: --net-default:"
run "$VBASH" --net-policy "$T/none.json" -c true
[ "$st" = 2 ] && ok || bad "--net-policy missing file" "status $st"
# Secrets never reach the output, even written in two pieces.
run "$VBASH" --secret TOK=value:s3cr3t-v4lue@example.com -c 'echo s3cr3t-v4lue; printf "s3cr3t"; printf "%s\n" "-v4lue"; echo "in s3cr3t-v4lue err" >&2'
same=$([ "$out" = "$(printf '[REDACTED:TOK]\n[REDACTED:TOK]')" ] && echo y)
[ "$same" = y ] && ok || bad "--secret redacted from stdout" "$out"
[ "$err" = "in [REDACTED:TOK] err" ] && ok || bad "--secret redacted from stderr" "$err"

# ---------------------------------------------------------------- SIGINT
# Ctrl-C cancels the running script (status 130); --export-fs still runs.
"$VBASH" --export-fs "$T/int.tar" -c 'echo x > /tmp/mark; while :; do sleep 1; done' &
pid=$!
sleep 0.5
kill -INT "$pid"
wait "$pid"
st=$?
[ "$st" = 130 ] && ok || bad "SIGINT cancels with status 130" "status $st"
tar -tf "$T/int.tar" 2>/dev/null | grep -q 'tmp/mark$' && ok || bad "export after SIGINT"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
