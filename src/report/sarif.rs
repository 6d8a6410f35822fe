//! A SARIF 2.1.0 log, as GitHub code scanning accepts it.
//!
//! - `runs[0].tool.driver.rules` lists every lint of the registry (`leaklint::NAME`), with
//!   its summary, its "What it does" section, its whole document as help, and its group's
//!   default level (`error` for deny, `warning` for warn; allow-by-default lints are
//!   `note` and not enabled).
//! - Each lint diagnostic is a result: the primary label is `locations[0]`, secondary labels
//!   are `relatedLocations`, suggestions are `fixes`.
//! - A result carries its fingerprint (see [`crate::baseline`]) as
//!   `partialFingerprints["leaklint/v1"]`, when the diagnostic has one.
//! - Tool errors (unreadable or unparsable files) are not results but
//!   `invocations[0].toolExecutionNotifications`, and make `executionSuccessful` false.
//! - URIs are relative to `%SRCROOT%` (the report's source root, or the directory the
//!   display paths are relative to), with forward slashes; columns are
//!   `unicodeCodePoints`, 1-based, the end column exclusive.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::{
    artifact_location, file_url, lexical_absolute, positions, relative_uri, suggestion_text,
    ReportOptions,
};
use crate::diagnostic::{Diagnostic, Level, Origin, Severity, Suggestion};
use crate::lints::{doc_section, Lint, LINTS};
use crate::source::{SourceFile, Span};

/// The OASIS schema of SARIF 2.1.0 (errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Where users learn about the tool.
pub const INFORMATION_URI: &str = "https://crates.io/crates/cargo-leaklint";
const SRCROOT: &str = "%SRCROOT%";

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(diagnostics, options))?;
    out.write_all(b"\n")
}

/// `--list --message-format sarif`: a SARIF log whose one run has every lint in
/// `tool.driver.rules` and no invocation or result (what code-scanning services read to
/// know the rules before any finding).
pub fn write_rules(out: &mut dyn Write) -> std::io::Result<()> {
    let mut log = log(&[], &ReportOptions::new(super::Format::Sarif));
    for run in &mut log.runs {
        run.invocations.clear();
    }
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<BTreeMap<&'static str, ArtifactLocation>>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notifications: Vec<Descriptor>,
}

/// A `reportingDescriptor`: a rule, or the kind of a tool notification.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    name: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(text: impl Into<String>) -> Self {
        Text { text: text.into() }
    }
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    #[serde(skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    descriptor: DescriptorReference,
}

#[derive(Serialize)]
struct DescriptorReference {
    id: String,
    index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
    /// `{"leaklint/v1": "HASH:N"}` (see [`crate::baseline`]), so that code scanning follows
    /// a finding across commits.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

fn log(diagnostics: &[Diagnostic], options: &ReportOptions) -> Log {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    let mut notification_kinds: Vec<&'static str> = Vec::new();
    for d in diagnostics {
        match d.origin {
            Origin::Lint { lint, .. } => results.push(result(d, lint, options)),
            Origin::Tool { code } => {
                let index = match notification_kinds.iter().position(|&c| c == code) {
                    Some(i) => i,
                    None => {
                        notification_kinds.push(code);
                        notification_kinds.len() - 1
                    }
                };
                notifications.push(Notification {
                    level: "error",
                    message: Text::new(&d.message),
                    locations: vec![location(
                        &d.file,
                        d.primary.span,
                        None,
                        &d.primary.message,
                        options,
                    )],
                    descriptor: DescriptorReference {
                        id: d.code(),
                        index,
                    },
                });
            }
        }
    }
    let original_uri_base_ids = options.source_root.as_deref().and_then(|root| {
        let root = lexical_absolute(root)?;
        Some(BTreeMap::from([(
            SRCROOT,
            ArtifactLocation {
                uri: file_url(&root, true),
                uri_base_id: None,
            },
        )]))
    });
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "leaklint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: LINTS.iter().map(|l| rule(l)).collect(),
                    notifications: notification_kinds
                        .iter()
                        .map(|c| notification_kind(c))
                        .collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: notifications.is_empty(),
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids,
            results,
            column_kind: "unicodeCodePoints",
        }],
    }
}

/// SARIF's level for a lint level.
fn level(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
}

/// Markdown prose as plain text: the lines of a paragraph joined with spaces, paragraphs
/// separated by a blank line.
fn prose(markdown: &str) -> String {
    markdown
        .trim()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn rule(lint: &Lint) -> Descriptor {
    let doc = lint.doc.trim();
    let what = doc_section(doc, "What it does")
        .map(prose)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| prose(lint.summary()));
    let default = lint.default_level();
    Descriptor {
        id: lint.code(),
        name: lint.name.to_string(),
        short_description: Text::new(prose(lint.summary())),
        full_description: Some(Text::new(what)),
        help: Some(Help {
            text: doc.to_string(),
            markdown: doc.to_string(),
        }),
        default_configuration: Some(Configuration {
            enabled: (default == Level::Allow).then_some(false),
            level: level(default),
        }),
        properties: Some(Properties {
            tags: vec!["leaklint".into(), lint.group.name().into()],
        }),
    }
}

