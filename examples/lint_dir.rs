//! Lints every `.rs` file under the given directories through the library, the way the CLI
//! does in path mode, and prints a summary (for benchmarks; see `docs/performance.md`).
//!
//! `cargo run --release --example lint_dir -- [OPTIONS] DIR...`
//!
//! - `--threads N`: worker threads (default 0: one per core)
//! - `--no-prefilter`: parse every file, even those no enabled lint can fire in
//! - `--all-lints`: turn on the allow-by-default groups too (pedantic, restriction)
//! - `--unit-per-dir`: one unit (crate) per top-level directory of each DIR, instead of one
//!   unit per DIR (crate-wide facts are merged per unit)
//! - `--print`: print every diagnostic, one per line, sorted
//! - `--repeat N`: run N times and print each run's time (for in-process timing)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};

fn main() {
    let mut options = EngineOptions::default();
    let mut all_lints = false;
    let mut unit_per_dir = false;
    let mut print = false;
    let mut repeat = 1;
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => options.threads = args.next().and_then(|n| n.parse().ok()).unwrap(),
            "--no-prefilter" => options.prefilter = false,
            "--all-lints" => all_lints = true,
            "--unit-per-dir" => unit_per_dir = true,
            "--print" => print = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap(),
            _ => roots.push(PathBuf::from(arg)),
        }
    }
    assert!(!roots.is_empty(), "usage: lint_dir [OPTIONS] DIR...");

    let start = Instant::now();
    let mut files = Vec::new();
    let mut units = 0;
    for root in &roots {
        let mut unit_of: BTreeMap<PathBuf, usize> = BTreeMap::new();
        for path in rust_files(root) {
            let unit = if unit_per_dir {
                let top = path
                    .strip_prefix(root)
                    .ok()
                    .and_then(|p| p.components().next())
                    .map(|c| root.join(c))
                    .unwrap_or_else(|| root.clone());
                *unit_of.entry(top).or_insert_with(|| {
                    units += 1;
                    units - 1
                })
            } else {
                *unit_of.entry(root.clone()).or_insert_with(|| {
                    units += 1;
                    units - 1
                })
            };
            files.push(InputFile {
                display: path.display().to_string(),
                path,
                unit,
                package: None,
                is_test_target: false,
                levels: unit,
                named: false,
                context: false,
            });
        }
    }
    let mut levels = Levels::default();
    if all_lints {
        for group in ["leaklint::pedantic", "leaklint::restriction"] {
            levels.push(
                Selector::parse(group).unwrap(),
                Level::Warn,
                LevelSource::CommandLine,
            );
        }
    }
    let levels = vec![levels; units.max(1)];
    let walked = start.elapsed();

    for _ in 0..repeat {
        let start = Instant::now();
        let outcome = engine::run(&files, &levels, &options);
        let elapsed = start.elapsed();
        let mut per_code: BTreeMap<String, usize> = BTreeMap::new();
        for d in &outcome.diagnostics {
            *per_code.entry(d.code()).or_default() += 1;
            if print {
                let p = d.file.position(d.primary.span.start as usize);
                println!(
                    "{}:{}:{}: {}: {}",
                    d.file.display,
                    p.line,
                    p.column,
                    d.code(),
                    d.message
                );
            }
        }
        eprintln!(
            "{} files ({} units, walked in {:.3?}), {} parsed, {:.3?}: {:?}",
            outcome.files_seen, units, walked, outcome.files_parsed, elapsed, per_code
        );
    }
}

/// Every `.rs` file under `root`, sorted, symlinks not followed.
fn rust_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}
