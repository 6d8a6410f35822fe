//! Output formats. Each renders the same [`Diagnostic`] values; only this module writes
//! findings to the terminal.
//!
//! | format   | shape                                                                    |
//! | -------- | ------------------------------------------------------------------------ |
//! | `human`  | rustc's layout (codespan-reporting), then a summary line                 |
//! | `short`  | `file:line:col: warning[leaklint::x]: message`, then the summary line    |
//! | `json`   | cargo's `compiler-message` lines and a final `build-finished` line       |
//! | `sarif`  | one SARIF 2.1.0 log (GitHub code scanning)                               |
//! | `github` | GitHub Actions workflow commands (`::warning file=..::message`)          |
//!
//! Lines are 1-based and columns are 1-based counts of `char`s everywhere (rustc's JSON
//! columns, SARIF's `unicodeCodePoints`); see [`crate::source`].

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Edit, Severity, Suggestion};
use crate::source::{Position, SourceFile, Span};

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;

/// `--message-format`
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Human,
    /// One line per diagnostic: `file:line:col: level[code]: message`.
    Short,
    /// cargo's `--message-format=json` lines (for editors and rust-analyzer).
    Json,
    /// A SARIF 2.1.0 log (for GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
}

/// Settings of a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub format: Format,
    /// ANSI colours (`human` and `short` only).
    pub color: bool,
    /// The directory that SARIF URIs and GitHub `file=` paths are made relative to (the
    /// repository root). `None`: the diagnostics' display paths are used as they are.
    pub source_root: Option<PathBuf>,
    /// `-q`: no closing `warning: N warnings emitted` line (`human` and `short`).
    pub quiet: bool,
}

impl ReportOptions {
    /// Options for `format`, without colour and with display paths.
    pub fn new(format: Format) -> Self {
        ReportOptions {
            format,
            color: false,
            source_root: None,
            quiet: false,
        }
    }
}

/// Writes every diagnostic in the chosen format.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    match options.format {
        Format::Human => human::write(out, diagnostics, options),
        Format::Short => short::write(out, diagnostics, options),
        Format::Json => json::write(out, diagnostics, options),
        Format::Sarif => sarif::write(out, diagnostics, options),
        Format::Github => github::write(out, diagnostics, options),
    }
}

/// Whether a run with these diagnostics succeeds: nothing at deny level (tool errors
/// included). This is cargo's `build-finished` `success`.
pub fn success(diagnostics: &[Diagnostic]) -> bool {
    !diagnostics.iter().any(Diagnostic::is_deny)
}

/// Numbers of errors and warnings.
pub(crate) fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// rustc's closing line: `warning: 2 warnings emitted`, or
/// `error: could not lint due to 1 previous error; 2 warnings emitted`. `None` when there is
/// nothing to report. The severity is that of the word before the first colon.
pub(crate) fn summary(diagnostics: &[Diagnostic]) -> Option<(Severity, String)> {
    match counts(diagnostics) {
        (0, 0) => None,
        (0, w) => Some((
            Severity::Warning,
            format!("{} emitted", plural(w, "warning")),
        )),
        (e, 0) => Some((
            Severity::Error,
            format!("could not lint due to {}", plural(e, "previous error")),
        )),
        (e, w) => Some((
            Severity::Error,
            format!(
                "could not lint due to {}; {} emitted",
                plural(e, "previous error"),
                plural(w, "warning")
            ),
        )),
    }
}

/// A span made safe to render: inside the text, on char boundaries, not inside a BOM, not
/// ending on a line terminator, and not ending at column 1 of a later line (a span that
/// covers a trailing newline ends at the end of its last line instead).
pub(crate) fn normalize(file: &SourceFile, span: Span) -> Span {
    let text = &file.text;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let floor = |mut i: usize| {
        i = i.clamp(bom, text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start as usize);
    let mut end = floor(span.end as usize).max(start);
    let end_line = file.position(end).line;
    let range = file.line_range(end_line);
    if end > range.end {
        // On the `\r` or `\n` of a line.
        end = range.end.max(start);
    } else if end == range.start && end > start && end_line > file.position(start).line {
        // Just past the newline of the previous line.
        end = file.line_range(end_line - 1).end.max(start);
    }
    Span::new(start, end)
}

/// 1-based start and end positions of a (normalized) span; the end is exclusive, as in
/// rustc's `column_end` and SARIF's `endColumn`.
pub(crate) fn positions(file: &SourceFile, span: Span) -> (Position, Position) {
    let span = normalize(file, span);
    (
        file.position(span.start as usize),
        file.position(span.end as usize),
    )
}

/// The path of a file as CI services want it: relative to `options.source_root` when the
/// file is under it, else the display path; always with forward slashes and without `./`.
pub(crate) fn artifact_path(file: &SourceFile, options: &ReportOptions) -> String {
    if let Some(root) = &options.source_root {
        if let Some(rel) = relative_to(&file.path, root) {
            return slashes(&rel.to_string_lossy());
        }
    }
    slashes(&file.display)
}

fn slashes(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    path
}

/// `path` relative to `root`, both made absolute against the current directory (without
/// touching the file system, so it works for paths that no longer exist).
fn relative_to(path: &Path, root: &Path) -> Option<PathBuf> {
    let path = lexical_absolute(path)?;
    let root = lexical_absolute(root)?;
    path.strip_prefix(&root).ok().map(Path::to_path_buf)
}

/// `path` made absolute against the current directory, with `.` and `..` resolved
/// lexically.
pub(crate) fn lexical_absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// A path segment of a URI: RFC 3986's `segment-nz-nc` (`pchar` without `:`), so that a
/// first segment such as `a:b.rs` cannot read as a scheme; everything else, `%` and bytes
/// that are not UTF-8 included, is percent-encoded.
struct Segment;

impl fluent_uri::encoding::Encoder for Segment {
    const TABLE: &'static fluent_uri::encoding::Table = &fluent_uri::encoding::Table::new(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@",
    )
    .or_pct_encoded();
}

