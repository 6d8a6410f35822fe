//! UI tests, compiletest style.
//!
//! A fixture is either one file, `tests/ui/LINT/NAME.rs`, or a directory holding a small
//! crate, `tests/ui/LINT/NAME/` (its `.rs` files, e.g. `src/lib.rs` and `src/worker.rs`, are
//! linted together as one crate, so crate-wide facts cross its files). Each fixture is
//! linted with **only** the lint named by its directory enabled (at its default level, or
//! `warn` if it is allow-by-default), so that a new lint cannot change another lint's
//! fixtures. A fixture that needs more lints names them in a header line:
//!
//! ```text
//! //@ lints: receiver_dropped, recv_without_sender
//! ```
//!
//! A fixture that needs declared APIs gives its `leaklint.toml` in `//@ config:` lines (one
//! TOML line each, joined in order), as a project would:
//!
//! ```text
//! //@ config: [apis]
//! //@ config: spawn = ["crate::util::spawn_named"]
//! ```
//!
//! Two checks per fixture:
//!
//! 1. **Annotations.** Every expected diagnostic is written in the fixture at the end of the
//!    line where its primary span starts: `//~ WARN lint_name` (warn level) or
//!    `//~ ERROR lint_name` (deny level, and tool errors such as `syntax_error`);
//!    `//~^ WARN lint_name` points at the line above, `//~^^` two lines above, and so on.
//!    Several annotations may share a line. The multiset of (file, line, level, lint) of the
//!    actual diagnostics must equal the annotated one, whatever the `.stderr` says. A fixture
//!    named `positive*` must expect at least one diagnostic of its lint, one named
//!    `negative*` none.
//! 2. **Snapshot.** The human output equals `NAME.stderr` (beside the file, or inside the
//!    fixture directory). Bless with `SNAPSHOTS=overwrite cargo test --test ui`, then read
//!    every changed `.stderr`: blessing cannot hide a wrong finding, check 1 still fails.

use std::path::{Path, PathBuf};

use leaklint::config::{Config, Levels, Selector};
use leaklint::diagnostic::{Diagnostic, Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::lints::{self, Lint, LINTS};
use leaklint::report::{self, Format, ReportOptions};

/// One fixture: a file, or a directory linted as one crate.
#[derive(Debug)]
struct Fixture {
    /// The lint named by the fixture's directory under `tests/ui/`.
    lint: &'static Lint,
    /// Its `.rs` files, sorted.
    files: Vec<PathBuf>,
    /// The expected human output.
    stderr: PathBuf,
    /// The file or directory name without extension (`positive`, `cross_file`).
    name: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rs_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

fn fixtures() -> Vec<Fixture> {
    let ui = root().join("tests/ui");
    let mut out = Vec::new();
    let mut lint_dirs: Vec<PathBuf> = std::fs::read_dir(&ui)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    lint_dirs.sort();
    for dir in lint_dirs {
        let dir_name = dir.file_name().unwrap().to_str().unwrap();
        let lint = lints::find(dir_name)
            .unwrap_or_else(|| panic!("tests/ui/{dir_name}: not the name of a lint"));
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_stem().unwrap().to_str().unwrap().to_string();
            if entry.is_dir() {
                let files = rs_files(&entry);
                assert!(!files.is_empty(), "{}: no .rs file", entry.display());
                out.push(Fixture {
                    lint,
                    files,
                    stderr: entry.join(format!("{name}.stderr")),
                    name,
                });
            } else if entry.extension().is_some_and(|e| e == "rs") {
                out.push(Fixture {
                    lint,
                    stderr: entry.with_extension("stderr"),
                    files: vec![entry],
                    name,
                });
            }
        }
    }
    out
}

fn display(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The lints a fixture enables: its directory's, plus those of its `//@ lints:` lines.
fn enabled_lints(fixture: &Fixture) -> Vec<&'static Lint> {
    let mut enabled = vec![fixture.lint];
    for file in &fixture.files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let Some(list) = line.trim().strip_prefix("//@ lints:") else {
                continue;
            };
            for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let lint = lints::find(name)
                    .unwrap_or_else(|| panic!("{}: unknown lint `{name}`", file.display()));
                enabled.push(lint);
            }
        }
    }
    enabled
}

