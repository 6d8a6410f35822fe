//! rustc-style output through codespan-reporting.

use std::io::Write;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::diagnostic::{Diagnostic, Severity};

pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic], color: bool) -> std::io::Result<()> {
    let config = term::Config::default();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    for d in diagnostics {
        let file = SimpleFile::new(d.file.display.as_str(), d.file.text.as_str());
        let severity = match d.severity() {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut labels =
            vec![CsLabel::primary((), d.primary.span.range()).with_message(&d.primary.message)];
        for l in &d.secondary {
            labels.push(CsLabel::secondary((), l.span.range()).with_message(&l.message));
        }
        let mut notes = Vec::new();
        if let Some(n) = d.level_note() {
            notes.push(format!("note: {n}"));
        }
        notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
        notes.extend(d.help.iter().map(|h| format!("help: {h}")));
        let cs = CsDiagnostic::new(severity)
            .with_message(&d.message)
            .with_code(d.code())
            .with_labels(labels)
            .with_notes(notes);
        term::emit_to_write_style(&mut buffer, &config, &file, &cs)
            .map_err(std::io::Error::other)?;
    }
    out.write_all(buffer.as_slice())
}