type UriPath = fluent_uri::encoding::EString<fluent_uri::encoding::encoder::Path>;

/// Appends the components of `path` to `out` as encoded segments separated by `/`, from the
/// raw bytes of each name (a name that is not UTF-8 keeps its bytes, percent-encoded). A
/// Windows drive (`C:`) is kept as it is, as `file:` URLs write it.
fn push_segments(out: &mut UriPath, path: &Path) {
    let mut first = true;
    for c in path.components() {
        let mut separate = |out: &mut UriPath| {
            if !std::mem::take(&mut first) {
                out.push('/');
            }
        };
        match c {
            Component::CurDir | Component::RootDir => {}
            Component::ParentDir => {
                separate(out);
                out.encode::<Segment>("..");
            }
            Component::Prefix(p) => {
                separate(out);
                let drive = p.as_os_str().to_string_lossy();
                match drive.strip_suffix(':') {
                    Some(letter) => {
                        out.encode::<Segment>(letter);
                        out.push(':');
                    }
                    None => out.encode::<Segment>(p.as_os_str().as_encoded_bytes()),
                }
            }
            Component::Normal(name) => {
                separate(out);
                out.encode::<Segment>(name.as_encoded_bytes());
            }
        }
    }
}

/// A relative URI reference of a relative path (`src/a%20b.rs`), every segment encoded.
pub(crate) fn relative_uri(path: &Path) -> String {
    let mut out = UriPath::new();
    push_segments(&mut out, path);
    out.into_string()
}

/// A `file://` URL of an absolute path (`file:///C:/x` on Windows), with a trailing `/`
/// when `dir` is set.
pub(crate) fn file_url(path: &Path, dir: bool) -> String {
    let mut out = UriPath::new();
    out.push('/');
    push_segments(&mut out, path);
    if dir && !out.as_estr().as_str().ends_with('/') {
        out.push('/');
    }
    format!("file://{}", out.into_string())
}

/// Where a file is for a SARIF `artifactLocation`: a path relative to
/// `options.source_root` when it is under it, else the display path (relative or absolute).
pub(crate) fn artifact_location(file: &SourceFile, options: &ReportOptions) -> PathBuf {
    options
        .source_root
        .as_deref()
        .and_then(|root| relative_to(&file.path, root))
        .unwrap_or_else(|| PathBuf::from(&file.display))
}

