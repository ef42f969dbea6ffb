#!/bin/sh
# Differential parse check on the seed corpus: every spec case script of
# tests/spec (and fuzz/seeds/parser_fuzz) is checked with `bash -n` and
# `vbash -n`; where one accepts and the other rejects, the script is shown
# with both messages. fuzz/known_differences.md explains the known ones; the
# run fails when a disagreement is not listed there (by its first line).
#   fuzz/parse_diff.sh [BUILD_DIR] [MAX_SCRIPTS]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
max=${2:-0}
vbash=${VBASH:-$B/vbash}
[ -x "$vbash" ] || { echo "parse_diff: no $vbash (build first)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v d="$tmp" '/^### /{n++; f=d "/spec" n; next} /^--- /{f=""} f{print > f}' tests/spec/*.test.sh
if [ -d fuzz/seeds/parser_fuzz ]; then
  for f in fuzz/seeds/parser_fuzz/*; do [ -f "$f" ] && cp "$f" "$tmp/seed-$(basename "$f")"; done
fi
n=0; diffs=0; unknown=0
for f in "$tmp"/*; do
  [ -f "$f" ] || continue
  n=$((n+1))
  if [ "$max" -gt 0 ] && [ "$n" -gt "$max" ]; then n=$((n-1)); break; fi
  b=0; bash -n "$f" >"$tmp/.b" 2>&1 || b=$?
  v=0; "$vbash" -n "$f" >"$tmp/.v" 2>&1 || v=$?
  # bash -n reports some errors ([[ -f ]]) and still exits 0: a message
  # on stderr counts as a rejection
  [ -s "$tmp/.b" ] && [ "$b" = 0 ] && b=1
  [ -s "$tmp/.v" ] && [ "$v" = 0 ] && v=1
  if [ "$b" = 0 ] && [ "$v" = 0 ]; then continue; fi
  if [ "$b" != 0 ] && [ "$v" != 0 ]; then continue; fi
  diffs=$((diffs+1))
  first=$(head -n 1 "$f")
  if grep -qF -- "\`$first\`" fuzz/known_differences.md; then known=known; else known=UNEXPLAINED; unknown=$((unknown+1)); fi
  echo "== $known: bash -n $( [ "$b" = 0 ] && echo accepts || echo rejects), vbash -n $( [ "$v" = 0 ] && echo accepts || echo rejects)"
  sed 's/^/   | /' "$f" | head -n 8
  sed 's/^/   bash: /' "$tmp/.b" | head -n 2
  sed 's/^/   vbash: /' "$tmp/.v" | head -n 2
done
echo "parse_diff: $n scripts, $diffs disagreements with bash -n, $unknown unexplained"
[ "$unknown" = 0 ]
