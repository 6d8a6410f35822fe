//! leaklint's values in LSP's terms: byte spans as UTF-16 positions, diagnostics with their
//! code, documentation link and related information, suggestions as code actions, and
//! `file://` URIs as paths.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{
    CodeAction, CodeActionKind, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity,
    Location, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::source::{SourceFile, Span};

/// The LSP position of byte `offset` of `file`: a 0-based line and a column in UTF-16 code
/// units, as LSP counts by default. A byte-order mark counts as a character of line 0, as
/// it is part of the text the editor sent.
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let offset = offset.min(file.text.len());
    let line = file.position(offset).line;
    let start = if line == 1 {
        0
    } else {
        file.line_range(line).start
    };
    let column = file.text[start..offset].encode_utf16().count();
    Position::new((line - 1) as u32, column as u32)
}

/// The LSP range of a byte span.
pub fn range(file: &SourceFile, span: Span) -> Range {
    Range::new(
        position(file, span.start as usize),
        position(file, span.end as usize),
    )
}

/// The byte offset of an LSP position in `text` (UTF-16 column); a position past the end of
/// its line is the end of the line, past the last line the end of the text.
pub fn offset(text: &str, at: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..at.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= at.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line.len()
}

/// The path a `file://` URI names (percent-decoded), or `None` for another scheme.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only an empty host or `localhost` is a local file.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let path = rest.split(['?', '#']).next()?;
    let bytes = percent_decode(path)?;
    let text = String::from_utf8(bytes).ok()?;
    // `file:///C:/x` on Windows.
    if cfg!(windows) {
        if let Some(stripped) = text.strip_prefix('/') {
            if stripped.as_bytes().get(1) == Some(&b':') {
                return Some(PathBuf::from(stripped));
            }
        }
    }
    Some(PathBuf::from(text))
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `file://` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    Uri::from_str(&crate::report::file_url(path, false)).ok()
}

/// A diagnostic in LSP's terms, for the document `uri` that holds its file. Notes and help
/// follow the message on lines of their own; labels become related information; `links`
/// maps a lint's name to the URI of its document.
pub fn diagnostic(d: &Diagnostic, uri: &Uri, links: &HashMap<&str, Uri>) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    for help in &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(&d.file, label.span)),
            message: if label.message.is_empty() {
                "related".to_string()
            } else {
                label.message.clone()
            },
        })
        .collect();
    let link = d.lint().and_then(|l| links.get(l.name));
    lsp_types::Diagnostic {
        range: range(&d.file, d.primary.span),
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code())),
        code_description: link.map(|href| CodeDescription { href: href.clone() }),
        source: Some("leaklint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// One code action per suggestion of `d` (machine-applicable ones are marked preferred),
/// each fixing `shown` (the diagnostic as published).
pub fn code_actions(d: &Diagnostic, shown: &lsp_types::Diagnostic, uri: &Uri) -> Vec<CodeAction> {
    d.suggestions
        .iter()
        .filter(|s| !s.edits.is_empty())
        .map(|s| {
            let edits = s
                .edits
                .iter()
                .map(|e| TextEdit::new(range(&d.file, e.span), e.replacement.clone()))
                .collect();
            CodeAction {
                title: s.message.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(s.applicability == Applicability::MachineApplicable),
                ..CodeAction::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> std::sync::Arc<SourceFile> {
        SourceFile::new("a.rs".into(), "a.rs".into(), text.into())
    }

    #[test]
    fn positions_count_utf16_units() {
        let text = "fn a() {}\nlet s = \"😀é\"; x\n";
        let f = file(text);
        let x = text.rfind('x').unwrap();
        // `let s = "` is 9, 😀 is 2 units, é 1, `"; ` 3.
        assert_eq!(position(&f, x), Position::new(1, 15));
        assert_eq!(offset(text, Position::new(1, 15)), x);
        assert_eq!(position(&f, 0), Position::new(0, 0));
        assert_eq!(offset(text, Position::new(0, 99)), text.find('\n').unwrap());
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
    }

    #[test]
    fn a_byte_order_mark_is_a_column_of_the_first_line() {
        let text = "\u{feff}fn a() {}\n";
        let f = file(text);
        assert_eq!(position(&f, text.find("fn").unwrap()), Position::new(0, 1));
        assert_eq!(offset(text, Position::new(0, 1)), 3);
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/a dir/%x/é.rs");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20dir/%25x/%C3%A9.rs");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let other = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(uri_to_path(&other), None);
    }
}
