//! Hostile and broken inputs: each gives a clear, located diagnostic naming the file, and the
//! run goes on to lint the other files (every test lints `good.rs` beside the bad input and
//! checks that its finding is still reported).

use std::path::{Path, PathBuf};

use leaklint::config::Levels;
use leaklint::diagnostic::Diagnostic;
use leaklint::engine::{self, nesting, EngineOptions, InputFile, Outcome};

/// A file with one known finding: `receiver_dropped` at 3:14.
const GOOD: &str = "use std::sync::mpsc;\n\
                    fn f() {\n    let (tx, _) = mpsc::channel::<u32>();\n    tx.send(1).unwrap();\n}\n";

fn input(path: &Path, display: &str) -> InputFile {
    InputFile {
        path: path.to_path_buf(),
        display: display.to_string(),
        unit: 0,
        package: None,
        is_test_target: false,
        levels: 0,
        named: false,
        context: false,
    }
}

/// Lints `bad` (already on disk, or not) and a good file beside it; returns the outcome and
/// checks that the good file's finding survived.
fn run_with_good(dir: &Path, bad: &[InputFile], options: &EngineOptions) -> Outcome {
    let good = dir.join("good.rs");
    std::fs::write(&good, GOOD).unwrap();
    let mut files = bad.to_vec();
    files.push(input(&good, "good.rs"));
    let outcome = engine::run(&files, &[Levels::default()], options);
    let found = outcome
        .diagnostics
        .iter()
        .find(|d| d.file.display == "good.rs")
        .expect("the good file's finding is missing: the run did not go on");
    assert_eq!(found.code(), "leaklint::receiver_dropped");
    assert_eq!(at(found), (3, 14));
    outcome
}

fn options() -> EngineOptions {
    EngineOptions {
        prefilter: true,
        threads: 2,
    }
}

/// The 1-based line and column of a diagnostic.
fn at(d: &Diagnostic) -> (usize, usize) {
    let p = d.file.position(d.primary.span.start as usize);
    (p.line, p.column)
}

/// The only diagnostic of a file.
fn only<'o>(outcome: &'o Outcome, display: &str) -> &'o Diagnostic {
    let of: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.file.display == display)
        .collect();
    assert_eq!(of.len(), 1, "{display}: {:?}", messages(outcome));
    of[0]
}

fn messages(outcome: &Outcome) -> Vec<String> {
    outcome
        .diagnostics
        .iter()
        .map(|d| format!("{} {}: {}", d.file.display, d.code(), d.message))
        .collect()
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn syntax_error_is_located_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A constructor call, so that the pre-filter lets it through to the parser.
    let bad = write(
        dir.path(),
        "bad.rs",
        "fn f() {\n    let (tx, rx) = std::sync::mpsc::channel::<u8>()\n    tx.send(1);\n}\n",
    );
    let outcome = run_with_good(dir.path(), &[input(&bad, "bad.rs")], &options());
    let d = only(&outcome, "bad.rs");
    assert_eq!(d.code(), "leaklint::syntax_error");
    assert!(d.message.contains("`bad.rs`"), "{}", d.message);
    assert_eq!(at(d), (3, 5), "{}", d.message);
    assert!(outcome.has_errors());
}

/// A file the pre-filter skips is not parsed, so its syntax error is seen only with the
/// pre-filter off (documented in docs/performance.md).
#[test]
fn syntax_error_of_a_skipped_file_is_reported_only_without_the_prefilter() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.rs", "fn f( {}\n");
    let files = [input(&bad, "bad.rs")];
    let on = run_with_good(dir.path(), &files, &options());
    assert!(on.diagnostics.iter().all(|d| d.file.display != "bad.rs"));
    let off = EngineOptions {
        prefilter: false,
        ..options()
    };
    let off = run_with_good(dir.path(), &files, &off);
    let d = only(&off, "bad.rs");
    assert_eq!(d.code(), "leaklint::syntax_error");
    assert_eq!(at(d), (1, 5), "{}", d.message);
}

#[test]
fn non_utf8_file_is_reported_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"fn f() {}\n// caf".to_vec();
    bytes.push(0xe9); // Latin-1 `é`
    bytes.extend_from_slice(b"\n");
    let bad = write(dir.path(), "latin1.rs", bytes);
    let outcome = run_with_good(dir.path(), &[input(&bad, "latin1.rs")], &options());
    let d = only(&outcome, "latin1.rs");
    assert_eq!(d.code(), "leaklint::invalid_utf8");
    assert!(d.message.contains("`latin1.rs`") && d.message.contains("offset 16"));
    assert_eq!(at(d), (2, 7));
}

