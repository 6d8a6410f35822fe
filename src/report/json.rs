//! cargo's `--message-format=json`: one `compiler-message` object per line, each holding a
//! rustc JSON diagnostic, then `{"reason":"build-finished","success":..}`. Editors and
//! rust-analyzer (`check.overrideCommand`) read these lines as `cargo_metadata::Message`.
//!
//! Without a cargo package (path mode) every file gets a synthetic one: the package lives in
//! the file's directory (its manifest path is `Cargo.toml` there, never the `.rs` file, which
//! tools would try to read as a manifest), is named after the file stem at version 0.0.0, and
//! its one target is a binary whose source is the file.
//!
//! Spans follow rustc: byte offsets into the file as it is on disk (a BOM and `\r`
//! included), 1-based lines, and 1-based columns counted in chars. Every diagnostic has a
//! primary span (line 1, column 1 for a file that could not be read).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{file_url, lexical_absolute, normalize, success, ReportOptions};
use crate::diagnostic::{Diagnostic, Severity};
use crate::discover::{PackageInfo, TargetInfo};
use crate::source::{SourceFile, Span};

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    _options: &ReportOptions,
) -> std::io::Result<()> {
    for d in diagnostics {
        serde_json::to_writer(&mut *out, &compiler_message(d))?;
        out.write_all(b"\n")?;
    }
    serde_json::to_writer(
        &mut *out,
        &BuildFinished {
            reason: "build-finished",
            success: success(diagnostics),
        },
    )?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct BuildFinished {
    reason: &'static str,
    success: bool,
}

#[derive(Serialize)]
struct CompilerMessage {
    reason: &'static str,
    package_id: String,
    manifest_path: String,
    target: Target,
    message: RustcDiagnostic,
}

/// cargo's serialized target.
#[derive(Serialize)]
struct Target {
    kind: Vec<String>,
    crate_types: Vec<String>,
    name: String,
    src_path: String,
    edition: String,
    doc: bool,
    doctest: bool,
    test: bool,
}

/// rustc's JSON diagnostic (`$message_type` only on the top level, as rustc writes it).
#[derive(Serialize)]
struct RustcDiagnostic {
    #[serde(rename = "$message_type", skip_serializing_if = "Option::is_none")]
    message_type: Option<&'static str>,
    message: String,
    code: Option<Code>,
    level: &'static str,
    spans: Vec<JsonSpan>,
    children: Vec<RustcDiagnostic>,
    rendered: Option<String>,
}

#[derive(Serialize)]
struct Code {
    code: String,
    explanation: Option<String>,
}

#[derive(Serialize)]
struct JsonSpan {
    file_name: String,
    byte_start: u32,
    byte_end: u32,
    line_start: usize,
    line_end: usize,
    column_start: usize,
    column_end: usize,
    is_primary: bool,
    text: Vec<SpanLine>,
    label: Option<String>,
    suggested_replacement: Option<String>,
    suggestion_applicability: Option<&'static str>,
    expansion: Option<()>,
}

#[derive(Serialize)]
struct SpanLine {
    text: String,
    highlight_start: usize,
    highlight_end: usize,
}

fn compiler_message(d: &Diagnostic) -> CompilerMessage {
    let (package_id, manifest_path, target) = match &d.package {
        Some(p) => package_fields(p, &d.file),
        None => synthetic_package(&d.file),
    };
    CompilerMessage {
        reason: "compiler-message",
        package_id,
        manifest_path,
        target,
        message: diagnostic(d),
    }
}

fn diagnostic(d: &Diagnostic) -> RustcDiagnostic {
    let file = &d.file;
    let mut spans = vec![span(
        file,
        normalize(file, d.primary.span),
        true,
        &d.primary.message,
    )];
    spans.extend(
        d.secondary
            .iter()
            .map(|l| span(file, normalize(file, l.span), false, &l.message)),
    );
    let child = |level: &'static str, message: &str, spans: Vec<JsonSpan>| RustcDiagnostic {
        message_type: None,
        message: message.to_string(),
        code: None,
        level,
        spans,
        children: Vec::new(),
        rendered: None,
    };
    let mut children: Vec<RustcDiagnostic> = d
        .notes
        .iter()
        .map(|n| child("note", n, Vec::new()))
        .collect();
    children.extend(d.help.iter().map(|h| child("help", h, Vec::new())));
    if let Some(n) = d.level_note() {
        children.push(child("note", &n, Vec::new()));
    }
    for s in &d.suggestions {
        let spans = s
            .edits
            .iter()
            .map(|e| {
                // The edit's exact bytes: a fix must replace what it says it replaces.
                let mut js = span(file, clamp(file, e.span), true, "");
                js.suggested_replacement = Some(e.replacement.clone());
                js.suggestion_applicability = Some(s.applicability.as_str());
                js
            })
            .collect();
        children.push(child("help", &s.message, spans));
    }
    RustcDiagnostic {
        message_type: Some("diagnostic"),
        message: d.message.clone(),
        code: Some(Code {
            code: d.code(),
            explanation: None,
        }),
        level: match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        spans,
        children,
        rendered: Some(super::human::render(d)),
    }
}