fn notification_kind(code: &str) -> Descriptor {
    let text = crate::codes::find(code).map_or("leaklint could not analyse a file.", |c| c.summary);
    Descriptor {
        id: format!("leaklint::{code}"),
        name: code.to_string(),
        short_description: Text::new(text),
        full_description: None,
        help: None,
        default_configuration: None,
        properties: None,
    }
}

fn result(d: &Diagnostic, lint: &'static Lint, options: &ReportOptions) -> SarifResult {
    let rule_index = LINTS
        .iter()
        .position(|l| l.name == lint.name)
        .expect("every lint is in the registry");
    // The message, then the notes and help in rustc's words; the first sentence stays the
    // message, which is what viewers show when space is short.
    let mut text = d.message.clone();
    for n in &d.notes {
        text.push_str(&format!("\nnote: {n}"));
    }
    for h in &d.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    for s in &d.suggestions {
        text.push_str(&format!("\nhelp: {}", suggestion_text(&d.file, s)));
    }
    SarifResult {
        rule_id: lint.code(),
        rule_index,
        level: match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Text::new(text),
        locations: vec![location(
            &d.file,
            d.primary.span,
            None,
            &d.primary.message,
            options,
        )],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| location(&d.file, l.span, Some(i + 1), &l.message, options))
            .collect(),
        fixes: d
            .suggestions
            .iter()
            .filter(|s| !s.edits.is_empty())
            .map(|s| fix(&d.file, s, options))
            .collect(),
        partial_fingerprints: d
            .fingerprint
            .iter()
            .map(|f| (crate::baseline::FINGERPRINT_KEY, f.clone()))
            .collect(),
    }
}

fn artifact(file: &SourceFile, options: &ReportOptions) -> ArtifactLocation {
    let path = artifact_location(file, options);
    if path.has_root() {
        ArtifactLocation {
            uri: file_url(&path, false),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: relative_uri(&path),
            uri_base_id: Some(SRCROOT),
        }
    }
}

fn location(
    file: &SourceFile,
    span: Span,
    id: Option<usize>,
    message: &str,
    options: &ReportOptions,
) -> Location {
    let (start, end) = positions(file, span);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(file, options),
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        },
        message: (!message.is_empty()).then(|| Text::new(message)),
    }
}

