#!/bin/bash
# vbash and the host's files: --here (overlay by default: the host directory
# is left unchanged), --here=ro / =rw, --mount, --export-fs / --import-fs.
# Env: VBASH = the vbash binary.
set -u
VBASH=${VBASH:?VBASH must name the vbash binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
exec </dev/null   # whatever ctest was given: no terminal, nothing to read
T=$(cd "$T" && pwd -P)

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@"; }
run() {
  out=$("$@" 2>"$T/.err"; echo "~$?")
  st=${out##*~}
  out=${out%~*}
  out=${out%$'\n'}
  # Sanitizer builds (make test-asan) add a note of their own on stderr.
  err=$(grep -v "^==[0-9]*==WARNING: ASan doesn't fully support makecontext" "$T/.err")
}
same() { # NAME GOT WANT
  if [ "$2" = "$3" ]; then ok; else bad "$1" "got  $(printf %q "$2")" "want $(printf %q "$3")"; fi
}
snapshot() { (cd "$1" && find . -printf '%p %s %m\n' | sort && cat ./* 2>/dev/null) | md5sum; }

# ---------------------------------------------------------------- --here
mkdir -p "$T/proj/sub"
echo orig > "$T/proj/a.txt"
echo keep > "$T/proj/sub/k.txt"
before=$(snapshot "$T/proj")
cd "$T/proj"
run "$VBASH" --here -c 'pwd; cat a.txt; echo new > a.txt; echo b > b.txt; rm sub/k.txt; cat a.txt b.txt; ls sub | wc -l'
same "--here starts in the host cwd, overlay writes in memory" "$out" "$(printf '%s\norig\nnew\nb\n0' "$T/proj")"
same "--here status" "$st" 0
same "--here left the host directory unchanged" "$(snapshot "$T/proj")" "$before"
[ -e "$T/proj/b.txt" ] && bad "--here created b.txt on the host" || ok

run "$VBASH" --here=overlay -c 'echo changed > a.txt; cat a.txt'
same "--here=overlay" "$out" changed
same "--here=overlay host" "$(cat "$T/proj/a.txt")" orig

run "$VBASH" --here=ro -c 'cat a.txt; echo x > a.txt'
same "--here=ro reads" "$out" orig
[ "$st" != 0 ] && ok || bad "--here=ro write fails" "status $st"
case $err in *"Read-only file system"*) ok ;; *) bad "--here=ro message" "$err" ;; esac
same "--here=ro host" "$(cat "$T/proj/a.txt")" orig

run "$VBASH" --here=rw -c 'echo written > rw.txt'
same "--here=rw status" "$st" 0
same "--here=rw writes to the host" "$(cat "$T/proj/rw.txt" 2>/dev/null)" written
rm -f "$T/proj/rw.txt"
cd "$T"

# A mount cannot be left through .. (the host has ../m/f.txt beside proj)
mkdir -p "$T/m"
echo hosted > "$T/m/f.txt"
run "$VBASH" --mount "$T/proj:/data:ro" -c 'cat /data/../m/f.txt 2>/dev/null || echo none; cat /data/a.txt'
same "--mount .. stays inside" "$out" "$(printf 'none\norig')"

# ---------------------------------------------------------------- --mount
mkdir -p "$T/m"
echo hosted > "$T/m/f.txt"
run "$VBASH" --mount "$T/m:/data" -c 'cat /data/f.txt; echo x > /data/g.txt'
same "--mount default ro: read" "$out" hosted
[ "$st" != 0 ] && ok || bad "--mount default ro: write fails" "status $st"
[ -e "$T/m/g.txt" ] && bad "--mount ro wrote to the host" || ok
run "$VBASH" --mount "$T/m:/data:rw" -c 'echo x > /data/g.txt'
same "--mount rw writes" "$(cat "$T/m/g.txt" 2>/dev/null)" x
run "$VBASH" --mount "$T/m:/data:overlay" -c 'echo y > /data/g.txt; cat /data/g.txt'
same "--mount overlay sees its write" "$out" y
same "--mount overlay leaves host" "$(cat "$T/m/g.txt")" x
run "$VBASH" --mount "$T/m:/one:ro" --mount "$T/proj:/two:ro" -c 'cat /one/f.txt /two/a.txt'
same "two mounts" "$out" "$(printf 'hosted\norig')"
run "$VBASH" --mount "$T/does-not-exist:/data" -c 'echo ran'
[ "$st" != 0 ] && ok || bad "--mount of a missing directory fails" "status $st out $out"

# ---------------------------------------------------------------- archives
run "$VBASH" --export-fs "$T/fs.tar" -c 'mkdir -p /tmp/d/e; printf "hello\n" > /tmp/d/f; printf "bin\0ary" > /tmp/d/e/b; echo done'
same "--export-fs status" "$st" 0
same "--export-fs output" "$out" done
if tar -tf "$T/fs.tar" > "$T/list" 2>/dev/null; then
  ok
  grep -q 'tmp/d/f$' "$T/list" && ok || bad "archive lists tmp/d/f" "$(head -20 "$T/list")"
  grep -q 'tmp/d/e/b$' "$T/list" && ok || bad "archive lists tmp/d/e/b"
else
  bad "--export-fs wrote a tar archive GNU tar reads"
fi
run "$VBASH" --import-fs "$T/fs.tar" -c 'cat /tmp/d/f; wc -c < /tmp/d/e/b'
same "--import-fs round trip" "$out" "$(printf 'hello\n7')"
# Export after import: the same archive content.
run "$VBASH" --import-fs "$T/fs.tar" --export-fs "$T/fs2.tar" -c 'true'
mkdir -p "$T/x1" "$T/x2"
tar -xf "$T/fs.tar" -C "$T/x1" 2>/dev/null
tar -xf "$T/fs2.tar" -C "$T/x2" 2>/dev/null
same "export-import-export keeps files" "$(cd "$T/x2" && cat tmp/d/f)" hello
cmp -s "$T/x1/tmp/d/e/b" "$T/x2/tmp/d/e/b" && ok || bad "binary file survives the round trip"
run "$VBASH" --import-fs "$T/missing.tar" -c 'echo ran'
[ "$st" != 0 ] && ok || bad "--import-fs missing file fails"
case $err in *missing.tar*) ok ;; *) bad "--import-fs message names the file" "$err" ;; esac
[ "$out" = "" ] && ok || bad "--import-fs failure does not run the script" "$out"
echo "not a tar" > "$T/junk.tar"
run "$VBASH" --import-fs "$T/junk.tar" -c 'echo ran'
[ "$st" != 0 ] && ok || bad "--import-fs of junk fails" "status $st"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
