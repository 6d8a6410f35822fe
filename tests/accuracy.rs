//! Published accuracy: every case of the labeled set in `tests/accuracy/` is linted, and the
//! per-lint figures (cases, detected, false positives, known misses) are compared with those
//! recorded in `docs/accuracy.md`.
//!
//! A case is a directory with `leak.rs` (the leaky version, rewritten from a public bug report
//! or fix) and `fixed.rs` (the fixed version). `leak.rs` starts with comment lines:
//!
//! ```text
//! // source: https://github.com/OWNER/REPO/pull/N
//! // expect: LINT
//! // expect: LINT (known miss: why the lint cannot see it yet)
//! // expect: none (known miss: why no lint covers it)
//! ```
//!
//! Each file is linted with the default levels and the expected lint turned on. Recall: the
//! leaky versions flagged by their expected lint. Precision: a finding of a lint on a fixed
//! version is a false positive of that lint. The test fails when a lint detects fewer cases or
//! has more false positives than recorded, when a case is missed without a `known miss`
//! reason, or when the set changed without the figures being recorded again. Record them
//! with `LEAKLINT_BLESS=1 cargo test --test accuracy`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::lints::LINTS;

const TABLE_START: &str = "<!-- accuracy:start -->";
const TABLE_END: &str = "<!-- accuracy:end -->";
const CASES_START: &str = "<!-- cases:start -->";
const CASES_END: &str = "<!-- cases:end -->";
/// The row of the cases no lint is meant for.
const NONE: &str = "none";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One labeled case.
struct Case {
    name: String,
    dir: PathBuf,
    source: String,
    /// The lint that should flag the leaky version, or `none`.
    expect: String,
    /// Why the expected lint misses it today, when it does.
    known_miss: Option<String>,
}

/// What linting one case found.
struct Outcome {
    /// The expected lint flags the leaky version.
    detected: bool,
    /// Lints that flag the fixed version.
    false_positives: Vec<String>,
}

fn parse_case(dir: &Path) -> Case {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(dir.join("leak.rs"))
        .unwrap_or_else(|e| panic!("{name}/leak.rs: {e}"));
    assert!(dir.join("fixed.rs").is_file(), "{name}: no fixed.rs");
    let header = |key: &str| {
        text.lines()
            .take_while(|l| l.starts_with("//"))
            .find_map(|l| l.strip_prefix(&format!("// {key}: ")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("{name}/leak.rs: no `// {key}:` header line"))
            .to_string()
    };
    let source = header("source");
    assert!(
        source.starts_with("https://github.com/"),
        "{name}: the source must be a GitHub issue or pull request: {source}"
    );
    let expect_line = header("expect");
    let (expect, known_miss) = match expect_line.split_once(" (known miss: ") {
        Some((lint, why)) => (
            lint.trim().to_string(),
            Some(
                why.strip_suffix(')')
                    .unwrap_or_else(|| panic!("{name}: unclosed `(known miss: ..)`"))
                    .to_string(),
            ),
        ),
        None => (expect_line.clone(), None),
    };
    assert!(
        expect == NONE || LINTS.iter().any(|l| l.name == expect),
        "{name}: unknown lint `{expect}`"
    );
    assert!(
        expect != NONE || known_miss.is_some(),
        "{name}: `expect: none` needs a `(known miss: why)`"
    );
    Case {
        name,
        dir: dir.to_path_buf(),
        source,
        expect,
        known_miss,
    }
}

fn cases() -> Vec<Case> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/accuracy"))
        .expect("tests/accuracy")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| parse_case(d)).collect()
}

/// The names of the lints that flag `path`, linted with the default levels and `expect` on.
fn lints_flagging(path: &Path, expect: &str) -> Vec<String> {
    let mut levels = Levels::default();
    if let Ok(selector @ Selector::Lint(_)) = Selector::parse(expect) {
        levels.push(selector, Level::Warn, LevelSource::CommandLine);
    }
    let files = [InputFile {
        path: path.to_path_buf(),
        display: path.display().to_string(),
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
        context: false,
    }];
    let options = EngineOptions {
        prefilter: true,
        threads: 1,
    };
    let outcome = engine::run(&files, &[levels], &options);
    let mut names: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| match d.lint() {
            Some(lint) => lint.name.to_string(),
            None => panic!("{}: {}", path.display(), d.message),
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

fn run(case: &Case) -> Outcome {
    let leak = lints_flagging(&case.dir.join("leak.rs"), &case.expect);
    Outcome {
        detected: leak.contains(&case.expect),
        false_positives: lints_flagging(&case.dir.join("fixed.rs"), &case.expect),
    }
}

/// Per lint (registry order, then `none`): cases, detected, false positives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Figures {
    cases: usize,
    detected: usize,
    false_positives: usize,
}

fn figures(cases: &[Case], outcomes: &[Outcome]) -> Vec<(String, Figures)> {
    let mut rows: Vec<(String, Figures)> = LINTS
        .iter()
        .map(|l| (l.name.to_string(), Figures::default()))
        .collect();
    rows.push((NONE.to_string(), Figures::default()));
    for (case, outcome) in cases.iter().zip(outcomes) {
        let row = &mut rows.iter_mut().find(|(n, _)| *n == case.expect).unwrap().1;
        row.cases += 1;
        row.detected += usize::from(outcome.detected);
        for lint in &outcome.false_positives {
            rows.iter_mut()
                .find(|(n, _)| n == lint)
                .unwrap()
                .1
                .false_positives += 1;
        }
    }
    rows.retain(|(_, f)| f.cases > 0 || f.false_positives > 0);
    rows
}

fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.0} %", 100.0 * part as f64 / whole as f64)
    }
}

