//! `cargo leaklint - --stdin-filename PATH`: lint the text on standard input (an editor's
//! unsaved buffer) as the file PATH, which need not exist. Findings are reported under PATH;
//! the configuration is the one PATH would get in path mode.

use std::io::Read;
use std::sync::Arc;

use crate::config::Levels;
use crate::diagnostic::{Diagnostic, Label};
use crate::engine::{self, Outcome, MAX_FILE_BYTES, WORKER_STACK};
use crate::source::{SourceFile, Span};

/// The name findings on standard input are shown under without `--stdin-filename`.
pub const DEFAULT_NAME: &str = "<stdin>";

/// Reads `input` to the end and lints it as one file shown as `display`, on a thread with
/// the workers' stack. I/O errors, invalid UTF-8, a text over [`MAX_FILE_BYTES`] and a crash
/// become tool-error diagnostics, as for files.
pub fn lint(display: &str, input: &mut dyn Read, levels: &Levels) -> Outcome {
    let mut bytes = Vec::new();
    let read = input
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    let error = |code: &'static str, message: String, text: String, span: Span| Outcome {
        diagnostics: vec![Diagnostic::tool_error(
            code,
            SourceFile::new(display.into(), display.into(), text),
            message,
            Label::new(span, ""),
        )],
        files_seen: 1,
        ..Outcome::default()
    };
    if let Err(e) = read {
        return error(
            "read_error",
            format!("cannot read standard input: {e}"),
            String::new(),
            Span::default(),
        );
    }
    if bytes.len() > MAX_FILE_BYTES {
        return error(
            "file_too_large",
            format!(
                "standard input is over the {} MiB leaklint analyses; it was skipped",
                MAX_FILE_BYTES >> 20
            ),
            String::new(),
            Span::default(),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return error(
                "invalid_utf8",
                format!("`{display}` is not valid UTF-8 (invalid byte at offset {at})"),
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Span::new(at, at + 1),
            );
        }
    };
    let name: Arc<str> = display.into();
    let levels = levels.clone();
    let worker = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || engine::lint_source(&name, &text, &levels));
    match worker.map(|w| w.join()) {
        Ok(Ok(diagnostics)) => Outcome {
            diagnostics,
            files_seen: 1,
            files_parsed: 1,
            ..Outcome::default()
        },
        _ => error(
            "internal_error",
            "leaklint crashed while analysing standard input".into(),
            String::new(),
            Span::default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_reported_under_the_given_name() {
        let text = "fn main() {\n    let (tx, _) = std::sync::mpsc::channel::<u32>();\n    let _ = tx.send(1);\n}\n";
        let outcome = lint("src/unsaved.rs", &mut text.as_bytes(), &Levels::default());
        assert_eq!(outcome.diagnostics.len(), 1);
        assert_eq!(outcome.diagnostics[0].file.display, "src/unsaved.rs");
        assert!(outcome.diagnostics[0].fingerprint.is_some());
    }

    #[test]
    fn invalid_utf8_is_located() {
        let outcome = lint("x.rs", &mut &b"fn f() {}\n\xff"[..], &Levels::default());
        assert_eq!(outcome.diagnostics[0].code(), "leaklint::invalid_utf8");
        assert_eq!(outcome.diagnostics[0].primary.span, Span::new(10, 11));
    }
}
