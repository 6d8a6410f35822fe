//! Every lint document is complete, and its examples are true: the code under "Example"
//! fires the lint at the lines [`EXPECTED_AT`] names, the code under "Use instead" does not.

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, EngineOptions, InputFile};
use leaklint::lints::{doc_code_blocks, doc_section, LINTS};

/// Per lint, the lines of its "Example" where its findings start (each the start of the
/// trimmed line, one entry per finding), so that an example firing somewhere else fails.
/// A new lint adds its entry here.
const EXPECTED_AT: &[(&str, &[&str])] = &[
    ("detached_infinite_loop", &["std::thread::spawn(|| loop {"]),
    ("detached_spawn_in_loop", &["std::thread::spawn(move ||"]),
    ("forgotten_handle", &["std::mem::forget(tx.clone());"]),
    ("join_handle_in_cancellable_future", &["work.await.ok()"]),
    (
        "missing_timeout",
        &[
            "let mut stream = TcpStream::connect(",
            "stream.read_to_end(&mut buf)",
        ],
    ),
    ("parked_reply_sender", &["rx.await.unwrap()"]),
    (
        "receiver_dropped",
        &["let (tx, _) = mpsc::channel::<u32>();"],
    ),
    (
        "receiver_never_read",
        &["let (tx, _rx) = mpsc::sync_channel::<u32>(1);"],
    ),
    ("recv_without_sender", &["let v = rx.recv();"]),
    ("sender_alive_in_recv_loop", &["for v in rx {"]),
    (
        "token_never_cancelled",
        &["let token = CancellationToken::new();"],
    ),
    ("unaborted_race", &["let first = rx.recv().unwrap();"]),
    (
        "unbounded_channel",
        &["let (tx, rx) = std::sync::mpsc::channel::<u32>();"],
    ),
    (
        "unused_suppression",
        &["// leaklint:allow(receiver_dropped)"],
    ),
];

/// The trimmed source lines where `lint`'s findings in `code` start.
fn findings_of(lint: &str, code: &str) -> Vec<String> {
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
        context: false,
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
        .map(|d| {
            let line = d.file.position(d.primary.span.start as usize).line;
            d.file.line_text(line).trim().to_string()
        })
        .collect()
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
        let (_, expected) = EXPECTED_AT
            .iter()
            .find(|(name, _)| *name == lint.name)
            .unwrap_or_else(|| {
                panic!(
                    "{}: add its example's finding lines to EXPECTED_AT",
                    lint.name
                )
            });
        let found: Vec<String> = example
            .iter()
            .flat_map(|code| findings_of(lint.name, code))
            .collect();
        assert!(
            !found.is_empty(),
            "{}: the example does not fire:\n{example:?}",
            lint.name
        );
        let mut unmatched: Vec<&str> = expected.to_vec();
        for line in &found {
            let hit = unmatched.iter().position(|e| line.starts_with(e));
            assert!(
                hit.is_some(),
                "{}: the example fires at `{line}`, not at a line EXPECTED_AT names ({expected:?})",
                lint.name
            );
            unmatched.remove(hit.unwrap());
        }
        assert!(
            unmatched.is_empty(),
            "{}: the example does not fire at {unmatched:?}",
            lint.name
        );
        for code in &instead {
            assert_eq!(
                findings_of(lint.name, code),
                Vec::<String>::new(),
                "{}: `use instead` fires:\n{code}",
                lint.name
            );
        }
    }
}