fn table(rows: &[(String, Figures)]) -> String {
    let mut out = String::from(
        "| Lint | Cases | Detected | Recall | False positives | Precision | Known misses |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut total = Figures::default();
    for (name, f) in rows {
        let lint = if name == NONE {
            "none (no lint yet)".to_string()
        } else {
            format!("`{name}`")
        };
        out.push_str(&format!(
            "| {lint} | {} | {} | {} | {} | {} | {} |\n",
            f.cases,
            f.detected,
            ratio(f.detected, f.cases),
            f.false_positives,
            ratio(f.detected, f.detected + f.false_positives),
            f.cases - f.detected,
        ));
        total.cases += f.cases;
        total.detected += f.detected;
        total.false_positives += f.false_positives;
    }
    out.push_str(&format!(
        "| **all** | {} | {} | {} | {} | {} | {} |\n",
        total.cases,
        total.detected,
        ratio(total.detected, total.cases),
        total.false_positives,
        ratio(total.detected, total.detected + total.false_positives),
        total.cases - total.detected,
    ));
    out
}

fn case_list(cases: &[Case], outcomes: &[Outcome]) -> String {
    let mut out = String::from(
        "| Case | Source | Expected | Leaky version | Fixed version |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for (case, outcome) in cases.iter().zip(outcomes) {
        let leak = if outcome.detected {
            "detected".to_string()
        } else {
            format!(
                "missed: {}",
                case.known_miss.as_deref().unwrap_or("(no reason given)")
            )
        };
        let fixed = if outcome.false_positives.is_empty() {
            "silent".to_string()
        } else {
            format!("flagged by {}", outcome.false_positives.join(", "))
        };
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {leak} | {fixed} |\n",
            case.name, case.source, case.expect
        ));
    }
    out
}

/// The recorded figures: the table of `docs/accuracy.md`, by lint.
fn recorded(doc: &str) -> BTreeMap<String, Figures> {
    let table = between(doc, TABLE_START, TABLE_END).expect("the accuracy table markers");
    let mut rows = BTreeMap::new();
    for line in table.lines().skip(2) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 8 || cells[1] == "**all**" {
            continue;
        }
        let name = if cells[1].starts_with("none") {
            NONE.to_string()
        } else {
            cells[1].trim_matches('`').to_string()
        };
        let number = |i: usize| {
            cells[i]
                .parse::<usize>()
                .unwrap_or_else(|_| panic!("{line}"))
        };
        rows.insert(
            name,
            Figures {
                cases: number(2),
                detected: number(3),
                false_positives: number(5),
            },
        );
    }
    rows
}

fn between<'d>(doc: &'d str, start: &str, end: &str) -> Option<&'d str> {
    let from = doc.find(start)? + start.len();
    let to = doc[from..].find(end)? + from;
    Some(doc[from..to].trim_matches('\n'))
}

fn replace_between(doc: &str, start: &str, end: &str, body: &str) -> String {
    let from = doc.find(start).expect("start marker") + start.len();
    let to = doc[from..].find(end).expect("end marker") + from;
    format!("{}\n{}\n{}", &doc[..from], body.trim_end(), &doc[to..])
}

#[test]
fn accuracy_does_not_drop_below_the_recorded_figures() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let outcomes: Vec<Outcome> = cases.iter().map(run).collect();
    let rows = figures(&cases, &outcomes);
    let table = table(&rows);
    println!("{table}");

    let doc_path = root().join("docs/accuracy.md");
    let doc = std::fs::read_to_string(&doc_path).expect("docs/accuracy.md");
    if std::env::var_os("LEAKLINT_BLESS").is_some() {
        let doc = replace_between(&doc, TABLE_START, TABLE_END, &table);
        let doc = replace_between(&doc, CASES_START, CASES_END, &case_list(&cases, &outcomes));
        std::fs::write(&doc_path, doc).unwrap();
        return;
    }

    let mut failures = Vec::new();
    for (case, outcome) in cases.iter().zip(&outcomes) {
        if !outcome.detected && case.known_miss.is_none() {
            failures.push(format!(
                "{}: `{}` does not flag the leaky version, and the case gives no `known miss` reason",
                case.name, case.expect
            ));
        }
        if outcome.detected && case.known_miss.is_some() {
            println!(
                "note: {} is now detected by `{}`: drop its `known miss` reason",
                case.name, case.expect
            );
        }
    }
    let recorded = recorded(&doc);
    for (name, now) in &rows {
        let Some(then) = recorded.get(name) else {
            failures.push(format!("`{name}` has no row in docs/accuracy.md"));
            continue;
        };
        if now.detected < then.detected {
            failures.push(format!(
                "`{name}` detects {} cases, {} recorded: recall dropped",
                now.detected, then.detected
            ));
        }
        if now.false_positives > then.false_positives {
            failures.push(format!(
                "`{name}` flags {} fixed versions, {} recorded: precision dropped",
                now.false_positives, then.false_positives
            ));
        }
        if now.cases != then.cases {
            failures.push(format!(
                "`{name}` has {} cases, {} recorded",
                now.cases, then.cases
            ));
        }
        if now.detected > then.detected || now.false_positives < then.false_positives {
            println!("note: `{name}` does better than recorded: raise the figures");
        }
    }
    for name in recorded.keys() {
        if !rows.iter().any(|(n, _)| n == name) {
            failures.push(format!("`{name}` is recorded but has no case any more"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(record new figures with `LEAKLINT_BLESS=1 cargo test --test accuracy`)",
        failures.join("\n")
    );
}
