//! `.fixed` snapshots, as clippy's ui tests have: for every `tests/ui/<lint>/NAME.rs` fixture
//! with machine-applicable suggestions, `NAME.fixed` is the fixture after `--fix`. A fixture
//! with none has no `.fixed` file. The fixed text is linted again: it must have no finding
//! left that `--fix` could fix, and exactly as many findings of the directory's lint fewer
//! as fixes were applied (so a fixture whose findings are all fixable has none left).
//!
//! Bless with: `SNAPSHOTS=overwrite cargo test --test ui_fixed`

use std::path::{Path, PathBuf};

use leaklint::config::{Config, Levels, Selector};
use leaklint::diagnostic::{Applicability, Diagnostic, Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::fix;

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

/// The lint a fixture's directory names, and the levels the ui test lints it with.
fn levels_of(path: &Path) -> (String, Levels) {
    let lint = path
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
    // The declared APIs of its `//@ config:` lines, as tests/ui.rs reads them.
    let text: String = std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("//@ config:"))
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    if !text.is_empty() {
        Config::parse("leaklint.toml", &text)
            .unwrap()
            .apply(&mut levels);
    }
    (lint.to_string(), levels)
}

fn run_lints(path: &Path, levels: &Levels) -> Vec<Diagnostic> {
    let files = [InputFile {
        path: path.to_path_buf(),
        display: path.file_name().unwrap().to_string_lossy().into_owned(),
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
    }];
    let options = EngineOptions {
        prefilter: true,
        threads: 1,
    };
    engine::run(&files, std::slice::from_ref(levels), &options).diagnostics
}

fn of_lint<'d>(diags: &'d [Diagnostic], lint: &str) -> impl Iterator<Item = &'d Diagnostic> + 'd {
    let lint = lint.to_string();
    diags
        .iter()
        .filter(move |d| d.lint().is_some_and(|l| l.name == lint))
}

fn fixable(d: &Diagnostic) -> bool {
    d.suggestions
        .iter()
        .any(|s| s.applicability == Applicability::MachineApplicable)
}

#[test]
fn fixed_snapshots() {
    let mut with_fixes = 0;
    for path in fixtures() {
        let (lint, levels) = levels_of(&path);
        let diags = run_lints(&path, &levels);
        let plans = fix::plan(&diags);
        let expected = path.with_extension("fixed");
        let Some(plan) = plans.first() else {
            assert!(
                !expected.exists(),
                "{} has no machine-applicable suggestion, but {} exists",
                path.display(),
                expected.display()
            );
            continue;
        };
        with_fixes += 1;
        assert!(
            plan.skipped.is_empty(),
            "{}: {:?}",
            path.display(),
            plan.skipped
        );
        snapbox::assert_data_eq!(
            plan.fixed.clone(),
            snapbox::Data::read_from(&expected, None).raw()
        );

        let after = engine::lint_source("fixed.rs", &plan.fixed, &levels);
        let left: Vec<&Diagnostic> = after.iter().filter(|d| fixable(d)).collect();
        assert!(
            left.is_empty(),
            "{}: still fixable after the fix: {:?}",
            expected.display(),
            left.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        assert_eq!(
            of_lint(&after, &lint).count() + plan.applied.len(),
            of_lint(&diags, &lint).count(),
            "{}: every applied fix removes one finding of `{lint}`",
            expected.display()
        );
        if of_lint(&diags, &lint).all(fixable) {
            assert_eq!(of_lint(&after, &lint).count(), 0, "{}", expected.display());
        }
    }
    assert!(with_fixes >= 2, "only {with_fixes} fixtures have fixes");
}