#[test]
fn bom_and_crlf_keep_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = GOOD.replace('\n', "\r\n");
    let with_bom = format!("\u{feff}{crlf}");
    // Columns count chars: a wide char before the finding on its line shifts bytes only.
    let wide = GOOD.replace("let (tx, _)", "let (tx, _) /* é日 */");
    let files = [
        input(&write(dir.path(), "crlf.rs", &crlf), "crlf.rs"),
        input(&write(dir.path(), "bom.rs", &with_bom), "bom.rs"),
        input(&write(dir.path(), "wide.rs", &wide), "wide.rs"),
    ];
    let outcome = run_with_good(dir.path(), &files, &options());
    for name in ["crlf.rs", "bom.rs", "wide.rs"] {
        let d = only(&outcome, name);
        assert_eq!(d.code(), "leaklint::receiver_dropped", "{name}");
        assert_eq!(at(d), (3, 14), "{name}");
        // The label of the constructor call: after the comment on the wide line.
        let call = &d.secondary[0];
        let expected = if name == "wide.rs" { 28 } else { 19 };
        assert_eq!(
            d.file.position(call.span.start as usize).column,
            expected,
            "{name}"
        );
        assert!(
            d.file.snippet(call.span).starts_with("mpsc::channel"),
            "{name}"
        );
    }
}

/// 20 MB of generated code (string tables, as from a build script), on one line with
/// non-ASCII chars, and a finding at its very end: positions are computed without walking
/// the line for each span.
#[test]
fn twenty_megabyte_generated_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(21 << 20);
    text.push_str("use std::sync::mpsc;\n");
    let filler = format!(
        "pub const C: &str = \"{}\"; ",
        "données générées ".repeat(12)
    );
    while text.len() < 20 << 20 {
        text.push_str(&filler);
    }
    let line_start = text.rfind('\n').unwrap() + 1;
    let column = text[line_start..].chars().count() + 1;
    text.push_str("fn f() { let (tx, _) = mpsc::channel::<u32>(); tx.send(1).unwrap(); }\n");
    let big = write(dir.path(), "big.rs", &text);
    let start = std::time::Instant::now();
    let outcome = run_with_good(dir.path(), &[input(&big, "big.rs")], &options());
    let d = only(&outcome, "big.rs");
    assert_eq!(d.code(), "leaklint::receiver_dropped");
    // `fn f() { let (tx, ` is 18 chars.
    assert_eq!(at(d), (2, column + 18));
    assert!(d
        .file
        .snippet(d.secondary[0].span)
        .starts_with("mpsc::channel"));
    eprintln!("20 MB file linted in {:.2?}", start.elapsed());
}

#[test]
fn file_over_the_size_limit_is_skipped_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.rs");
    // Sparse: no 65 MB are written.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(engine::MAX_FILE_BYTES as u64 + 1).unwrap();
    let outcome = run_with_good(dir.path(), &[input(&path, "huge.rs")], &options());
    let d = only(&outcome, "huge.rs");
    assert_eq!(d.code(), "leaklint::file_too_large");
    assert!(d.message.contains("`huge.rs`"));
}

/// Source nested `depth` times in one of several ways, inside a file the pre-filter keeps.
fn nested(kind: &str, depth: usize) -> String {
    let body = match kind {
        "parens" => format!("let x = {}1{};", "(".repeat(depth), ")".repeat(depth)),
        "blocks" => format!("{}{}", "{".repeat(depth), "}".repeat(depth)),
        "binary" => format!("let x = 1{};", " + 1".repeat(depth)),
        "unary" => format!("let x = {}true;", "!".repeat(depth)),
        "methods" => format!("let x = y{};", ".f()".repeat(depth)),
        "closures" => format!("let c = {}1;", "|| ".repeat(depth)),
        "else_if" => format!("if a {{}}{};", " else if a {}".repeat(depth)),
        "arrays" => format!("let x = {}1{};", "[".repeat(depth), "]".repeat(depth)),
        "async" => format!("{}{};", "async { ".repeat(depth), "}".repeat(depth)),
        _ => unreachable!(),
    };
    format!(
        "fn main() {{ let (tx, _) = std::sync::mpsc::channel::<u8>(); tx.send(1).unwrap(); }}\n\
         fn f() {{\n{body}\n}}\n"
    )
}

const KINDS: &[&str] = &[
    "parens", "blocks", "binary", "unary", "methods", "closures", "else_if", "arrays", "async",
];

/// Deep but sane nesting is analysed (the finding of line 1 is reported).
#[test]
fn nesting_a_thousand_deep_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<InputFile> = KINDS
        .iter()
        .map(|k| input(&write(dir.path(), &format!("{k}.rs"), nested(k, 1_000)), k))
        .collect();
    let outcome = run_with_good(dir.path(), &files, &options());
    for k in KINDS {
        assert_eq!(
            only(&outcome, k).code(),
            "leaklint::receiver_dropped",
            "{k}"
        );
    }
}

