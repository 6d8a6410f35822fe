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

/// Counts allocations, so that divan reports bytes allocated per iteration beside the time:
/// with the items counters below, memory per function or per file can be read off.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

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
            context: false,
        })
        .collect();
    let levels = [Levels::default()];
    let options = EngineOptions { prefilter, threads };
    bencher.bench(|| engine::run(&files, &levels, &options).diagnostics.len());
}

/// A generated file of `n` small functions, each making, using and dropping a channel.
fn many_functions(n: usize) -> String {
    let mut text = String::from("use std::sync::mpsc;\n");
    for i in 0..n {
        text.push_str(&format!(
            "fn f{i}() {{\n    let (tx, rx) = mpsc::channel::<u32>();\n    \
             tx.send({i}).unwrap();\n    let _ = rx.recv();\n    drop(tx);\n}}\n"
        ));
    }
    text
}

/// Parse, model and lint one file of N small functions: the time per function (divan's
/// items/s) must stay flat as N grows. Name resolution used to scan every item of the file
/// for each path, which made this quadratic (see `docs/performance.md`).
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 3, sample_size = 1)]
fn functions_per_file(bencher: Bencher, n: usize) {
    let text = many_functions(n);
    let levels = Levels::default();
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| engine::lint_source("many.rs", divan::black_box(&text), &levels).len());
}

/// A crate of `n` files under `src/` (a `lib.rs` declaring them), each with a few small
/// functions making, using and dropping a channel, one spawning a worker defined in the
/// next file: the per-file cost of the crate-wide model (index, reach rounds) must stay
/// flat as the crate grows.
fn many_files(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let mut lib = String::new();
    for i in 0..n {
        lib.push_str(&format!("pub mod m{i};\n"));
        let next = (i + 1) % n;
        let text = format!(
            "use std::sync::mpsc;\n\npub fn make{i}() {{\n    let (tx, rx) = mpsc::channel::<u32>();\n    \
             tx.send({i}).unwrap();\n    let _ = rx.recv();\n}}\n\npub fn start{i}() {{\n    \
             let h = std::thread::spawn(crate::m{next}::work{next});\n    h.join().unwrap();\n}}\n\n\
             pub fn work{i}() {{\n    let _ = {i} + 1;\n}}\n\npub struct S{i} {{\n    pub tx: mpsc::Sender<u32>,\n}}\n"
        );
        std::fs::write(src.join(format!("m{i}.rs")), text).unwrap();
    }
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    dir
}

/// The whole engine over a crate of N files, 1 thread: divan's items/s is files per second,
/// which must stay flat as N grows.
#[divan::bench(args = [100, 1_000, 4_000], sample_count = 3, sample_size = 1)]
fn files_per_crate(bencher: Bencher, n: usize) {
    let dir = many_files(n);
    let files: Vec<InputFile> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| InputFile::new(p.clone(), p.display().to_string()))
        .collect();
    let levels = [Levels::default()];
    let options = EngineOptions {
        prefilter: true,
        threads: 1,
    };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| engine::run(&files, &levels, &options).files_parsed);
}
