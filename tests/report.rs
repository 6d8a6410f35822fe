//! The output formats through the public API: SARIF against the official schema, JSON as
//! cargo's own message type, and exact positions with a BOM, CRLF and multibyte chars.
//!
//! `tests/data/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0 JSON schema
//! (`Schemata/sarif-schema-2.1.0.json` of the oasis-tcs/sarif-spec repository, the
//! draft-07 revision whose `$id` is
//! `https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json`),
//! copied byte for byte from the crates.io package `serde-sarif` 0.8.0, file
//! `src/schema.json` (sha256 af47e7b67f24efe74076621fd3a5fbe7398add9e84fe820c971219a385895cea).
//! The later errata-01 revision also requires every `region` to have a `startLine`, a
//! `charOffset` or a `byteOffset`; `regions_have_start_lines` checks that separately.

use std::path::PathBuf;
use std::sync::Arc;

use leaklint::diagnostic::{
    Applicability, Diagnostic, Edit, Finding, Label, Level, LevelSource, Suggestion,
};
use leaklint::report::{self, Format, ReportOptions};
use leaklint::source::{SourceFile, Span};
use serde_json::Value;

/// Line 3 holds the finding; a BOM, CRLF ends and `ü`/`é` come before or around it.
const TEXT: &str = "\u{feff}use std::sync::mpsc;\r\nfn main() {\r\n    let (tx, _) = mpsc::channel::<ü8>(); // é\r\n    tx.send(1).unwrap();\r\n}\r\n";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn file() -> Arc<SourceFile> {
    SourceFile::new("src/main.rs".into(), "src/main.rs".into(), TEXT.into())
}

fn finding(file: &Arc<SourceFile>, level: Level, first: bool) -> Diagnostic {
    let lint = leaklint::lints::find("receiver_dropped").unwrap();
    let underscore = {
        let s = span_of(&file.text, "_)");
        Span::new(s.start as usize, s.start as usize + 1)
    };
    let f = Finding::new(
        lint,
        "the receiver of this std mpsc channel is dropped at once, so every send on it fails",
        Label::new(underscore, "the receiver is dropped here"),
    )
    .label(
        span_of(&file.text, "mpsc::channel::<ü8>()"),
        "channel created here",
    )
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
    let mut d = Diagnostic::from_finding(f, level, LevelSource::Default, file.clone());
    d.first_of_lint = first;
    d
}

fn tool_errors() -> Vec<Diagnostic> {
    let bad = SourceFile::new(
        "src/bad.rs".into(),
        "src/bad.rs".into(),
        "fn f() {\n    let x = ;\n}\n".into(),
    );
    let gone = SourceFile::new("src/gone.rs".into(), "src/gone.rs".into(), String::new());
    vec![
        Diagnostic::tool_error(
            "syntax_error",
            bad.clone(),
            "cannot parse `src/bad.rs`: expected an expression",
            Label::new(span_of(&bad.text, ";"), "expected an expression"),
        ),
        Diagnostic::tool_error(
            "read_error",
            gone,
            "cannot read `src/gone.rs`: No such file or directory (os error 2)",
            Label::new(Span::new(0, 0), ""),
        ),
    ]
}

fn render(diagnostics: &[Diagnostic], options: &ReportOptions) -> String {
    let mut out = Vec::new();
    report::write(&mut out, diagnostics, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn schema_validator() -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, log: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{log:#}");
}

/// Every SARIF log the formats produce, for the schema tests.
fn sarif_logs() -> Vec<Value> {
    let f = file();
    let mut all = vec![
        finding(&f, Level::Warn, true),
        finding(&f, Level::Deny, false),
    ];
    all.extend(tool_errors());
    // With `partialFingerprints`, as a run sets them.
    leaklint::baseline::assign_fingerprints(&mut all);
    assert!(all[0].fingerprint.is_some());
    let root = std::env::temp_dir().join("leaklint report");
    let unicode = SourceFile::new(
        root.join("src").join("ünï code#1.rs"),
        "src/ünï code#1.rs".into(),
        TEXT.into(),
    );
    let absolute = SourceFile::new("/abs/x.rs".into(), "/abs/x.rs".into(), TEXT.into());
    let with_root = ReportOptions {
        source_root: Some(root),
        ..ReportOptions::new(Format::Sarif)
    };
    [
        (vec![], ReportOptions::new(Format::Sarif)),
        (all.clone(), ReportOptions::new(Format::Sarif)),
        (tool_errors(), ReportOptions::new(Format::Sarif)),
        (vec![finding(&unicode, Level::Warn, true)], with_root),
        (
            vec![finding(&absolute, Level::Warn, true)],
            ReportOptions::new(Format::Sarif),
        ),
    ]
    .into_iter()
    .map(|(ds, options)| serde_json::from_str(&render(&ds, &options)).unwrap())
    .collect()
}

#[test]
fn sarif_matches_the_official_schema() {
    let validator = schema_validator();
    for log in sarif_logs() {
        assert_valid(&validator, &log);
    }
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let validator = schema_validator();
    let f = file();
    let good: Value = serde_json::from_str(&render(
        &[finding(&f, Level::Warn, true)],
        &ReportOptions::new(Format::Sarif),
    ))
    .unwrap();
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good.clone();
    bad["runs"][0]["columnKind"] = "bytes".into();
    assert!(!validator.is_valid(&bad));
    // Formats are checked too: a URI reference cannot hold a space.
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "src/a b.rs".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good;
    bad["runs"][0]["invocations"][0]
        .as_object_mut()
        .unwrap()
        .remove("executionSuccessful");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn regions_have_start_lines() {
    fn walk(v: &Value, regions: &mut usize) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "region" || k == "deletedRegion" {
                        *regions += 1;
                        assert!(v["startLine"].as_u64().unwrap() >= 1, "{v}");
                        assert!(v["startColumn"].as_u64().unwrap() >= 1, "{v}");
                    }
                    walk(v, regions);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, regions)),
            _ => {}
        }
    }
    let mut regions = 0;
    for log in sarif_logs() {
        walk(&log, &mut regions);
    }
    // Log 1: 2 results × (location, related location, fix) and 2 notifications; log 2:
    // 2 notifications; logs 3 and 4: one result each.
    assert_eq!(regions, 2 * 3 + 2 + 2 + 3 + 3);
}

