#!/bin/bash
# What the vbash command loads at start (docs/design.md, "Start-up"):
# cJSON and libm are not dependencies of the executable; libm is opened at
# the first math function and gives libm's results; cJSON is opened for
# --net-policy files only, and its absence is an error of the policy file
# alone. Env: VBASH = the vbash binary.
set -u
VBASH=${VBASH:?VBASH must name the vbash binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
exec </dev/null
cd "$T" || exit 1

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@"; }

run() {
  out=$("$@" 2>"$T/.err"; echo "~$?")
  st=${out##*~}
  out=${out%~*}
  out=${out%$'\n'}
  err=$(grep -v "^==[0-9]*==WARNING: ASan doesn't fully support makecontext" "$T/.err")
}

# ---------------------------------------------------------------- linking
if command -v readelf >/dev/null; then
  needed=$(readelf -d "$VBASH" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  case " $needed" in *" libcjson."*) bad "libcjson is not linked" "$needed" ;; *) ok ;; esac
  case " $needed" in *" libm."*) bad "libm is not linked" "$needed" ;; *) ok ;; esac
fi

# ---------------------------------------------------------------- libm
# Every function of cli/libm_dl.c, through awk and bc, against GNU awk and
# GNU bc on this machine.
prog='BEGIN {
  x = 0.75
  printf "%.12g %.12g %.12g %.12g %.12g\n", sin(x), cos(x), atan2(x, 2), exp(x), log(x)
  printf "%.12g %.12g %.12g %d %d\n", sqrt(x), x ^ 2.5, 2 ^ 0.5, int(-3.7), int(1e6 / 7)
  printf "%.12g %.12g %s %s\n", exp(710), log(-1), 1e308 * 10, -1e308 * 10
  printf "%d %x %o %.3e %g\n", 255.9, 255, 8, 12345.678, 0.0001234
}'
if command -v gawk >/dev/null; then
  want=$(gawk "$prog" 2>/dev/null)
  run "$VBASH" -c "awk '$prog' 2>/dev/null"
  [ "$st" = 0 ] && [ "$out" = "$want" ] && ok ||
    bad "awk math" "got  $(printf %q "$out")" "want $(printf %q "$want")"
fi
bcprog='scale=30; s(1); c(1); a(1); l(2); e(1); sqrt(2); 2^64; j(1, 1.5)'
if command -v bc >/dev/null; then
  want=$(printf '%s\n' "$bcprog" | bc -l)
  run "$VBASH" -c "printf '%s\n' '$bcprog' | bc -l"
  [ "$st" = 0 ] && [ "$out" = "$want" ] && ok ||
    bad "bc -l math" "got  $(printf %q "$out")" "want $(printf %q "$want")"
fi
want=$(printf '%.3f|%g|%e|%a|%.0f|%.0f\n' 3.14159 1e300 2.5 1 2.5 3.5)
run "$VBASH" -c "printf '%.3f|%g|%e|%a|%.0f|%.0f\n' 3.14159 1e300 2.5 1 2.5 3.5"
[ "$st" = 0 ] && [ "$out" = "$want" ] && ok ||
  bad "printf floating point" "got  $(printf %q "$out")" "want $(printf %q "$want")"

# ---------------------------------------------------------------- cJSON
printf '%s\n' '{"default": "deny", "rules": ["allow example.com", {"deny": "*.example"}],' \
  ' "limits": {"max_requests": 3}, "allow_insecure_tls": false}' >"$T/p.json"
run "$VBASH" --net-policy "$T/p.json" -c 'echo ok'
[ "$st" = 0 ] && [ "$out" = ok ] && [ -z "$err" ] && ok ||
  bad "--net-policy loads cJSON" "status $st" "stdout $out" "stderr $err"
printf '{"rules": [1]}\n' >"$T/bad.json"
run "$VBASH" --net-policy "$T/bad.json" -c 'echo ok'
[ "$st" = 2 ] && [ -z "$out" ] &&
  [ "$err" = "vbash: --net-policy: $T/bad.json: network policy: a rule is a string or an object" ] &&
  ok || bad "--net-policy error through cJSON" "status $st" "stderr $err"
printf '{"rules": \n' >"$T/trunc.json"
run "$VBASH" --net-policy "$T/trunc.json" -c 'echo ok'
[ "$st" = 2 ] && [ "$err" = "vbash: --net-policy: $T/trunc.json: network policy: invalid JSON near byte 10" ] &&
  ok || bad "--net-policy invalid JSON" "status $st" "stderr $err"

# Without cJSON (VB_NO_LIBCJSON=1 simulates a host without it): only a
# policy file fails, with a clear message; other runs and flags work.
run env VB_NO_LIBCJSON=1 "$VBASH" --net-policy "$T/p.json" -c 'echo ok'
[ "$st" = 2 ] && [ -z "$out" ] &&
  [ "$err" = "vbash: --net-policy: $T/p.json: network policy: libcjson.so.1 not available" ] &&
  ok || bad "--net-policy without cJSON" "status $st" "stdout $out" "stderr $err"
run env VB_NO_LIBCJSON=1 "$VBASH" --deny-net '*' -c 'echo ok'
[ "$st" = 0 ] && [ "$out" = ok ] && [ -z "$err" ] && ok ||
  bad "no policy file, no cJSON needed" "status $st" "stdout $out" "stderr $err"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
