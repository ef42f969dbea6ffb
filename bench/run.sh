#!/bin/sh
# make bench / make bench-quick: see bench/run.py.
set -eu
cd "$(dirname "$0")/.."
exec python3 bench/run.py "$@"