#[test]
fn sarif_positions_with_bom_crlf_and_multibyte() {
    let log = &sarif_logs()[1];
    let result = &log["runs"][0]["results"][0];
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(3), Some(14), Some(15))
    );
    let related = &result["relatedLocations"][0]["physicalLocation"]["region"];
    // `mpsc::channel::<ü8>()`: 22 bytes, 21 chars.
    assert_eq!(
        (
            related["startColumn"].as_u64(),
            related["endColumn"].as_u64()
        ),
        (Some(19), Some(40))
    );
    let unicode = &sarif_logs()[3]["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        unicode["artifactLocation"]["uri"],
        "src/%C3%BCn%C3%AF%20code%231.rs"
    );
    assert_eq!(unicode["artifactLocation"]["uriBaseId"], "%SRCROOT%");
}

#[test]
fn json_lines_are_cargo_messages() {
    let f = file();
    let mut all = vec![finding(&f, Level::Warn, true)];
    all.extend(tool_errors());
    let out = render(&all, &ReportOptions::new(Format::Json));
    let messages: Vec<cargo_metadata::Message> =
        cargo_metadata::Message::parse_stream(out.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
    assert_eq!(messages.len(), 4);
    let mut diagnostics = Vec::new();
    for m in &messages[..3] {
        match m {
            cargo_metadata::Message::CompilerMessage(m) => diagnostics.push(&m.message),
            other => panic!("{other:?}"),
        }
    }
    match &messages[3] {
        cargo_metadata::Message::BuildFinished(b) => assert!(!b.success),
        other => panic!("{other:?}"),
    }
    let primary = |d: &cargo_metadata::diagnostic::Diagnostic| {
        let s = d.spans.iter().find(|s| s.is_primary).unwrap();
        (
            s.file_name.clone(),
            s.line_start,
            s.column_start,
            s.line_end,
            s.column_end,
        )
    };
    assert_eq!(
        primary(diagnostics[0]),
        ("src/main.rs".into(), 3, 14, 3, 15)
    );
    assert_eq!(primary(diagnostics[1]), ("src/bad.rs".into(), 2, 13, 2, 14));
    assert_eq!(primary(diagnostics[2]), ("src/gone.rs".into(), 1, 1, 1, 1));
    // The secondary span: byte offsets in the file on disk, columns in chars.
    let s = &diagnostics[0].spans[1];
    assert_eq!(
        &TEXT[s.byte_start as usize..s.byte_end as usize],
        "mpsc::channel::<ü8>()"
    );
    assert_eq!((s.column_start, s.column_end), (19, 40));
    assert_eq!(
        diagnostics[0].children.last().unwrap().spans[0]
            .suggested_replacement
            .as_deref(),
        Some("rx")
    );
    // `rendered` is the human rendering of that diagnostic alone.
    let human = render(&all[..1], &ReportOptions::new(Format::Human));
    let rendered = diagnostics[0].rendered.as_deref().unwrap();
    assert!(human.starts_with(rendered));
    assert_eq!(&human[rendered.len()..], "warning: 1 warning emitted\n\n");
}

#[test]
fn human_short_and_github_agree_on_positions() {
    let f = file();
    let all = vec![finding(&f, Level::Warn, true)];
    let human = render(&all, &ReportOptions::new(Format::Human));
    assert!(human.contains("\n --> src/main.rs:3:14\n"), "{human}");
    assert!(
        human.contains("\n3 |     let (tx, _) = mpsc::channel::<ü8>(); // é\n"),
        "{human}"
    );
    let short = render(&all, &ReportOptions::new(Format::Short));
    assert!(
        short.starts_with("src/main.rs:3:14: warning[leaklint::receiver_dropped]: "),
        "{short}"
    );
    let github = render(&all, &ReportOptions::new(Format::Github));
    assert!(
        github.starts_with(
            "::warning file=src/main.rs,line=3,col=14,endLine=3,endColumn=15,title=leaklint%3A%3Areceiver_dropped::"
        ),
        "{github}"
    );
}
