#!/bin/sh
# Times leaklint over a corpus of real crates against reading and `syn::parse_file`-ing the
# same files, and against ast-grep with five structural rules when it is installed.
# Figures and machine: docs/performance.md.
#
#   scripts/bench-corpus.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to target/leaklint-corpus/vendor (made by make-corpus.sh).
# Environment: THREADS (default 2), RUNS (default 10; the slow baselines use RUNS/2, at
# least 3), AST_GREP (the ast-grep binary; default: `ast-grep` on PATH).
# Needs hyperfine (`apt-get install hyperfine`); ast-grep from `npm i -g @ast-grep/cli`.
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-target/leaklint-corpus/vendor}
threads=${THREADS:-2}
runs=${RUNS:-10}
slow_runs=$((runs / 2 > 3 ? runs / 2 : 3))
ast_grep=${AST_GREP:-$(command -v ast-grep || true)}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 2; }

cargo build --release --examples --quiet
bin=target/release/examples
out=target/bench-corpus
mkdir -p "$out"
rm -f "$out"/*.json

echo "== files, parsed files and findings (default lints, $threads threads)"
"$bin/lint_dir" --threads "$threads" "$corpus"

echo "== leaklint vs reading every file"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/read.json" \
    -n "leaklint" "$bin/lint_dir --threads $threads $corpus" \
    -n "read every file" "$bin/parse_only --threads $threads --read-only $corpus"

echo "== leaklint vs syn::parse_file on every file (same hyperfine run)"
hyperfine -N --warmup 1 --runs "$slow_runs" --export-json "$out/parse.json" \
    -n "leaklint" "$bin/lint_dir --threads $threads $corpus" \
    -n "syn::parse_file every file" "$bin/parse_only --threads $threads $corpus"

if [ -n "$ast_grep" ]; then
    echo "== leaklint vs ast-grep, 5 rules (benches/ast-grep)"
    # ast-grep exits 1 when a rule matches: -i keeps hyperfine going.
    hyperfine -N -i --warmup 1 --runs "$slow_runs" --export-json "$out/ast-grep.json" \
        -n "leaklint" "$bin/lint_dir --threads $threads $corpus" \
        -n "ast-grep scan, 5 rules" \
        "$ast_grep scan --config benches/ast-grep/sgconfig.yml --threads $threads $corpus"
else
    echo "== ast-grep not found: skipped (set AST_GREP or npm i -g @ast-grep/cli)"
fi

if [ -n "${BASELINE:-}" ]; then
    echo "== this commit vs BASELINE ($BASELINE)"
    hyperfine -N --warmup 1 --runs "$slow_runs" --export-json "$out/baseline.json" \
        -n "leaklint" "$bin/lint_dir --threads $threads $corpus" \
        -n "leaklint BASELINE" "$BASELINE --threads $threads $corpus"
fi

tokio=$(ls -d "$corpus"/tokio-1.*/src 2>/dev/null | head -n 1 || true)
if [ -n "$tokio" ]; then
    echo "== tokio's src/ alone"
    set -- -n "leaklint, tokio src/" "$bin/lint_dir --threads $threads $tokio"
    if [ -n "${BASELINE:-}" ]; then
        set -- "$@" -n "leaklint BASELINE, tokio src/" "$BASELINE --threads $threads $tokio"
    fi
    hyperfine -N --warmup 3 --runs "$((runs * 3))" --export-json "$out/tokio.json" "$@"
fi

echo "== peak memory (max RSS, KB)"
/usr/bin/time -f "leaklint: %M KB, %e s" "$bin/lint_dir" --threads "$threads" "$corpus" 2>&1 | tail -n 1
if [ -n "${BASELINE:-}" ]; then
    /usr/bin/time -f "BASELINE: %M KB, %e s" "$BASELINE" --threads "$threads" "$corpus" 2>&1 | tail -n 1
fi
echo "== medians (hyperfine JSON in $out/)"
python3 - "$out"/*.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print("%-32s median %8.3f s  (min %.3f, max %.3f, %d runs)"
              % (r["command"], r["median"], r["min"], r["max"], len(r["times"])))
PY
