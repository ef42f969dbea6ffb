#!/bin/sh
# make bench / make bench-quick: see bench/run.py.
#   bench/run.sh [--quick] [--build DIR] ...
# The full run first installs the in-process peers (just-bash, bashkit) into
# BUILD/peers when npm can reach its registry; without them, they are
# reported as not run.
set -eu
cd "$(dirname "$0")/.."
build=build
prev=""
for a in "$@"; do
  [ "$prev" = "--build" ] && build=$a
  prev=$a
done
case " $* " in
  *" --quick "*|*" --no-peers "*) ;;
  *) sh bench/peers/setup "$build" || true ;;
esac
exec nice -n 19 python3 bench/run.py "$@"
