//! `cargo leaklint - --stdin-filename PATH`: lint the text on standard input (an editor's
//! unsaved buffer) as the file PATH, which need not exist. Findings are reported under PATH;
//! the configuration is the one PATH would get in path mode.

use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;

use crate::config::Levels;
use crate::diagnostic::{Diagnostic, Label};
use crate::engine::{self, EngineOptions, InputFile, Outcome, MAX_FILE_BYTES, WORKER_STACK};
use crate::source::{SourceFile, Span};

/// The name findings on standard input are shown under without `--stdin-filename`.
pub const DEFAULT_NAME: &str = "<stdin>";

/// Reads `input` to the end and lints it as one file shown as `display`, on a thread with
/// the workers' stack. I/O errors, invalid UTF-8, a text over [`MAX_FILE_BYTES`] and a crash
/// become tool-error diagnostics, as for files.
pub fn lint(display: &str, input: &mut dyn Read, levels: &Levels) -> Outcome {
    match read(display, input) {
        Ok(text) => lint_alone(display, text, levels),
        Err(outcome) => outcome,
    }
}

/// Reads `input` to the end and lints it as `files[named]`, with the other files of its
/// package as context (path mode's context, issue 8 §7): a finding on the buffer does not
/// depend on whether the facts it needs are in the buffer or in another file on disk.
pub fn lint_in_package(
    input: &mut dyn Read,
    files: &[InputFile],
    named: usize,
    levels: &[Levels],
    options: &EngineOptions,
) -> Outcome {
    let file = &files[named];
    match read(&file.display, input) {
        Ok(text) => {
            let texts = HashMap::from([(file.path.clone(), text)]);
            engine::run_with_texts(files, levels, options, &texts)
        }
        Err(outcome) => outcome,
    }
}

/// The text of `input`, or the tool-error outcome that says why it cannot be linted.
fn read(display: &str, input: &mut dyn Read) -> Result<String, Outcome> {
    let mut bytes = Vec::new();
    let read = input
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    let error = |code, message, text, span| tool_error(display, code, message, text, span);
    if let Err(e) = read {
        return Err(error(
            "read_error",
            format!("cannot read standard input: {e}"),
            String::new(),
            Span::default(),
        ));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(
            "file_too_large",
            format!(
                "standard input is over the {} MiB leaklint analyses; it was skipped",
                MAX_FILE_BYTES >> 20
            ),
            String::new(),
            Span::default(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        error(
            "invalid_utf8",
            format!("`{display}` is not valid UTF-8 (invalid byte at offset {at})"),
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Span::new(at, at + 1),
        )
    })
}

/// Lints `text` as a file of its own (no package around it).
fn lint_alone(display: &str, text: String, levels: &Levels) -> Outcome {
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
        _ => tool_error(
            display,
            "internal_error",
            "leaklint crashed while analysing standard input".into(),
            String::new(),
            Span::default(),
        ),
    }
}

/// An outcome holding one tool error on standard input.
fn tool_error(
    display: &str,
    code: &'static str,
    message: String,
    text: String,
    span: Span,
) -> Outcome {
    Outcome {
        diagnostics: vec![Diagnostic::tool_error(
            code,
            SourceFile::new(display.into(), display.into(), text),
            message,
            Label::new(span, ""),
        )],
        files_seen: 1,
        ..Outcome::default()
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