/// 10,000 levels: analysed where the stack allows it with a wide margin, otherwise reported
/// as too deeply nested where the limit is crossed; never a stack overflow (which would abort
/// this test binary).
#[test]
fn nesting_ten_thousand_deep_never_overflows() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<InputFile> = KINDS
        .iter()
        .map(|k| input(&write(dir.path(), &format!("{k}.rs"), nested(k, 10_000)), k))
        .collect();
    let outcome = run_with_good(dir.path(), &files, &options());
    for k in KINDS {
        let d = only(&outcome, k);
        match d.code().as_str() {
            "leaklint::receiver_dropped" => {}
            "leaklint::too_deeply_nested" => {
                assert_eq!(at(d).0, 3, "{k}: {}", d.message);
                assert!(d.message.contains(&format!("`{k}`")));
            }
            other => panic!("{k}: {other}: {}", d.message),
        }
    }
    // 10,000 nested parentheses measure just over 10,000: a release build (limit 20,000)
    // analyses them, a debug build (limit 5,000) reports them. Both are asserted: `.ci/run`
    // runs this file in release too (`cargo test --release --test robustness`).
    let expected = if nesting::MAX_NESTING > 10_100 {
        "leaklint::receiver_dropped"
    } else {
        "leaklint::too_deeply_nested"
    };
    assert_eq!(only(&outcome, "parens").code(), expected);
}

#[test]
fn nesting_a_million_deep_is_reported_where_the_limit_is_crossed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "deep.rs", nested("parens", 1_000_000));
    let outcome = run_with_good(dir.path(), &[input(&path, "deep.rs")], &options());
    let d = only(&outcome, "deep.rs");
    assert_eq!(d.code(), "leaklint::too_deeply_nested");
    // `fn f() {` weighs 4 and `let x =` 3: the limit is crossed at parenthesis number
    // `MAX_NESTING - 6`, the first being in column 9.
    assert_eq!(at(d), (3, nesting::MAX_NESTING + 2));
    assert!(outcome.has_errors());
}

#[cfg(unix)]
#[test]
fn dangling_and_looping_symlinks_are_read_errors() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("dangling.rs");
    std::os::unix::fs::symlink(dir.path().join("nowhere.rs"), &dangling).unwrap();
    let (a, b) = (dir.path().join("a.rs"), dir.path().join("b.rs"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let files = [input(&dangling, "dangling.rs"), input(&a, "a.rs")];
    let outcome = run_with_good(dir.path(), &files, &options());
    for name in ["dangling.rs", "a.rs"] {
        let d = only(&outcome, name);
        assert_eq!(d.code(), "leaklint::read_error");
        assert!(
            d.message.contains(&format!("cannot read `{name}`")),
            "{}",
            d.message
        );
    }
    assert!(only(&outcome, "a.rs").message.contains("symbolic links"));
}

/// A mode-000 file. Root reads any file whatever its mode, so as root (CI containers) this
/// branch cannot be reached and the test says so in its name; the two tests after it reach
/// the same `read_error` paths (metadata, then reading) in ways root cannot bypass.
#[cfg(unix)]
#[test]
fn mode_000_file_is_a_read_error_or_skipped_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "secret.rs", GOOD);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running with privileges that read a mode-000 file (root)");
        return;
    }
    let outcome = run_with_good(dir.path(), &[input(&path, "secret.rs")], &options());
    let d = only(&outcome, "secret.rs");
    assert_eq!(d.code(), "leaklint::read_error");
    assert!(d.message.contains("cannot read `secret.rs`") && d.message.contains("ermission"));
}

/// A path through a regular file (`lib.rs/x.rs`) cannot be opened by anyone, root included:
/// the metadata call fails with "Not a directory".
#[cfg(unix)]
#[test]
fn path_through_a_file_is_a_read_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "lib.rs", GOOD);
    let path = file.join("x.rs");
    let outcome = run_with_good(dir.path(), &[input(&path, "lib.rs/x.rs")], &options());
    let d = only(&outcome, "lib.rs/x.rs");
    assert_eq!(d.code(), "leaklint::read_error");
    assert!(
        d.message.contains("cannot read `lib.rs/x.rs`") && d.message.contains("ot a directory"),
        "{}",
        d.message
    );
    assert_eq!(at(d), (1, 1));
    assert!(outcome.has_errors());
}

/// A regular file that opens but whose read fails, for root too: `/proc/self/mem` read from
/// offset 0 (an unmapped address) gives an I/O error. This is the read path after `open`.
#[cfg(target_os = "linux")]
#[test]
fn file_whose_read_fails_is_a_read_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mem.rs");
    std::os::unix::fs::symlink("/proc/self/mem", &path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().is_file());
    let outcome = run_with_good(dir.path(), &[input(&path, "mem.rs")], &options());
    let d = only(&outcome, "mem.rs");
    assert_eq!(d.code(), "leaklint::read_error");
    assert!(
        d.message.contains("cannot read `mem.rs`") && d.message.contains("rror"),
        "{}",
        d.message
    );
    assert!(outcome.has_errors());
}

