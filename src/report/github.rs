//! GitHub Actions workflow commands, one per diagnostic, which GitHub shows as annotations:
//!
//! ```text
//! ::warning file=src/main.rs,line=4,col=14,endLine=4,endColumn=15,title=leaklint%3A%3Areceiver_dropped::the receiver ...
//! ```
//!
//! `::error` for deny-level findings and tool errors. Property values escape `%`, `\r`,
//! `\n`, `:` and `,`; the message escapes `%`, `\r` and `\n` (so notes and help follow the
//! message on lines of their own). `col` and `endColumn` are given only for a span on one
//! line, as GitHub's annotations allow columns only then.

use std::io::Write;

use super::{artifact_path, positions, suggestion_text, ReportOptions};
use crate::diagnostic::{Diagnostic, Severity};

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", command(d, options))?;
    }
    Ok(())
}

/// Escapes the data (message) of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(d: &Diagnostic, options: &ReportOptions) -> String {
    let kind = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (start, end) = positions(&d.file, d.primary.span);
    let mut props = format!(
        "file={},line={}",
        escape_property(&artifact_path(&d.file, options)),
        start.line
    );
    if start.line == end.line {
        props.push_str(&format!(
            ",col={},endLine={},endColumn={}",
            start.column, end.line, end.column
        ));
    } else {
        props.push_str(&format!(",endLine={}", end.line));
    }
    props.push_str(&format!(",title={}", escape_property(&d.code())));
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    for h in &d.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    for s in &d.suggestions {
        message.push_str(&format!("\nhelp: {}", suggestion_text(&d.file, s)));
    }
    format!("::{kind} {props}::{}", escape_data(&message))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::Format;
    use super::*;
    use crate::diagnostic::{Finding, Label, Level, LevelSource};
    use crate::source::{SourceFile, Span};

    fn github(diagnostics: &[Diagnostic]) -> String {
        render_as(Format::Github, diagnostics)
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    }

    #[test]
    fn warning_and_error_commands() {
        let f = file();
        let out = github(&[warning(&f), syntax_error()]);
        assert_eq!(
            out,
            "::warning file=src/main.rs,line=3,col=14,endLine=3,endColumn=15,\
             title=leaklint%3A%3Areceiver_dropped::the receiver of this std mpsc channel is \
             dropped at once, so every send on it fails%0Anote: `_` is not a binding: the value \
             it matches is dropped immediately%0Ahelp: bind the receiver and receive from it\
             %0Ahelp: bind the receiver: `rx`\n\
             ::error file=src/bad.rs,line=2,col=13,endLine=2,endColumn=14,\
             title=leaklint%3A%3Asyntax_error::cannot parse `src/bad.rs`: expected an expression\n"
        );
        assert_eq!(github(&[]), "");
    }

    #[test]
    fn multiline_spans_and_odd_paths() {
        let f = SourceFile::new(
            "dir,x/100%:a.rs".into(),
            "dir,x/100%:a.rs".into(),
            "fn f() {\r\n    1\r\n}\r\n".into(),
        );
        let lint = crate::lints::find("receiver_dropped").unwrap();
        let d = Diagnostic::from_finding(
            Finding::new(
                lint,
                "50% of\nsends",
                Label::new(Span::new(7, f.text.len()), ""),
            ),
            Level::Deny,
            LevelSource::Config,
            f.clone(),
        );
        assert_eq!(
            github(&[d]),
            "::error file=dir%2Cx/100%25%3Aa.rs,line=1,endLine=3,\
             title=leaklint%3A%3Areceiver_dropped::50%25 of%0Asends\n"
        );
    }
}