/// The configuration of a fixture's `//@ config:` lines, if it has any.
fn fixture_config(fixture: &Fixture) -> Option<Config> {
    let mut text = String::new();
    for file in &fixture.files {
        let source = std::fs::read_to_string(file).unwrap();
        for line in source.lines() {
            if let Some(toml) = line.trim().strip_prefix("//@ config:") {
                text.push_str(toml.trim());
                text.push('\n');
            }
        }
    }
    (!text.is_empty()).then(|| {
        Config::parse("leaklint.toml", &text)
            .unwrap_or_else(|e| panic!("{:?}: bad `//@ config:` lines: {e:?}", fixture.name))
    })
}

/// Every lint off but `enabled`; those keep their default level (so the "on by default" note
/// is what users see), or get `warn` if they are allow-by-default.
fn levels_for(enabled: &[&'static Lint]) -> Levels {
    let mut levels = Levels::default();
    for lint in LINTS {
        let wanted = enabled.iter().any(|l| l.name == lint.name);
        let level = match (wanted, lint.default_level()) {
            (false, _) => Level::Allow,
            (true, Level::Allow) => Level::Warn,
            (true, _) => continue,
        };
        levels.push(Selector::Lint(lint), level, LevelSource::CommandLine);
    }
    levels
}

/// Lints one fixture the way the CLI would in path mode (its files as one crate).
fn run(fixture: &Fixture, prefilter: bool) -> Vec<Diagnostic> {
    let files: Vec<InputFile> = fixture
        .files
        .iter()
        .map(|path| InputFile::new(path.clone(), display(path)))
        .collect();
    let options = EngineOptions {
        prefilter,
        threads: 1,
    };
    let mut levels = levels_for(&enabled_lints(fixture));
    if let Some(config) = fixture_config(fixture) {
        config.apply(&mut levels);
    }
    engine::run(&files, &[levels], &options).diagnostics
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    report::write(&mut out, diagnostics, &ReportOptions::new(Format::Human)).unwrap();
    String::from_utf8(out).unwrap()
}

/// An expected or actual diagnostic: (file, line, level, lint or tool code).
type Expected = (String, usize, &'static str, String);

/// The `//~` annotations of one file's text. Panics on a malformed annotation.
fn annotations(display: &str, text: &str) -> Vec<Expected> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for part in line.split("//~").skip(1) {
            let carets = part.len() - part.trim_start_matches('^').len();
            let mut words = part[carets..].split_whitespace();
            let level = match words.next() {
                Some("ERROR") => "ERROR",
                Some("WARN") => "WARN",
                other => panic!(
                    "{display}:{}: `//~` must be followed by ERROR or WARN, not {other:?}",
                    index + 1
                ),
            };
            let lint = words
                .next()
                .unwrap_or_else(|| panic!("{display}:{}: `//~ {level}` names no lint", index + 1));
            assert!(
                index >= carets,
                "{display}:{}: `^` points above the file",
                index + 1
            );
            out.push((display.to_string(), index + 1 - carets, level, lint.into()));
        }
    }
    out
}

fn actual(diagnostics: &[Diagnostic]) -> Vec<Expected> {
    diagnostics
        .iter()
        .map(|d| {
            let level = if d.is_deny() { "ERROR" } else { "WARN" };
            let line = d.file.position(d.primary.span.start as usize).line;
            let code = d.code();
            let name = code.strip_prefix("leaklint::").unwrap_or(&code).to_string();
            (d.file.display.clone(), line, level, name)
        })
        .collect()
}

fn show(list: &[Expected]) -> String {
    list.iter()
        .map(|(file, line, level, lint)| format!("\n    {file}:{line}: {level} {lint}"))
        .collect()
}

/// Check 1 for one fixture: `Err` describes the difference.
fn check_annotations(fixture: &Fixture, diagnostics: &[Diagnostic]) -> Result<(), String> {
    let expected: Vec<Expected> = fixture
        .files
        .iter()
        .flat_map(|f| annotations(&display(f), &std::fs::read_to_string(f).unwrap()))
        .collect();
    let where_ = display(&fixture.files[0]);
    compare(
        &fixture.name,
        fixture.lint,
        &where_,
        expected,
        actual(diagnostics),
    )
}

