//! UI tests of small crates: every `tests/ui_crates/<lint>/<case>/` directory is linted as
//! one crate (all its `.rs` files in one unit, as `cargo leaklint` would) and its human
//! output compared with `<case>.stderr` beside it. The lint named by the directory is on at
//! `warn` at least. Cases that cross files, modules and helpers live here.
//!
//! Bless with: `SNAPSHOTS=overwrite cargo test --test ui_crates`

use std::path::{Path, PathBuf};

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::report::{self, Format, ReportOptions};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui_crates");
    let mut cases = Vec::new();
    for lint in std::fs::read_dir(&root).unwrap().flatten() {
        for case in std::fs::read_dir(lint.path()).unwrap().flatten() {
            if case.path().is_dir() {
                cases.push(case.path());
            }
        }
    }
    cases.sort();
    cases
}

fn render(case: &Path, prefilter: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lint = case
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let mut levels = Levels::default();
    if let Ok(selector @ Selector::Lint(l)) = Selector::parse(lint) {
        if l.default_level() == Level::Allow {
            levels.push(selector, Level::Warn, LevelSource::CommandLine);
        }
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(case)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    paths.sort();
    let files: Vec<InputFile> = paths
        .iter()
        .map(|p| InputFile {
            path: p.clone(),
            display: p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            unit: 0,
            package: None,
            is_test_target: false,
            levels: 0,
            named: false,
        })
        .collect();
    let options = EngineOptions {
        prefilter,
        threads: 2,
    };
    let outcome = engine::run(&files, &[levels], &options);
    let mut out = Vec::new();
    report::write(
        &mut out,
        &outcome.diagnostics,
        &ReportOptions::new(Format::Human),
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn ui_crates() {
    let cases = cases();
    assert!(!cases.is_empty(), "no crate cases found");
    for case in cases {
        let actual = render(&case, true);
        let expected = case.with_extension("stderr");
        snapbox::assert_data_eq!(actual, snapbox::Data::read_from(&expected, None).raw());
    }
}

/// Files the pre-filter skips are reached when a seed needs them: with it off, every case
/// gives the same output.
#[test]
fn prefilter_changes_nothing_across_files() {
    for case in cases() {
        assert_eq!(
            render(&case, true),
            render(&case, false),
            "{}",
            case.display()
        );
    }
}

/// Every `//~ WARN lint` / `//~ ERROR lint` annotation of a case is a finding of that lint
/// starting on that line, and every finding of the case's lint is annotated.
#[test]
fn annotations_match_findings() {
    for case in cases() {
        let lint = case
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let output = render(&case, true);
        let mut found: Vec<String> = output
            .lines()
            .zip(output.lines().skip(1))
            .filter(|(head, _)| head.contains(&format!("[leaklint::{lint}]")))
            .filter_map(|(_, at)| at.trim_start().strip_prefix("--> "))
            .map(|at| at.rsplit_once(':').unwrap().0.to_string())
            .collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut expected = Vec::new();
        for entry in walkdir::WalkDir::new(&case).into_iter().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let display = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .to_string();
            for (i, line) in text.lines().enumerate() {
                if line.contains(&format!("//~ WARN {lint}"))
                    || line.contains(&format!("//~ ERROR {lint}"))
                {
                    expected.push(format!("{display}:{}", i + 1));
                }
            }
        }
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{}", case.display());
    }
}
