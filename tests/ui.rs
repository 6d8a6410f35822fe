//! UI tests: every `tests/ui/<lint>/*.rs` fixture is linted and its human output compared
//! with the `.stderr` file beside it. The lint named by the directory is turned on at
//! `warn` at least, so that allow-by-default lints can be tested too.
//!
//! Bless (rewrite the expected files) with: `SNAPSHOTS=overwrite cargo test --test ui`

use std::path::{Path, PathBuf};

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::report::{self, Format, ReportOptions};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

/// Lints one fixture the way the CLI would in path mode, and renders it as `human`.
pub fn render(path: &Path, prefilter: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lint_dir = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let mut levels = Levels::default();
    if let Ok(selector) = Selector::parse(lint_dir) {
        if let Selector::Lint(lint) = &selector {
            if lint.default_level() == Level::Allow {
                levels.push(selector, Level::Warn, LevelSource::CommandLine);
            }
        }
    }
    let display = path
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let files = [InputFile {
        path: path.to_path_buf(),
        display,
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
    }];
    let options = EngineOptions {
        prefilter,
        threads: 1,
    };
    let outcome = engine::run(&files, &[levels], &options);
    let mut out = Vec::new();
    let report = ReportOptions::new(Format::Human);
    report::write(&mut out, &outcome.diagnostics, &report).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn ui() {
    let files = fixtures();
    assert!(!files.is_empty(), "no fixtures found");
    for path in files {
        let actual = render(&path, true);
        let expected = path.with_extension("stderr");
        snapbox::assert_data_eq!(actual, snapbox::Data::read_from(&expected, None).raw());
    }
}

/// The pre-filter only skips work: with it off, every fixture gives the same output.
#[test]
fn prefilter_changes_nothing() {
    for path in fixtures() {
        assert_eq!(
            render(&path, true),
            render(&path, false),
            "{}",
            path.display()
        );
    }
}
