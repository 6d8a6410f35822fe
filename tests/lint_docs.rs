//! Every lint document is complete, and its examples are true: the code under "Example"
//! fires the lint, the code under "Use instead" does not.

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::lints::{doc_code_blocks, doc_section, LINTS};

fn findings_of(lint: &str, code: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.rs");
    std::fs::write(&path, code).unwrap();
    let mut levels = Levels::default();
    levels.push(
        Selector::parse(lint).unwrap(),
        Level::Warn,
        LevelSource::CommandLine,
    );
    let files = [InputFile {
        path,
        display: "example.rs".into(),
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
    }];
    let outcome = engine::run(&files, &[levels], &EngineOptions::default());
    for d in &outcome.diagnostics {
        assert!(
            d.lint().is_some(),
            "example of {lint} does not parse: {}",
            d.message
        );
    }
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.lint().is_some_and(|l| l.name == lint))
        .count()
}

#[test]
fn every_lint_document_has_every_section() {
    for lint in LINTS {
        assert!(
            lint.doc.starts_with(&format!("# {}\n", lint.name)),
            "{}: title",
            lint.name
        );
        for section in [
            "What it does",
            "Why is this bad",
            "Known problems",
            "Example",
            "Use instead",
        ] {
            assert!(
                doc_section(lint.doc, section).is_some(),
                "{}: missing `## {section}`",
                lint.name
            );
        }
        assert!(
            lint.summary().ends_with('.'),
            "{}: summary `{}`",
            lint.name,
            lint.summary()
        );
    }
}

#[test]
fn examples_fire_and_alternatives_do_not() {
    for lint in LINTS {
        let example = doc_code_blocks(doc_section(lint.doc, "Example").unwrap());
        let instead = doc_code_blocks(doc_section(lint.doc, "Use instead").unwrap());
        assert!(
            !example.is_empty() && !instead.is_empty(),
            "{}: code blocks",
            lint.name
        );
        for code in &example {
            assert!(
                findings_of(lint.name, code) > 0,
                "{}: the example does not fire:\n{code}",
                lint.name
            );
        }
        for code in &instead {
            assert_eq!(
                findings_of(lint.name, code),
                0,
                "{}: `use instead` fires:\n{code}",
                lint.name
            );
        }
    }
}