#[test]
fn file_deleted_before_it_is_read_is_a_read_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gone.rs", GOOD);
    let files = [input(&path, "gone.rs")];
    std::fs::remove_file(&path).unwrap();
    let outcome = run_with_good(dir.path(), &files, &options());
    let d = only(&outcome, "gone.rs");
    assert_eq!(d.code(), "leaklint::read_error");
    assert!(d.message.contains("cannot read `gone.rs`"), "{}", d.message);
    assert!(outcome.has_errors());
}

#[test]
fn a_directory_or_a_fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub.rs");
    std::fs::create_dir(&sub).unwrap();
    let mut files = vec![input(&sub, "sub.rs")];
    #[cfg(unix)]
    {
        // A FIFO with no writer: reading it would block for ever.
        let fifo = dir.path().join("fifo.rs");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            files.push(input(&fifo, "fifo.rs"));
        }
    }
    let outcome = run_with_good(dir.path(), &files, &options());
    for f in &files {
        let d = only(&outcome, &f.display);
        assert_eq!(d.code(), "leaklint::read_error");
        assert!(d.message.contains(&format!("cannot read `{}`", f.display)));
    }
}

#[test]
fn empty_file_gives_nothing_with_and_without_the_prefilter() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.rs", "");
    for prefilter in [true, false] {
        let options = EngineOptions {
            prefilter,
            ..options()
        };
        let outcome = run_with_good(dir.path(), &[input(&path, "empty.rs")], &options);
        assert!(outcome
            .diagnostics
            .iter()
            .all(|d| d.file.display != "empty.rs"));
        assert_eq!(outcome.files_parsed, if prefilter { 1 } else { 2 });
    }
}

/// A tool error's code and where it is (line, column).
type Located = (&'static str, (usize, usize));

/// `lint_source` (the fuzz target's entry point) on the inputs above, directly: each broken
/// input gives its located tool error and nothing else.
#[test]
fn lint_source_survives_the_same_inputs() {
    let levels = Levels::default();
    let deep = nested("parens", 1_000_000);
    let cases: &[(&str, Option<Located>)] = &[
        ("", None),
        ("\u{feff}", None),
        ("fn f( {", Some(("syntax_error", (1, 7)))),
        ("'", Some(("syntax_error", (1, 1)))),
        ("\"", Some(("syntax_error", (1, 1)))),
        ("/*", Some(("syntax_error", (1, 1)))),
        ("r#\"", Some(("syntax_error", (1, 1)))),
        (
            &deep,
            Some(("too_deeply_nested", (3, nesting::MAX_NESTING + 2))),
        ),
    ];
    for (text, expected) in cases {
        let diags = engine::lint_source("t.rs", text, &levels);
        let got: Vec<(String, (usize, usize))> = diags.iter().map(|d| (d.code(), at(d))).collect();
        let want: Vec<(String, (usize, usize))> = expected
            .iter()
            .map(|(code, at)| (format!("leaklint::{code}"), *at))
            .collect();
        assert_eq!(got, want, "{text:.20}");
        assert!(diags.iter().all(|d| d.message.contains("`t.rs`")));
    }
    let diags = engine::lint_source("t.rs", GOOD, &levels);
    assert_eq!(diags.len(), 1);
    assert_eq!(at(&diags[0]), (3, 14));
}

/// `lint_source` lints its text as a crate: a finding that stands only if a field is never
/// read in the crate is dropped when the text reads the field, kept when it does not.
#[test]
fn lint_source_applies_crate_wide_conditions() {
    let stored = "pub struct Logger {\n    tx: std::sync::mpsc::SyncSender<u8>,\n    events: Option<std::sync::mpsc::Receiver<u8>>,\n}\n\
                  impl Logger {\n    pub fn new() -> Logger {\n        let (tx, rx) = std::sync::mpsc::sync_channel(16);\n        tx.send(1).unwrap();\n        Logger { tx, events: Some(rx) }\n    }\n}\n";
    let read = format!(
        "{stored}impl Logger {{\n    pub fn drain(&mut self) -> usize {{\n        self.events.take().map(|rx| rx.try_iter().count()).unwrap_or(0)\n    }}\n}}\n"
    );
    let levels = Levels::default();
    let codes = |text: &str| -> Vec<String> {
        engine::lint_source("t.rs", text, &levels)
            .iter()
            .map(Diagnostic::code)
            .collect()
    };
    assert_eq!(codes(stored), vec!["leaklint::receiver_never_read"]);
    assert_eq!(codes(&read), Vec::<String>::new());
}