fn fix(file: &SourceFile, s: &Suggestion, options: &ReportOptions) -> Fix {
    Fix {
        description: Text::new(&s.message),
        artifact_changes: vec![ArtifactChange {
            artifact_location: artifact(file, options),
            replacements: s
                .edits
                .iter()
                .map(|e| {
                    // The exact edit (not normalized): it may well end after a newline.
                    let start = file.position(e.span.start as usize);
                    let end = file.position(e.span.end as usize);
                    Replacement {
                        deleted_region: Region {
                            start_line: start.line,
                            start_column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                        },
                        inserted_content: Text::new(&e.replacement),
                    }
                })
                .collect(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::super::testutil::*;
    use super::super::{write, Format, ReportOptions};
    use super::*;
    use crate::diagnostic::Label;

    fn sarif(diagnostics: &[Diagnostic], options: &ReportOptions) -> Value {
        let mut out = Vec::new();
        write(&mut out, diagnostics, options).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn rules_cover_the_registry() {
        let v = sarif(&[], &ReportOptions::new(Format::Sarif));
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["$schema"], SCHEMA_URI);
        let driver = &v["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "leaklint");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(driver["informationUri"], INFORMATION_URI);
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), LINTS.len());
        for (rule, lint) in rules.iter().zip(LINTS) {
            assert_eq!(rule["id"], lint.code());
            assert_eq!(rule["name"], lint.name);
            let short = rule["shortDescription"]["text"].as_str().unwrap();
            assert!(!short.is_empty() && !short.contains('\n'), "{short}");
            assert_eq!(rule["help"]["markdown"], lint.doc.trim());
            assert!(rule["properties"]["tags"]
                .as_array()
                .unwrap()
                .contains(&json!(lint.group.name())));
        }
        let rd = rules
            .iter()
            .find(|r| r["id"] == "leaklint::receiver_dropped")
            .unwrap();
        assert_eq!(rd["defaultConfiguration"], json!({"level": "warning"}));
        assert_eq!(
            rd["shortDescription"]["text"],
            "Checks for channels whose receiver is dropped before anything is sent: \
             `let (tx, _) = channel()`, or a receiver dropped with `drop(rx)` or at the end of \
             its block before a send on the same channel."
        );
        let full = rd["fullDescription"]["text"].as_str().unwrap();
        assert!(full.starts_with(
            "Checks for channels whose receiver is dropped before anything is sent: `let (tx, _)"
        ));
        assert!(full.contains("same channel.\n\nApplies to mpsc, mpmc and oneshot channels"));
        assert!(full.contains("discarding their first receiver is normal.\n\nIt also follows"));
        assert!(full.ends_with("and a later send fails."));
        let inv = &v["runs"][0]["invocations"][0];
        assert_eq!(inv, &json!({"executionSuccessful": true}));
        assert_eq!(v["runs"][0]["results"], json!([]));
        assert_eq!(v["runs"][0]["columnKind"], "unicodeCodePoints");
    }

    #[test]
    fn results_locations_and_fixes() {
        let f = file();
        let v = sarif(
            &[warning(&f), error(&f)],
            &ReportOptions::new(Format::Sarif),
        );
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        let r = &results[0];
        assert_eq!(r["ruleId"], "leaklint::receiver_dropped");
        let index = crate::lints::LINTS
            .iter()
            .position(|l| l.name == "receiver_dropped")
            .unwrap();
        assert_eq!(r["ruleIndex"], index);
        assert_eq!(r["level"], "warning");
        assert_eq!(results[1]["level"], "error");
        assert_eq!(
            r["message"]["text"],
            "the receiver of this std mpsc channel is dropped at once, so every send on it fails\n\
             note: `_` is not a binding: the value it matches is dropped immediately\n\
             help: bind the receiver and receive from it\n\
             help: bind the receiver: `rx`"
        );
        assert_eq!(
            r["locations"],
            json!([{
                "physicalLocation": {
                    "artifactLocation": {"uri": "src/main.rs", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 15}
                },
                "message": {"text": "the receiver is dropped here"}
            }])
        );
        assert_eq!(
            r["relatedLocations"],
            json!([{
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": {"uri": "src/main.rs", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 3, "startColumn": 19, "endLine": 3, "endColumn": 40}
                },
                "message": {"text": "channel created here"}
            }])
        );
        assert_eq!(
            r["fixes"],
            json!([{
                "description": {"text": "bind the receiver"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": "src/main.rs", "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 15},
                        "insertedContent": {"text": "rx"}
                    }]
                }]
            }])
        );
    }

    #[test]
    fn tool_errors_are_notifications() {
        let unreadable = Diagnostic::tool_error(
            "read_error",
            SourceFile::new("gone.rs".into(), "gone.rs".into(), String::new()),
            "cannot read `gone.rs`",
            Label::new(Span::new(0, 0), ""),
        );
        let v = sarif(
            &[syntax_error(), unreadable, syntax_error()],
            &ReportOptions::new(Format::Sarif),
        );
        let run = &v["runs"][0];
        assert_eq!(run["results"], json!([]));
        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        let n = inv["toolExecutionNotifications"].as_array().unwrap();
        assert_eq!(n.len(), 3);
        assert_eq!(
            n[0],
            json!({
                "level": "error",
                "message": {"text": "cannot parse `src/bad.rs`: expected an expression"},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": "src/bad.rs", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 14}
                    },
                    "message": {"text": "expected an expression"}
                }],
                "descriptor": {"id": "leaklint::syntax_error", "index": 0}
            })
        );
        assert_eq!(
            n[1]["descriptor"],
            json!({"id": "leaklint::read_error", "index": 1})
        );
        assert_eq!(
            n[1]["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1})
        );
        assert_eq!(n[2]["descriptor"]["index"], 0);
        let kinds = run["tool"]["driver"]["notifications"].as_array().unwrap();
        assert_eq!(kinds.len(), 2);
        assert_eq!(kinds[0]["id"], "leaklint::syntax_error");
        assert_eq!(kinds[1]["id"], "leaklint::read_error");
    }

    #[test]
    fn uris_are_encoded_and_relative_to_the_source_root() {
        let root = std::env::temp_dir().join("leaklint sarif");
        let file = SourceFile::new(
            root.join("src").join("ünï code.rs"),
            "ünï code.rs".into(),
            "fn main() {}\n".into(),
        );
        let d = Diagnostic::tool_error("syntax_error", file, "x", Label::new(Span::new(3, 7), ""));
        let options = ReportOptions {
            source_root: Some(root.clone()),
            ..ReportOptions::new(Format::Sarif)
        };
        let v = sarif(std::slice::from_ref(&d), &options);
        let run = &v["runs"][0];
        let loc = &run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0];
        assert_eq!(
            loc["physicalLocation"]["artifactLocation"],
            json!({"uri": "src/%C3%BCn%C3%AF%20code.rs", "uriBaseId": "%SRCROOT%"})
        );
        let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap();
        assert!(base.starts_with("file:///"), "{base}");
        assert!(base.ends_with("/leaklint%20sarif/"), "{base}");

        // Without a root the display path is used; an absolute one becomes a file URL.
        let abs = SourceFile::new(
            "/abs/x.rs".into(),
            "/abs/x.rs".into(),
            "fn main() {}\n".into(),
        );
        let d = Diagnostic::tool_error("syntax_error", abs, "x", Label::new(Span::new(3, 7), ""));
        let v = sarif(&[d], &ReportOptions::new(Format::Sarif));
        let loc = &v["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"][0];
        assert_eq!(
            loc["physicalLocation"]["artifactLocation"],
            json!({"uri": "file:///abs/x.rs"})
        );
        assert!(v["runs"][0].get("originalUriBaseIds").is_none());
    }
}