/// Compares annotated and found diagnostics of a fixture called `name` in `lint`'s directory.
fn compare(
    name: &str,
    lint: &Lint,
    where_: &str,
    mut expected: Vec<Expected>,
    mut found: Vec<Expected>,
) -> Result<(), String> {
    let own = expected.iter().filter(|e| e.3 == lint.name).count();
    if name.starts_with("positive") && own == 0 {
        return Err(format!(
            "{where_}: a positive fixture must annotate at least one `{}`",
            lint.name
        ));
    }
    if name.starts_with("negative") && own > 0 {
        return Err(format!(
            "{where_}: a negative fixture must not expect `{}`",
            lint.name
        ));
    }
    expected.sort();
    found.sort();
    if expected == found {
        return Ok(());
    }
    let missing: Vec<Expected> = expected
        .iter()
        .filter(|e| !found.contains(e))
        .cloned()
        .collect();
    let unexpected: Vec<Expected> = found
        .iter()
        .filter(|e| !expected.contains(e))
        .cloned()
        .collect();
    Err(format!(
        "{where_}: findings differ from the `//~` annotations\n  annotated but not found:{}\n  found but not annotated:{}\n  (annotated: {}, found: {})",
        show(&missing),
        show(&unexpected),
        expected.len(),
        found.len()
    ))
}

#[test]
fn findings_match_the_annotations() {
    let fixtures = fixtures();
    assert!(
        fixtures.len() > 20,
        "only {} fixtures found",
        fixtures.len()
    );
    let errors: Vec<String> = fixtures
        .iter()
        .filter_map(|f| check_annotations(f, &run(f, true)).err())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn ui() {
    for fixture in fixtures() {
        let actual = render(&run(&fixture, true));
        snapbox::assert_data_eq!(
            actual,
            snapbox::Data::read_from(&fixture.stderr, None).raw()
        );
    }
}

/// The pre-filter only skips work: with it off, every fixture gives the same output.
#[test]
fn prefilter_changes_nothing() {
    for fixture in fixtures() {
        assert_eq!(
            render(&run(&fixture, true)),
            render(&run(&fixture, false)),
            "{}",
            fixture.stderr.display()
        );
    }
}

/// The annotation parser itself: carets, several per line, levels.
#[test]
fn annotations_parse() {
    let text = "a //~ WARN x\nb\nc //~^ ERROR y //~ WARN z\n//~^^^ WARN w\n";
    let got = annotations("f.rs", text);
    let at = |line, level, lint: &str| ("f.rs".to_string(), line, level, lint.to_string());
    assert_eq!(
        got,
        vec![
            at(1, "WARN", "x"),
            at(2, "ERROR", "y"),
            at(3, "WARN", "z"),
            at(1, "WARN", "w")
        ]
    );
    assert!(std::panic::catch_unwind(|| annotations("f.rs", "//~ NOTE x")).is_err());
    assert!(std::panic::catch_unwind(|| annotations("f.rs", "//~^ WARN x")).is_err());
}

/// The guard of check 1 is real: a finding blessed into a `.stderr` but not annotated fails,
/// and so do a lost finding, a wrong line or level, and a positive fixture with no annotation.
#[test]
fn the_annotation_check_can_fail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("negative.rs");
    let text =
        "fn f() {\n    let (tx, _) = std::sync::mpsc::channel::<u8>();\n    tx.send(1).unwrap();\n}\n";
    std::fs::write(&path, text).unwrap();
    let lint = lints::find("receiver_dropped").unwrap();
    let files = [InputFile::new(path, "negative.rs")];
    let options = EngineOptions::default();
    let found = actual(&engine::run(&files, &[levels_for(&[lint])], &options).diagnostics);
    let at = |line, level| {
        vec![(
            "negative.rs".to_string(),
            line,
            level,
            lint.name.to_string(),
        )]
    };
    assert_eq!(found, at(2, "WARN"));
    let check = |name, expected| compare(name, lint, "negative.rs", expected, found.clone());
    assert!(check("negative", vec![]).is_err());
    assert!(check("other", vec![]).is_err());
    assert!(check("other", at(3, "WARN")).is_err());
    assert!(check("other", at(2, "ERROR")).is_err());
    assert!(check("negative", at(2, "WARN")).is_err());
    assert!(check("other", at(2, "WARN")).is_ok());
    assert!(check("positive", at(2, "WARN")).is_ok());
    assert!(compare("positive", lint, "p.rs", vec![], vec![]).is_err());
    // Every other lint is off: the sender's `send` is no finding of `unbounded_channel`.
    let all = engine::run(&files, &[Levels::default()], &options).diagnostics;
    assert_eq!(all.len(), 1);
}
