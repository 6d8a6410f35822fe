#!/bin/sh
# Seeds the fuzz corpus with every UI fixture and every rust example of the lint documents.
# Run from anywhere: fuzz/seed.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/corpus/lint_source"
mkdir -p "$out"
for f in "$here"/../tests/ui/*/*.rs; do
    lint=$(basename "$(dirname "$f")")
    cp "$f" "$out/ui-$lint-$(basename "$f")"
done
for doc in "$here"/../lints/*.md; do
    name=$(basename "$doc" .md)
    awk -v out="$out/doc-$name" '
        /^```rust/ { n++; inside = 1; next }
        /^```/ { inside = 0; next }
        inside { print > (out "-" n ".rs") }
    ' "$doc"
done
echo "$(ls "$out" | wc -l) files in $out"