/// A span inside the text, on char boundaries (no other change).
fn clamp(file: &SourceFile, span: Span) -> Span {
    let text = &file.text;
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start as usize);
    Span::new(start, fix(span.end as usize).max(start))
}

fn span(file: &SourceFile, span: Span, is_primary: bool, label: &str) -> JsonSpan {
    let start = file.position(span.start as usize);
    let end = file.position(span.end as usize);
    let text = if file.text.is_empty() {
        Vec::new()
    } else {
        (start.line..=end.line)
            .map(|line| {
                let text = file.line_text(line).to_string();
                let highlight_start = if line == start.line { start.column } else { 1 };
                let highlight_end = if line == end.line {
                    end.column
                } else {
                    text.chars().count() + 1
                };
                SpanLine {
                    text,
                    highlight_start,
                    highlight_end,
                }
            })
            .collect()
    };
    JsonSpan {
        file_name: file.display.clone(),
        byte_start: span.start,
        byte_end: span.end,
        line_start: start.line,
        line_end: end.line,
        column_start: start.column,
        column_end: end.column,
        is_primary,
        text,
        label: (!label.is_empty()).then(|| label.to_string()),
        suggested_replacement: None,
        suggestion_applicability: None,
        expansion: None,
    }
}

fn path_string(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn package_fields(p: &PackageInfo, file: &SourceFile) -> (String, String, Target) {
    let abs = lexical_absolute(&file.path).unwrap_or_else(|| file.path.clone());
    let target = match p.target_for(&abs) {
        Some(t) => target(t),
        None => synthetic_target(&p.name, &abs),
    };
    (p.id.clone(), path_string(&p.manifest_path), target)
}

/// cargo's defaults for a target of this kind.
fn target(t: &TargetInfo) -> Target {
    let is = |k: &str| t.kind.iter().any(|x| x == k);
    let lib_like = is("lib")
        || is("rlib")
        || is("dylib")
        || is("cdylib")
        || is("staticlib")
        || is("proc-macro");
    Target {
        kind: t.kind.clone(),
        crate_types: t.crate_types.clone(),
        name: t.name.clone(),
        src_path: path_string(&t.src_path),
        edition: t.edition.clone(),
        doc: lib_like || is("bin"),
        doctest: lib_like && !is("cdylib") && !is("staticlib"),
        test: lib_like || is("bin") || is("test"),
    }
}

/// A package name from a file stem: what cargo accepts in a name.
fn package_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        "main".into()
    } else {
        name
    }
}

fn synthetic_package(file: &SourceFile) -> (String, String, Target) {
    let abs: PathBuf = lexical_absolute(&file.path).unwrap_or_else(|| file.path.clone());
    let name = package_name(&abs);
    let dir = abs.parent().unwrap_or(Path::new("/"));
    let id = format!("path+{}#{name}@0.0.0", file_url(dir, false));
    let target = synthetic_target(&name, &abs);
    (id, path_string(&dir.join("Cargo.toml")), target)
}

