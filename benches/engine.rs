//! `cargo bench`: the engine's stages over an input that ships with the repository (the
//! `.rs` files of `src/` and `tests/ui/`: about 9,000 lines, real code with channels in the
//! fixtures). The corpus-scale benchmark is `scripts/bench-corpus.sh`; see
//! `docs/performance.md` for both and for figures.

use std::path::{Path, PathBuf};

use divan::counter::BytesCount;
use divan::Bencher;
use leaklint::config::Levels;
use leaklint::engine::prefilter::Prefilter;
use leaklint::engine::{self, nesting, EngineOptions, InputFile};

fn main() {
    divan::main();
}

fn paths() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["src", "tests/ui"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)))
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

fn texts() -> Vec<String> {
    paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

/// The byte pre-filter of the default lints over every file.
#[divan::bench]
fn prefilter(bencher: Bencher) {
    let texts = texts();
    let filter = Prefilter::new(&Levels::default());
    bencher.counter(bytes(&texts)).bench(|| {
        texts
            .iter()
            .filter(|t| filter.matches(divan::black_box(t.as_bytes())))
            .count()
    });
}

/// The nesting guard over every file.
#[divan::bench]
fn nesting_guard(bencher: Bencher) {
    let texts = texts();
    bencher.counter(bytes(&texts)).bench(|| {
        texts
            .iter()
            .map(|t| nesting::deepest(divan::black_box(t.as_bytes()), None).0)
            .max()
    });
}

/// `syn::parse_file` alone: the floor of what a parsed file costs.
#[divan::bench]
fn parse_only(bencher: Bencher) {
    let texts = texts();
    bencher.counter(bytes(&texts)).bench(|| {
        for t in &texts {
            let _ = divan::black_box(syn::parse_file(t));
            proc_macro2::extra::invalidate_current_thread_spans();
        }
    });
}

/// Parse, model, every default lint and suppressions on every file (no pre-filter).
#[divan::bench]
fn lint_source(bencher: Bencher) {
    let texts = texts();
    let levels = Levels::default();
    bencher.counter(bytes(&texts)).bench(|| {
        texts
            .iter()
            .map(|t| engine::lint_source("bench.rs", t, &levels).len())
            .sum::<usize>()
    });
}

/// The whole engine from the file system: load, pre-filter, parse, model, lints, crate
/// facts; with the pre-filter on and off, on 1 and 2 threads.
#[divan::bench(args = [(1, true), (2, true), (1, false), (2, false)])]
fn run(bencher: Bencher, (threads, prefilter): (usize, bool)) {
    let files: Vec<InputFile> = paths()
        .into_iter()
        .map(|path| InputFile {
            display: path.display().to_string(),
            path,
            unit: 0,
            package: None,
            is_test_target: false,
            levels: 0,
            named: false,
        })
        .collect();
    let levels = [Levels::default()];
    let options = EngineOptions { prefilter, threads };
    bencher.bench(|| engine::run(&files, &levels, &options).diagnostics.len());
}
