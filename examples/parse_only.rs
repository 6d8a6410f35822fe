//! The baseline leaklint is measured against: reads every `.rs` file under the given
//! directories and runs `syn::parse_file` on each, on the same kind of thread pool as the
//! engine (see `docs/performance.md`). Nothing else: no model, no lints.
//!
//! `cargo run --release --example parse_only -- [--threads N] [--read-only] DIR...`

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let mut threads = 0;
    let mut read_only = false;
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => threads = args.next().and_then(|n| n.parse().ok()).unwrap(),
            "--read-only" => read_only = true,
            _ => roots.push(PathBuf::from(arg)),
        }
    }
    assert!(
        !roots.is_empty(),
        "usage: parse_only [--threads N] [--read-only] DIR..."
    );
    let files: Vec<PathBuf> = roots.iter().flat_map(|r| rust_files(r)).collect();
    let start = Instant::now();
    let bytes = AtomicUsize::new(0);
    let errors = AtomicUsize::new(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(256 * 1024 * 1024)
        .build()
        .unwrap();
    pool.install(|| {
        files.par_iter().for_each(|path| {
            let Ok(text) = std::fs::read(path) else {
                errors.fetch_add(1, Ordering::Relaxed);
                return;
            };
            bytes.fetch_add(text.len(), Ordering::Relaxed);
            if read_only {
                return;
            }
            let text = String::from_utf8_lossy(&text);
            if syn::parse_file(&text).is_err() {
                errors.fetch_add(1, Ordering::Relaxed);
            }
            proc_macro2::extra::invalidate_current_thread_spans();
        })
    });
    eprintln!(
        "{} files, {} MB, {} errors, {}: {:.3?}",
        files.len(),
        bytes.load(Ordering::Relaxed) >> 20,
        errors.load(Ordering::Relaxed),
        if read_only { "read" } else { "read + parsed" },
        start.elapsed()
    );
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
