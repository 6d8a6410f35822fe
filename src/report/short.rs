//! One line per diagnostic, as rustc's `--error-format=short`:
//!
//! ```text
//! src/main.rs:4:14: warning[leaklint::receiver_dropped]: the receiver of this ... fails
//! warning: 1 warning emitted
//! ```

use std::io::Write;

use codespan_reporting::term::DisplayStyle;

use super::human::{buffer, emit, write_summary};
use super::ReportOptions;
use crate::diagnostic::Diagnostic;

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    for d in diagnostics {
        out.write_all(&emit(d, DisplayStyle::Short, options.color)?)?;
    }
    if options.quiet {
        return Ok(());
    }
    let mut buffer = buffer(options.color);
    write_summary(&mut buffer, diagnostics)?;
    out.write_all(buffer.as_slice())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::Format;
    use crate::diagnostic::{Diagnostic, Label};
    use crate::source::{SourceFile, Span};

    fn short(diagnostics: &[Diagnostic]) -> String {
        render_as(Format::Short, diagnostics)
    }

    #[test]
    fn one_line_each_then_the_summary() {
        let f = file();
        let unreadable = Diagnostic::tool_error(
            "read_error",
            SourceFile::new("gone.rs".into(), "gone.rs".into(), String::new()),
            "cannot read `gone.rs`: not found",
            Label::new(Span::new(0, 0), ""),
        );
        let out = short(&[warning(&f), syntax_error(), unreadable]);
        assert_eq!(
            out,
            "\
src/main.rs:3:14: warning[leaklint::receiver_dropped]: the receiver of this std mpsc channel is dropped at once, so every send on it fails
src/bad.rs:2:13: error[leaklint::syntax_error]: cannot parse `src/bad.rs`: expected an expression
gone.rs:1:1: error[leaklint::read_error]: cannot read `gone.rs`: not found
error: could not lint due to 2 previous errors; 1 warning emitted

"
        );
    }
}
