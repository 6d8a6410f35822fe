//! rustc-style output through codespan-reporting:
//!
//! ```text
//! warning[leaklint::receiver_dropped]: the receiver of this std mpsc channel is dropped at once
//!  --> src/main.rs:4:14
//!   |
//! 4 |     let (tx, _) = mpsc::channel::<u32>();
//!   |              ^    ---------------------- channel created here
//!   |              |
//!   |              the receiver is dropped here
//!   |
//!   = note: `_` is not a binding: the value it matches is dropped immediately
//!   = help: bind the receiver (`rx`) and receive from it
//!   = note: `#[warn(leaklint::receiver_dropped)]` on by default
//!
//! warning: 1 warning emitted
//! ```
//!
//! Children come in rustc's order: notes, help, the level note of the first finding of each
//! lint, then suggestions (as `= help: message: `replacement``).

use std::io::Write;
use std::ops::Range;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Chars, Config, DisplayStyle, Styles};

use super::{normalize, suggestion_text, summary, ReportOptions};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    for d in diagnostics {
        out.write_all(&emit(d, DisplayStyle::Rich, options.color)?)?;
    }
    if options.quiet {
        return Ok(());
    }
    let mut buffer = buffer(options.color);
    write_summary(&mut buffer, diagnostics)?;
    out.write_all(buffer.as_slice())
}

/// One diagnostic in the human format, without colour: the `rendered` field of the JSON
/// format.
pub fn render(d: &Diagnostic) -> String {
    let bytes = emit(d, DisplayStyle::Rich, false).expect("writing to memory");
    String::from_utf8_lossy(&bytes).into_owned()
}

pub(crate) fn buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

fn config(style: DisplayStyle) -> Config {
    // rustc's drawing of multi-line spans:  ________^ ... |_^
    let chars = Chars {
        multi_top_left: ' ',
        multi_top: '_',
        multi_bottom_left: '|',
        multi_bottom: '_',
        ..Chars::ascii()
    };
    Config {
        display_style: style,
        chars,
        ..Config::default()
    }
}

pub(crate) fn severity(d: &Diagnostic) -> CsSeverity {
    match d.severity() {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    }
}

/// Renders one diagnostic with codespan in the given style (`Short` for the short format),
/// without trailing spaces on its lines.
pub(crate) fn emit(d: &Diagnostic, style: DisplayStyle, color: bool) -> std::io::Result<Vec<u8>> {
    let file = CsFile(&d.file);
    let mut labels = Vec::new();
    // A tool error about a file with no text (unreadable, too large) has nothing to show.
    let short = matches!(style, DisplayStyle::Short);
    if short || !(d.file.text.is_empty() && d.primary.message.is_empty()) {
        let span = normalize(&d.file, d.primary.span);
        labels.push(CsLabel::primary((), span.range()).with_message(&d.primary.message));
        for l in &d.secondary {
            let span = normalize(&d.file, l.span);
            labels.push(CsLabel::secondary((), span.range()).with_message(&l.message));
        }
    }
    let mut notes: Vec<String> = d.notes.iter().map(|n| child("note", n)).collect();
    notes.extend(d.help.iter().map(|h| child("help", h)));
    if let Some(n) = d.level_note() {
        notes.push(child("note", &n));
    }
    notes.extend(
        d.suggestions
            .iter()
            .map(|s| child("help", &suggestion_text(&d.file, s))),
    );
    let cs = CsDiagnostic::new(severity(d))
        .with_message(&d.message)
        .with_code(d.code())
        .with_labels(labels)
        .with_notes(notes);
    let mut buffer = buffer(color);
    term::emit_to_write_style(&mut buffer, &config(style), &file, &cs).map_err(|e| match e {
        FilesError::Io(e) => e,
        e => std::io::Error::other(e),
    })?;
    let mut text = trim_line_ends(buffer.as_slice());
    if !short {
        rustc_arrow(&mut text);
    }
    Ok(text)
}

/// codespan indents ` --> file:line:col` one space more than rustc: the arrow of rustc
/// starts under the line numbers' last digit. Drops that space on the first such line.
fn rustc_arrow(text: &mut Vec<u8>) {
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| start + p);
        let visible = strip_escapes(&text[start..end]);
        let spaces = visible.iter().take_while(|&&b| b == b' ').count();
        if spaces >= 2 && visible[spaces..].starts_with(b"--> ") {
            text.remove(start);
            return;
        }
        start = end + 1;
    }
}

