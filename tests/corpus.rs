//! Runs every lint over the real-world corpus made by `../shared/corpus/make-corpus.sh`
//! (or any tree named by `LEAKLINT_CORPUS`) and fails on a panic inside leaklint.
//! Ignored by default (it needs the corpus):
//!
//! `LEAKLINT_CORPUS=target/leaklint-corpus/vendor cargo test --release --test corpus -- --ignored --nocapture`
//!
//! Set `LEAKLINT_CORPUS_OUT=findings.txt` to write every finding, one per line, for review.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource, Origin};
use leaklint::engine::{self, EngineOptions, InputFile};

#[test]
#[ignore = "needs the corpus: set LEAKLINT_CORPUS"]
fn corpus_has_no_panic() {
    let root = PathBuf::from(std::env::var("LEAKLINT_CORPUS").expect("set LEAKLINT_CORPUS"));
    let files: Vec<InputFile> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| InputFile {
            display: e
                .path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            path: e.into_path(),
            unit: 0,
            package: None,
        })
        .collect();
    assert!(!files.is_empty(), "no .rs files under {}", root.display());
    // Every lint on, so that allow-by-default lints are exercised too.
    let mut levels = Levels::default();
    levels.push(
        Selector::parse("leaklint::pedantic").unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    levels.push(
        Selector::parse("leaklint::restriction").unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    let start = std::time::Instant::now();
    let outcome = engine::run(&files, &[levels], &EngineOptions::default());
    let elapsed = start.elapsed();
    let mut per_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Option<Box<dyn Write>> = std::env::var("LEAKLINT_CORPUS_OUT")
        .ok()
        .map(|p| Box::new(std::fs::File::create(p).unwrap()) as Box<dyn Write>);
    let mut panics = Vec::new();
    for d in &outcome.diagnostics {
        *per_code.entry(d.code()).or_default() += 1;
        if let Origin::Tool {
            code: "internal_error",
        } = d.origin
        {
            panics.push(format!("{}: {}", d.file.display, d.message));
        }
        if let Some(out) = out.as_mut() {
            let p = d.file.position(d.primary.span.start as usize);
            writeln!(
                out,
                "{}:{}:{}: {}: {}",
                d.file.display,
                p.line,
                p.column,
                d.code(),
                d.message
            )
            .unwrap();
        }
    }
    eprintln!(
        "{} files, {} parsed, {:.2?}; findings per code: {per_code:#?}",
        outcome.files_seen, outcome.files_parsed, elapsed
    );
    assert!(
        panics.is_empty(),
        "leaklint panicked on:\n{}",
        panics.join("\n")
    );
}