fn synthetic_target(name: &str, src: &Path) -> Target {
    Target {
        kind: vec!["bin".into()],
        crate_types: vec!["bin".into()],
        name: name.replace('-', "_"),
        src_path: path_string(src),
        edition: "2021".into(),
        doc: true,
        doctest: false,
        test: true,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use cargo_metadata::diagnostic::{Applicability, DiagnosticLevel};
    use cargo_metadata::Message;
    use serde_json::{json, Value};

    use super::super::testutil::*;
    use super::super::{write, Format, ReportOptions};
    use super::*;
    use crate::diagnostic::Label;

    fn lines(diagnostics: &[Diagnostic]) -> Vec<String> {
        let mut out = Vec::new();
        write(&mut out, diagnostics, &ReportOptions::new(Format::Json)).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn package(root: &Path) -> Arc<PackageInfo> {
        let target = |name: &str, kind: &str, src: &str| TargetInfo {
            name: name.into(),
            kind: vec![kind.into()],
            crate_types: vec![if kind == "lib" { "lib" } else { "bin" }.into()],
            src_path: root.join(src),
            edition: "2021".into(),
        };
        Arc::new(PackageInfo {
            name: "demo".into(),
            id: "path+file:///work/demo#0.1.0".into(),
            manifest_path: root.join("Cargo.toml"),
            root: root.to_path_buf(),
            targets: vec![
                target("demo", "lib", "src/lib.rs"),
                target("demo", "bin", "src/main.rs"),
                target("tool", "bin", "src/bin/tool.rs"),
            ],
        })
    }

    #[test]
    fn every_line_parses_as_a_cargo_message() {
        let f = file();
        let all = [warning(&f), error(&f), syntax_error()];
        let out = lines(&all);
        assert_eq!(out.len(), 4);
        for line in &out[..3] {
            match serde_json::from_str::<Message>(line).unwrap() {
                Message::CompilerMessage(m) => {
                    assert!(m.message.spans.iter().any(|s| s.is_primary), "{line}");
                    assert!(m.message.rendered.is_some());
                }
                other => panic!("not a compiler message: {other:?}"),
            }
        }
        match serde_json::from_str::<Message>(&out[3]).unwrap() {
            Message::BuildFinished(b) => assert!(!b.success),
            other => panic!("{other:?}"),
        }
        // Warnings alone succeed.
        let out = lines(&[warning(&f)]);
        assert_eq!(out[1], r#"{"reason":"build-finished","success":true}"#);
        assert_eq!(
            lines(&[]),
            vec![r#"{"reason":"build-finished","success":true}"#]
        );
    }

    #[test]
    fn rustc_diagnostic_fields() {
        let f = file();
        let d = warning(&f);
        let line = &lines(std::slice::from_ref(&d))[0];
        let Message::CompilerMessage(m) = serde_json::from_str::<Message>(line).unwrap() else {
            panic!()
        };
        let msg = m.message;
        assert_eq!(
            msg.code.as_ref().unwrap().code,
            "leaklint::receiver_dropped"
        );
        assert_eq!(msg.code.as_ref().unwrap().explanation, None);
        assert_eq!(msg.level, DiagnosticLevel::Warning);
        assert_eq!(msg.spans.len(), 2);

        // The `_` on line 3: bytes count the BOM (3), line 1 (20 + CRLF), line 2 (11 + CRLF)
        // and 13 ASCII bytes; columns count chars and skip the BOM.
        let p = &msg.spans[0];
        assert_eq!(p.file_name, "src/main.rs");
        assert_eq!(
            (p.byte_start, p.byte_end),
            (3 + 22 + 13 + 13, 3 + 22 + 13 + 14)
        );
        assert_eq!(&f.text[p.byte_start as usize..p.byte_end as usize], "_");
        assert_eq!(
            (p.line_start, p.column_start, p.line_end, p.column_end),
            (3, 14, 3, 15)
        );
        assert!(p.is_primary);
        assert_eq!(p.label.as_deref(), Some("the receiver is dropped here"));
        assert_eq!(p.text.len(), 1);
        assert_eq!(
            p.text[0].text,
            "    let (tx, _) = mpsc::channel::<ü8>(); // é"
        );
        assert_eq!(
            (p.text[0].highlight_start, p.text[0].highlight_end),
            (14, 15)
        );
        assert!(p.expansion.is_none());

        // The secondary label covers `ü` (2 bytes, 1 column).
        let s = &msg.spans[1];
        assert!(!s.is_primary);
        assert_eq!(
            &f.text[s.byte_start as usize..s.byte_end as usize],
            "mpsc::channel::<ü8>()"
        );
        assert_eq!(s.byte_end - s.byte_start, 22);
        assert_eq!((s.column_start, s.column_end), (19, 40));
        assert_eq!(s.label.as_deref(), Some("channel created here"));

        // Children: note, help, level note, then the suggestion.
        let kids: Vec<_> = msg
            .children
            .iter()
            .map(|c| (c.level, c.message.as_str(), c.spans.len()))
            .collect();
        assert_eq!(
            kids,
            vec![
                (
                    DiagnosticLevel::Note,
                    "`_` is not a binding: the value it matches is dropped immediately",
                    0
                ),
                (
                    DiagnosticLevel::Help,
                    "bind the receiver and receive from it",
                    0
                ),
                (
                    DiagnosticLevel::Note,
                    "`#[warn(leaklint::receiver_dropped)]` on by default",
                    0
                ),
                (DiagnosticLevel::Help, "bind the receiver", 1),
            ]
        );
        let fix = &msg.children[3].spans[0];
        assert_eq!(fix.suggested_replacement.as_deref(), Some("rx"));
        assert_eq!(
            fix.suggestion_applicability,
            Some(Applicability::MaybeIncorrect)
        );
        assert_eq!((fix.byte_start, fix.byte_end), (p.byte_start, p.byte_end));
        assert_eq!(
            (fix.line_start, fix.column_start, fix.column_end),
            (3, 14, 15)
        );
        assert!(fix.is_primary);
        assert_eq!(
            msg.rendered.as_deref(),
            Some(super::super::human::render(&d).as_str())
        );
        assert!(!msg.rendered.unwrap().contains('\u{1b}'));
    }

    #[test]
    fn exact_shape_of_children_and_top_level() {
        let f = file();
        let line = &lines(&[warning(&f)])[0];
        let v: Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["manifest_path", "message", "package_id", "reason", "target"]
        );
        assert_eq!(v["reason"], "compiler-message");
        assert_eq!(v["message"]["$message_type"], "diagnostic");
        assert_eq!(
            v["message"]["children"][0],
            json!({
                "message": "`_` is not a binding: the value it matches is dropped immediately",
                "code": null,
                "level": "note",
                "spans": [],
                "children": [],
                "rendered": null
            })
        );
        assert_eq!(v["message"]["spans"][0]["expansion"], Value::Null);
        assert_eq!(
            v["message"]["spans"][0]["suggested_replacement"],
            Value::Null
        );
        assert_eq!(
            v["message"]["spans"][0]["suggestion_applicability"],
            Value::Null
        );
        assert_eq!(
            v["message"]["children"][3]["spans"][0]["suggestion_applicability"],
            "MaybeIncorrect"
        );
    }

    #[test]
    fn synthetic_package_in_path_mode() {
        let f = file();
        let line = &lines(&[warning(&f)])[0];
        let v: Value = serde_json::from_str(line).unwrap();
        let abs = std::env::current_dir().unwrap().join("src").join("main.rs");
        let dir_url = file_url(abs.parent().unwrap(), false);
        assert_eq!(v["package_id"], format!("path+{dir_url}#main@0.0.0"));
        let manifest = abs.parent().unwrap().join("Cargo.toml");
        assert_eq!(v["manifest_path"], manifest.to_string_lossy().as_ref());
        assert_eq!(
            v["target"],
            json!({
                "kind": ["bin"],
                "crate_types": ["bin"],
                "name": "main",
                "src_path": abs.to_string_lossy(),
                "edition": "2021",
                "doc": true,
                "doctest": false,
                "test": true
            })
        );
    }

    #[test]
    fn package_target_is_found_from_the_file() {
        let root = std::env::temp_dir().join("leaklint-json-demo");
        let pkg = package(&root);
        let text = "fn main() {\n    let (tx, _) = std::sync::mpsc::channel::<u8>();\n}\n";
        let make = |rel: &str| {
            let file = SourceFile::new(root.join(rel), rel.into(), text.into());
            let mut d = Diagnostic::tool_error(
                "syntax_error",
                file.clone(),
                "x",
                Label::new(span_of(text, "_"), ""),
            );
            d.package = Some(pkg.clone());
            d
        };
        let out = lines(&[
            make("src/lib.rs"),
            make("src/bin/tool.rs"),
            make("src/model/x.rs"),
        ]);
        let parsed: Vec<_> = out[..3]
            .iter()
            .map(|l| match serde_json::from_str::<Message>(l).unwrap() {
                Message::CompilerMessage(m) => m,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(parsed[0].package_id.repr, "path+file:///work/demo#0.1.0");
        assert_eq!(parsed[0].target.name, "demo");
        assert!(parsed[0].target.doctest);
        assert_eq!(parsed[1].target.name, "tool");
        assert!(!parsed[1].target.doctest);
        assert_eq!(
            parsed[1].target.src_path.as_std_path(),
            root.join("src/bin/tool.rs")
        );
        // A module file belongs to the library, the target whose directory holds it.
        assert_eq!(parsed[2].target.name, "demo");
        assert_eq!(parsed[2].target.kind, vec![cargo_metadata::TargetKind::Lib]);
        let v: Value = serde_json::from_str(&out[0]).unwrap();
        assert_eq!(
            v["manifest_path"],
            root.join("Cargo.toml").to_string_lossy().as_ref()
        );
        // The primary span has no label when the label is empty.
        assert_eq!(v["message"]["spans"][0]["label"], Value::Null);
        assert_eq!(v["message"]["level"], "error");
        assert_eq!(v["message"]["code"]["code"], "leaklint::syntax_error");
    }

    #[test]
    fn unreadable_file_still_has_a_primary_span() {
        let file = SourceFile::new("gone.rs".into(), "gone.rs".into(), String::new());
        let d = Diagnostic::tool_error(
            "read_error",
            file,
            "cannot read `gone.rs`",
            Label::new(Span::new(0, 0), ""),
        );
        let v: Value = serde_json::from_str(&lines(&[d])[0]).unwrap();
        assert_eq!(
            v["message"]["spans"],
            json!([{
                "file_name": "gone.rs",
                "byte_start": 0, "byte_end": 0,
                "line_start": 1, "line_end": 1,
                "column_start": 1, "column_end": 1,
                "is_primary": true,
                "text": [],
                "label": null,
                "suggested_replacement": null,
                "suggestion_applicability": null,
                "expansion": null
            }])
        );
    }

    #[test]
    fn multiline_spans_have_one_text_line_each() {
        let f = file();
        let lint = crate::lints::find("receiver_dropped").unwrap();
        // From `{` on line 2 to the end of `}` on line 5, ending on its `\r\n`.
        let start = f.text.find('{').unwrap();
        let end = f.text.rfind('}').unwrap() + 3;
        let d = Diagnostic::from_finding(
            crate::diagnostic::Finding::new(lint, "m", Label::new(Span::new(start, end), "body")),
            crate::diagnostic::Level::Warn,
            crate::diagnostic::LevelSource::Default,
            f.clone(),
        );
        let v: Value = serde_json::from_str(&lines(&[d])[0]).unwrap();
        let span = &v["message"]["spans"][0];
        assert_eq!(span["line_start"], 2);
        assert_eq!(span["column_start"], 11);
        // Normalized: ends after `}` on line 5, not on the next line.
        assert_eq!(span["line_end"], 5);
        assert_eq!(span["column_end"], 2);
        assert_eq!(span["byte_end"], f.text.rfind('}').unwrap() + 1);
        let text = span["text"].as_array().unwrap();
        assert_eq!(text.len(), 4);
        assert_eq!(
            text[0],
            json!({"text": "fn main() {", "highlight_start": 11, "highlight_end": 12})
        );
        assert_eq!(text[1]["highlight_start"], 1);
        // Line 3 is 45 chars long (`ü` and `é` are one column each).
        assert_eq!(text[1]["highlight_end"], 46);
        assert_eq!(
            text[3],
            json!({"text": "}", "highlight_start": 1, "highlight_end": 2})
        );
    }
}
