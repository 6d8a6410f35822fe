#!/bin/bash
# Cold and warm runs of the result cache: `scripts/bench-cache.sh BIN DIR` lints DIR in path
# mode from a scratch directory holding a Cargo.toml (so the cache is its target/leaklint/):
# three runs with --no-cache, three after removing the cache, three with the cache filled.
# Prints one wall time in seconds per run; outputs go to out.{nocache,cold,warm}.txt there.
set -eu
BIN=$(realpath "$1"); DIR=$(realpath "$2")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
printf '[package]\nname = "bench"\nversion = "0.1.0"\nedition = "2021"\n' > Cargo.toml
t() {
    local label=$1; shift
    local s e
    s=$(date +%s.%N)
    "$BIN" --message-format short "$@" > "out.$label.txt" 2>/dev/null || true
    e=$(date +%s.%N)
    echo "$label $(echo "$e - $s" | bc)"
}
for _ in 1 2 3; do t nocache --no-cache "$DIR"; done
for _ in 1 2 3; do rm -rf target/leaklint; t cold "$DIR"; done
for _ in 1 2 3; do t warm "$DIR"; done
cmp -s out.cold.txt out.warm.txt && cmp -s out.nocache.txt out.warm.txt \
    && echo "outputs identical" || echo "OUTPUTS DIFFER"