fn strip_escapes(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        if line[i] == 0x1b {
            i += line[i..]
                .iter()
                .position(|&b| b == b'm')
                .map_or(line.len() - i, |p| p + 1);
        } else {
            out.push(line[i]);
            i += 1;
        }
    }
    out
}

/// `note: text`, with the lines after the first aligned under the text as rustc aligns them.
fn child(kind: &str, text: &str) -> String {
    let indent = format!("\n{:width$}", "", width = kind.len() + 2);
    format!("{kind}: {}", text.replace('\n', &indent))
}

/// Removes the spaces codespan leaves at the end of some lines (before the newline, or
/// before the colour escapes that precede it), as rustc has none.
fn trim_line_ends(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for line in text.split_inclusive(|&b| b == b'\n') {
        let (body, newline) = match line.split_last() {
            Some((b'\n', body)) => (body, true),
            _ => (line, false),
        };
        // Split the line into text and `ESC [ ... m` escapes; drop the spaces of the text
        // that only escapes follow.
        let mut pieces: Vec<(bool, &[u8])> = Vec::new();
        let mut i = 0;
        while i < body.len() {
            if body[i] == 0x1b {
                let end = body[i..]
                    .iter()
                    .position(|&b| b == b'm')
                    .map_or(body.len(), |p| i + p + 1);
                pieces.push((true, &body[i..end]));
                i = end;
            } else {
                let end = body[i..]
                    .iter()
                    .position(|&b| b == 0x1b)
                    .map_or(body.len(), |p| i + p);
                pieces.push((false, &body[i..end]));
                i = end;
            }
        }
        for piece in pieces.iter_mut().rev().filter(|p| !p.0) {
            piece.1 = piece.1.trim_ascii_end();
            if !piece.1.is_empty() {
                break;
            }
        }
        for (_, p) in pieces {
            out.extend_from_slice(p);
        }
        if newline {
            out.push(b'\n');
        }
    }
    out
}

/// `warning: 2 warnings emitted`, coloured as rustc colours it.
pub(crate) fn write_summary(
    buffer: &mut Buffer,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let Some((sev, text)) = summary(diagnostics) else {
        return Ok(());
    };
    let styles = Styles::default();
    let (word, spec) = match sev {
        Severity::Error => ("error", styles.header(CsSeverity::Error)),
        Severity::Warning => ("warning", styles.header(CsSeverity::Warning)),
    };
    buffer.set_color(spec)?;
    write!(buffer, "{word}")?;
    buffer.set_color(styles.header_message())?;
    write!(buffer, ": {text}")?;
    buffer.reset()?;
    writeln!(buffer)?;
    writeln!(buffer)
}

/// codespan's view of a [`SourceFile`]: lines and columns come from the file itself, so a
/// BOM is not a column and `\r` is not part of a line.
struct CsFile<'a>(&'a SourceFile);

