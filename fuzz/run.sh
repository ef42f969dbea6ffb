#!/bin/sh
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs them.
#   fuzz/run.sh --smoke          every target for FUZZ_SMOKE_SECONDS (default 15) each
#   fuzz/run.sh NAME [SECONDS]   one target, long (default 600 s)
# Corpora live in build-fuzz/corpus/NAME (seeded from tests/spec and fuzz/seeds/NAME);
# crashes are written to build-fuzz/crashes/ and make the run fail.
set -eu
cd "$(dirname "$0")/.."
B=${FUZZ_BUILD:-build-fuzz}
sh scripts/deps "$B" >/dev/null
if [ ! -f "$B/CMakeCache.txt" ]; then
  cmake -S . -B "$B" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DVB_FUZZ=ON >/dev/null
fi
cmake --build "$B" -j "$(nproc)" >/dev/null
# parse_diff_fuzz loads tree-sitter-bash at run time: the grammar as a
# shared object next to the targets (scripts/deps fetched its sources)
ts="$B/tree-sitter-bash/src"
if [ -f "$ts/parser.c" ] && { [ ! -f "$B/tree-sitter-bash.so" ] || [ "$ts/parser.c" -nt "$B/tree-sitter-bash.so" ]; }; then
  ${CC:-cc} -shared -fPIC -O2 -w -I"$ts" "$ts/parser.c" "$ts/scanner.c" -o "$B/tree-sitter-bash.so" ||
    echo "fuzz: tree-sitter-bash.so not built: parse_diff_fuzz checks vbash's parser alone" >&2
fi
mkdir -p "$B/crashes"

seed() { # corpus dir for a target: its seeds, plus spec scripts for shell-level targets
  name=$1; dir="$B/corpus/$name"; mkdir -p "$dir"
  if [ -d "fuzz/seeds/$name" ]; then cp -n fuzz/seeds/"$name"/* "$dir"/ 2>/dev/null || true; fi
  case $name in
    sed_fuzz)
      # one file per quoted sed script of the spec files
      grep -oh "sed \(-[a-zA-Z]* \)*'[^']*'" tests/spec/*.test.sh 2>/dev/null |
        sed "s/^sed \(-[a-zA-Z]* \)*'//; s/'\$//" |
        awk -v d="$dir" '{n++; f=d "/spec" n; print > f; close(f)}' || true ;;
    parser_fuzz|exec_fuzz|parse_diff_fuzz)
      # one file per spec case script
      awk -v d="$dir" '/^### /{n++; f=d "/spec" n; next} /^--- /{f=""} f{print > f}' tests/spec/*.test.sh 2>/dev/null || true ;;
  esac
  echo "$dir"
}

run_one() {
  name=$1; secs=$2; extra=${3:-}
  bin="$B/$name"
  [ -x "$bin" ] || { echo "fuzz: no target $name" >&2; return 1; }
  corpus=$(seed "$name")
  echo "fuzz: $name for ${secs}s"
  UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 $extra \
    -artifact_prefix="$B/crashes/$name-" "$corpus" 2>"$B/$name.log" || {
      echo "fuzz: $name FAILED (see $B/$name.log and $B/crashes/)" >&2; tail -30 "$B/$name.log" >&2; return 1; }
}

if [ "${1:-}" = "--smoke" ]; then
  # A smoke run is deterministic (fixed seed, fixed number of runs) so that
  # CI cannot go red by luck; long runs (make fuzz) explore freely.
  secs=${FUZZ_SMOKE_SECONDS:-15}
  runs=${FUZZ_SMOKE_RUNS:-}
  fails=0; n=0
  for f in fuzz/*_fuzz.c; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .c); n=$((n+1))
    if [ -n "$runs" ]; then
      run_one "$name" "$secs" "-seed=1 -runs=$runs" || fails=$((fails+1))
    else
      run_one "$name" "$secs" || fails=$((fails+1))
    fi
  done
  echo "$((n-fails)) passed, $fails failed"
  [ "$fails" = 0 ]
else
  run_one "${1:?usage: fuzz/run.sh --smoke | NAME [SECONDS]}" "${2:-600}"
fi