/// A suggestion in one line of text, for the formats that cannot show a diff:
/// `message: `replacement`` for one single-line edit, else the message and one
/// `line:col: ...` line per edit.
pub(crate) fn suggestion_text(file: &SourceFile, s: &Suggestion) -> String {
    fn describe(file: &SourceFile, e: &Edit) -> String {
        let old = file.snippet(e.span);
        match (old.is_empty(), e.replacement.is_empty()) {
            // `drop(tx);\n    `: a new line of code before the span.
            (true, _)
                if e.replacement.trim_end().lines().count() == 1
                    && e.replacement.contains('\n') =>
            {
                format!("insert `{}` on a line of its own", e.replacement.trim())
            }
            (true, _) => format!("insert `{}`", e.replacement),
            (false, true) => format!("remove `{old}`"),
            (false, false) => format!("replace `{old}` with `{}`", e.replacement),
        }
    }
    match s.edits.as_slice() {
        [] => s.message.clone(),
        [e] if !e.replacement.contains('\n') && !e.replacement.is_empty() => {
            format!("{}: `{}`", s.message, e.replacement)
        }
        [e] if !file.snippet(e.span).contains('\n') => {
            format!("{}: {}", s.message, describe(file, e))
        }
        edits => {
            let mut text = format!("{}:", s.message);
            for e in edits {
                let p = file.position(normalize(file, e.span).start as usize);
                text.push_str(&format!("\n{}:{}: {}", p.line, p.column, describe(file, e)));
            }
            text
        }
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Hand-made diagnostics for the format tests.

    use std::sync::Arc;

    use crate::diagnostic::{
        Applicability, Diagnostic, Edit, Finding, Label, Level, LevelSource, Suggestion,
    };
    use crate::lints;
    use crate::source::{SourceFile, Span};

    /// A file with a BOM, CRLF line ends and multibyte chars before the finding:
    /// line 3 is `    let (tx, _) = mpsc::channel::<ü8>(); // é`.
    pub const TEXT: &str = "\u{feff}use std::sync::mpsc;\r\nfn main() {\r\n    let (tx, _) = mpsc::channel::<ü8>(); // é\r\n    tx.send(1).unwrap();\r\n}\r\n";

    /// Renders diagnostics in one format, with the default options.
    pub fn render_as(format: super::Format, diagnostics: &[Diagnostic]) -> String {
        let mut out = Vec::new();
        super::write(&mut out, diagnostics, &super::ReportOptions::new(format)).unwrap();
        String::from_utf8(out).unwrap()
    }

    pub fn file() -> Arc<SourceFile> {
        SourceFile::new("src/main.rs".into(), "src/main.rs".into(), TEXT.to_string())
    }

    pub fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle");
        Span::new(start, start + needle.len())
    }

    /// A `receiver_dropped` warning with a secondary label, a note, a help and a suggestion.
    pub fn warning(file: &Arc<SourceFile>) -> Diagnostic {
        let lint = lints::find("receiver_dropped").unwrap();
        let underscore = {
            let s = span_of(&file.text, "_)");
            Span::new(s.start as usize, s.start as usize + 1)
        };
        let call = span_of(&file.text, "mpsc::channel::<ü8>()");
        let finding = Finding::new(
            lint,
            "the receiver of this std mpsc channel is dropped at once, so every send on it fails",
            Label::new(underscore, "the receiver is dropped here"),
        )
        .label(call, "channel created here")
        .note("`_` is not a binding: the value it matches is dropped immediately")
        .help("bind the receiver and receive from it")
        .suggestion(Suggestion {
            message: "bind the receiver".into(),
            edits: vec![Edit {
                span: underscore,
                replacement: "rx".into(),
            }],
            applicability: Applicability::MaybeIncorrect,
        });
        let mut d =
            Diagnostic::from_finding(finding, Level::Warn, LevelSource::Default, file.clone());
        d.first_of_lint = true;
        d
    }

    /// The same finding at deny level, set on the command line, not the first of its lint.
    pub fn error(file: &Arc<SourceFile>) -> Diagnostic {
        let mut d = warning(file);
        d.origin = crate::diagnostic::Origin::Lint {
            lint: lints::find("receiver_dropped").unwrap(),
            level: Level::Deny,
            source: LevelSource::CommandLine,
        };
        d.first_of_lint = false;
        d
    }

    /// A syntax error at the `}` of line 5 of its own file.
    pub fn syntax_error() -> Diagnostic {
        let file = SourceFile::new(
            "src/bad.rs".into(),
            "src/bad.rs".into(),
            "fn f() {\n    let x = ;\n}\n".into(),
        );
        let span = span_of(&file.text, ";");
        Diagnostic::tool_error(
            "syntax_error",
            file.clone(),
            "cannot parse `src/bad.rs`: expected an expression",
            Label::new(span, "expected an expression"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::diagnostic::Applicability;

    #[test]
    fn positions_skip_bom_and_count_chars() {
        let f = file();
        let d = warning(&f);
        // `    let (tx, ` is 13 chars: the `_` is column 14 of line 3.
        let (s, e) = positions(&f, d.primary.span);
        assert_eq!((s.line, s.column, e.line, e.column), (3, 14, 3, 15));
        // `mpsc::channel::<ü8>()` starts at column 19 and is 21 chars long.
        let (s, e) = positions(&f, d.secondary[0].span);
        assert_eq!((s.line, s.column, e.line, e.column), (3, 19, 3, 40));
    }

    #[test]
    fn normalize_pulls_ends_off_line_terminators() {
        let f = file();
        // A span ending on the `\r` of line 1.
        let cr = f.text.find('\r').unwrap();
        assert_eq!(normalize(&f, Span::new(3, cr + 1)), Span::new(3, cr));
        // A span ending just past the `\n` of line 1 ends at the end of line 1.
        assert_eq!(normalize(&f, Span::new(3, cr + 2)), Span::new(3, cr));
        // A span inside the BOM moves to the first char.
        assert_eq!(normalize(&f, Span::new(0, 0)), Span::new(3, 3));
        // A span past the end is clamped.
        let len = f.text.len();
        assert_eq!(
            normalize(&f, Span::new(len + 5, len + 9)),
            Span::new(len, len)
        );
        // An offset inside `ü` moves down to the char boundary.
        let u = f.text.find('ü').unwrap();
        assert_eq!(normalize(&f, Span::new(u, u + 1)), Span::new(u, u));
    }

    #[test]
    fn summary_lines() {
        let f = file();
        assert_eq!(summary(&[]), None);
        assert_eq!(
            summary(&[warning(&f)]),
            Some((Severity::Warning, "1 warning emitted".into()))
        );
        assert_eq!(
            summary(&[warning(&f), warning(&f)]),
            Some((Severity::Warning, "2 warnings emitted".into()))
        );
        assert_eq!(
            summary(&[error(&f)]),
            Some((
                Severity::Error,
                "could not lint due to 1 previous error".into()
            ))
        );
        assert_eq!(
            summary(&[error(&f), syntax_error(), warning(&f)]),
            Some((
                Severity::Error,
                "could not lint due to 2 previous errors; 1 warning emitted".into()
            ))
        );
        assert!(success(&[warning(&f)]));
        assert!(!success(&[warning(&f), syntax_error()]));
    }

    #[test]
    fn artifact_paths_are_relative_with_forward_slashes() {
        let options = ReportOptions::new(Format::Sarif);
        let f = SourceFile::new("x".into(), ".\\src\\a b.rs".into(), String::new());
        assert_eq!(artifact_path(&f, &options), "src/a b.rs");

        let root = std::env::temp_dir().join("leaklint-root");
        let options = ReportOptions {
            source_root: Some(root.clone()),
            ..ReportOptions::new(Format::Sarif)
        };
        let f = SourceFile::new(
            root.join("crates")
                .join("x")
                .join("..")
                .join("y")
                .join("lib.rs"),
            "y/lib.rs".into(),
            String::new(),
        );
        assert_eq!(artifact_path(&f, &options), "crates/y/lib.rs");
        // Outside the root: the display path.
        let f = SourceFile::new(
            "/elsewhere/lib.rs".into(),
            "/elsewhere/lib.rs".into(),
            String::new(),
        );
        assert_eq!(artifact_path(&f, &options), "/elsewhere/lib.rs");
    }

    #[test]
    fn uris_are_built_segment_by_segment() {
        let check = |uri: &str| {
            let parsed = fluent_uri::UriRef::parse(uri).unwrap();
            assert!(parsed.scheme().is_none(), "{uri} has a scheme");
        };
        for (path, uri) in [
            ("a:b.rs", "a%3Ab.rs"),
            ("src/100%.rs", "src/100%25.rs"),
            ("src/a b#c?.rs", "src/a%20b%23c%3F.rs"),
            ("../x/ü.rs", "../x/%C3%BC.rs"),
        ] {
            assert_eq!(relative_uri(Path::new(path)), uri);
            check(uri);
        }
        assert_eq!(file_url(Path::new("/a:b/%"), true), "file:///a%3Ab/%25/");
        fluent_uri::Uri::parse(file_url(Path::new("/a:b/%"), true).as_str()).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.rs");
        let uri = relative_uri(&Path::new("src").join(name));
        assert_eq!(uri, "src/caf%E9.rs");
        assert!(!uri.contains('\u{fffd}'));
    }

    #[test]
    fn suggestion_texts() {
        let f = file();
        let d = warning(&f);
        assert_eq!(
            suggestion_text(&f, &d.suggestions[0]),
            "bind the receiver: `rx`"
        );
        let remove = Suggestion {
            message: "remove the channel".into(),
            edits: vec![Edit {
                span: span_of(&f.text, "tx.send(1).unwrap();"),
                replacement: String::new(),
            }],
            applicability: Applicability::MachineApplicable,
        };
        assert_eq!(
            suggestion_text(&f, &remove),
            "remove the channel: remove `tx.send(1).unwrap();`"
        );
        let two = Suggestion {
            message: "rename".into(),
            edits: vec![
                Edit {
                    span: span_of(&f.text, "tx,"),
                    replacement: "sender,".into(),
                },
                Edit {
                    span: Span::new(
                        span_of(&f.text, "tx.send").start as usize,
                        span_of(&f.text, "tx.send").start as usize,
                    ),
                    replacement: "// ".into(),
                },
            ],
            applicability: Applicability::MaybeIncorrect,
        };
        assert_eq!(
            suggestion_text(&f, &two),
            "rename:\n3:10: replace `tx,` with `sender,`\n4:5: insert `// `"
        );
    }
}