impl<'a> Files<'a> for CsFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.0.display.as_str())
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.0.text.as_str())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.0.position(byte_index).line - 1)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        Ok(self.0.position(byte_index).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        let count = self.0.line_count();
        if line_index >= count {
            return Err(FilesError::LineTooLarge {
                given: line_index,
                max: count - 1,
            });
        }
        let range = self.0.line_range(line_index + 1);
        // Include the terminator, as codespan expects (it trims `\r\n` itself), so a label
        // that ends on it still lies inside its line.
        let end = if line_index + 1 < count {
            self.0.line_range(line_index + 2).start
        } else {
            self.0.text.len()
        };
        Ok(range.start..end.max(range.end))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{write, Format, ReportOptions};
    use super::*;
    use crate::diagnostic::Label;
    use crate::source::Span;

    fn human(diagnostics: &[Diagnostic]) -> String {
        render_as(Format::Human, diagnostics)
    }

    #[test]
    fn warning_with_labels_notes_and_suggestion() {
        let f = file();
        let expected = "\
warning[leaklint::receiver_dropped]: the receiver of this std mpsc channel is dropped at once, so every send on it fails
 --> src/main.rs:3:14
  |
3 |     let (tx, _) = mpsc::channel::<ü8>(); // é
  |              ^    --------------------- channel created here
  |              |
  |              the receiver is dropped here
  |
  = note: `_` is not a binding: the value it matches is dropped immediately
  = help: bind the receiver and receive from it
  = note: `#[warn(leaklint::receiver_dropped)]` on by default
  = help: bind the receiver: `rx`

warning: 1 warning emitted

";
        assert_eq!(human(&[warning(&f)]), expected);
    }

    #[test]
    fn errors_and_tool_errors() {
        let f = file();
        let out = human(&[error(&f), syntax_error()]);
        let expected_tail = "\
error[leaklint::syntax_error]: cannot parse `src/bad.rs`: expected an expression
 --> src/bad.rs:2:13
  |
2 |     let x = ;
  |             ^ expected an expression

error: could not lint due to 2 previous errors

";
        assert!(
            out.starts_with("error[leaklint::receiver_dropped]: the receiver"),
            "{out}"
        );
        // No level note: not the first of its lint.
        assert!(!out.contains("on by default"), "{out}");
        assert!(out.ends_with(expected_tail), "{out}");
    }

    #[test]
    fn unreadable_file_has_no_snippet() {
        let file = SourceFile::new("gone.rs".into(), "gone.rs".into(), String::new());
        let d = Diagnostic::tool_error(
            "read_error",
            file,
            "cannot read `gone.rs`: No such file or directory (os error 2)",
            Label::new(Span::new(0, 0), ""),
        );
        assert_eq!(
            render(&d),
            "error[leaklint::read_error]: cannot read `gone.rs`: No such file or directory (os error 2)\n\n"
        );
    }

    #[test]
    fn multiline_label_and_span_ending_past_a_newline() {
        // LF file: a span from `{` through the newline after `}` ends on line 3.
        let f = SourceFile::new(
            "m.rs".into(),
            "m.rs".into(),
            "fn f() {\n    1\n}\nfn g() {}\n".into(),
        );
        let lint = crate::lints::find("receiver_dropped").unwrap();
        let start = f.text.find('{').unwrap();
        let end = f.text.find("}\n").unwrap() + 2;
        let d = Diagnostic::from_finding(
            crate::diagnostic::Finding::new(lint, "m", Label::new(Span::new(start, end), "body")),
            crate::diagnostic::Level::Warn,
            crate::diagnostic::LevelSource::Default,
            f.clone(),
        );
        let expected = "\
warning[leaklint::receiver_dropped]: m
 --> m.rs:1:8
  |
1 |   fn f() {
  |  ________^
2 | |     1
3 | | }
  | |_^ body

";
        assert_eq!(render(&d), expected);
    }

    #[test]
    fn colour_only_when_asked() {
        let f = file();
        let mut plain = Vec::new();
        write(
            &mut plain,
            &[warning(&f)],
            &ReportOptions::new(Format::Human),
        )
        .unwrap();
        assert!(!plain.contains(&0x1b));
        let mut coloured = Vec::new();
        let options = ReportOptions {
            color: true,
            ..ReportOptions::new(Format::Human)
        };
        write(&mut coloured, &[warning(&f)], &options).unwrap();
        let text = String::from_utf8(coloured).unwrap();
        assert!(text.contains("\u{1b}["), "{text}");
        // Same text once the escapes are removed.
        assert_eq!(strip_ansi(&text), String::from_utf8(plain).unwrap());
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn wide_line_numbers_and_multiline_notes() {
        let text: String = (1..=11).map(|i| format!("// {i}\n")).collect::<String>() + "    x\n";
        let f = SourceFile::new("f.rs".into(), "f.rs".into(), text.clone());
        let lint = crate::lints::find("receiver_dropped").unwrap();
        let x = text.find('x').unwrap();
        let d = Diagnostic::from_finding(
            crate::diagnostic::Finding::new(lint, "m", Label::new(Span::new(x, x + 1), "here"))
                .note("first line\nsecond line")
                .help("a\nb"),
            crate::diagnostic::Level::Deny,
            crate::diagnostic::LevelSource::Config,
            f,
        );
        let expected = "\
error[leaklint::receiver_dropped]: m
  --> f.rs:12:5
   |
12 |     x
   |     ^ here
   |
   = note: first line
           second line
   = help: a
           b

";
        assert_eq!(render(&d), expected);
    }

    #[test]
    fn line_ends_are_trimmed_around_colour_escapes() {
        let text = b"a  \n\x1b[1m|  \x1b[0m\n  \x1b[0m\nno newline  ";
        assert_eq!(
            trim_line_ends(text),
            b"a\n\x1b[1m|\x1b[0m\n\x1b[0m\nno newline".to_vec()
        );
    }

    #[test]
    fn nothing_to_report_prints_nothing() {
        assert_eq!(human(&[]), "");
    }
}
