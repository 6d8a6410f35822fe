//! The pipeline from a list of files to sorted diagnostics:
//! load → pre-filter → parse → model → lints → suppressions → levels → crate facts.
//!
//! Files are processed in parallel; each produces plain data (no syn values cross threads,
//! since proc-macro2 spans are thread-local). Crate-wide conditions are resolved after
//! every file of the crate is done.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Levels;
use crate::diagnostic::{Diagnostic, Finding, Label, Level};
use crate::discover::PackageInfo;
use crate::lints::{LintContext, LINTS, UNUSED_SUPPRESSION};
use crate::model::{CrateCondition, CrateFacts, FileModel};
use crate::source::{SourceFile, Span};
use crate::suppress::Suppressions;

/// One file to lint.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub path: PathBuf,
    /// The path shown to users.
    pub display: String,
    /// The crate (or path-mode file set) the file belongs to: crate-wide facts are merged
    /// per unit.
    pub unit: usize,
    pub package: Option<Arc<PackageInfo>>,
}

/// Settings of a run that are not per package.
#[derive(Clone, Debug)]
pub struct EngineOptions {
    /// Skip parsing files that contain none of the enabled lints' needles.
    pub prefilter: bool,
    /// Worker threads (0 = one per core).
    pub threads: usize,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            prefilter: true,
            threads: 0,
        }
    }
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub files_seen: usize,
    pub files_parsed: usize,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_deny)
    }
}

/// Files larger than this are reported rather than parsed (generated code of this size
/// has no hand-written channels, and syn would need seconds and gigabytes on it).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Stack size of the worker threads: syn and the model recurse once per nesting level.
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// What one file produced before crate-wide facts are known.
struct FileResult {
    diagnostics: Vec<Diagnostic>,
    /// Findings that stand only if a crate condition holds.
    conditional: Vec<(CrateCondition, Diagnostic)>,
    facts: CrateFacts,
    unit: usize,
    parsed: bool,
}

/// Lints `files`; `levels[unit]` gives the levels of each unit.
pub fn run(files: &[InputFile], levels: &[Levels], options: &EngineOptions) -> Outcome {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("leaklint-{i}"))
        .build();
    let work = || {
        files
            .par_iter()
            .map(|f| lint_file(f, &levels[f.unit.min(levels.len() - 1)], options))
            .collect::<Vec<_>>()
    };
    let results = match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };

    let mut facts: HashMap<usize, CrateFacts> = HashMap::new();
    for r in &results {
        facts.entry(r.unit).or_default().merge(&r.facts);
    }
    let mut outcome = Outcome {
        files_seen: files.len(),
        ..Outcome::default()
    };
    for r in results {
        outcome.files_parsed += r.parsed as usize;
        outcome.diagnostics.extend(r.diagnostics);
        let unit_facts = &facts[&r.unit];
        for (condition, diag) in r.conditional {
            if unit_facts.holds(&condition) {
                outcome.diagnostics.push(diag);
            }
        }
    }
    finish(&mut outcome.diagnostics);
    outcome
}

/// Sorts diagnostics by file and position and marks the first of each lint.
fn finish(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file.display.as_str(), a.primary.span.start, a.code()).cmp(&(
            b.file.display.as_str(),
            b.primary.span.start,
            b.code(),
        ))
    });
    let mut seen = std::collections::HashSet::new();
    for d in diagnostics.iter_mut() {
        if let Some(lint) = d.lint() {
            d.first_of_lint = seen.insert(lint.name);
        }
    }
}

fn lint_file(input: &InputFile, levels: &Levels, options: &EngineOptions) -> FileResult {
    let mut result = FileResult {
        diagnostics: Vec::new(),
        conditional: Vec::new(),
        facts: CrateFacts::default(),
        unit: input.unit,
        parsed: false,
    };
    let file = match load(input) {
        Ok(file) => file,
        Err(diag) => {
            result.diagnostics.push(*diag);
            return result;
        }
    };
    if options.prefilter && !may_fire(&file.text, levels) {
        return result;
    }
    result.parsed = true;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&file, levels)));
    // Spans of this file are no longer needed; free proc-macro2's thread-local source map so
    // that memory stays flat over thousands of files.
    proc_macro2::extra::invalidate_current_thread_spans();
    match outcome {
        Ok(Ok(analysis)) => {
            result.facts = analysis.facts;
            for (finding, condition) in analysis.findings {
                let diag = to_diagnostic(finding, levels, &file, input);
                match condition {
                    Some(c) => result.conditional.push((c, diag)),
                    None => result.diagnostics.push(diag),
                }
            }
        }
        Ok(Err(diags)) => result.diagnostics.extend(diags),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            result.diagnostics.push(Diagnostic::tool_error(
                "internal_error",
                file.clone(),
                format!("leaklint crashed while analysing this file: {what}"),
                Label::new(Span::new(0, 0), "while analysing this file"),
            ));
        }
    }
    for d in &mut result.diagnostics {
        d.package = input.package.clone();
    }
    for (_, d) in &mut result.conditional {
        d.package = input.package.clone();
    }
    result
}

fn to_diagnostic(
    finding: Finding,
    levels: &Levels,
    file: &Arc<SourceFile>,
    input: &InputFile,
) -> Diagnostic {
    let (level, source) = levels.level_of(finding.lint);
    let mut d = Diagnostic::from_finding(finding, level, source, file.clone());
    d.package = input.package.clone();
    d
}

/// Reads a file once; I/O and encoding problems become located diagnostics.
fn load(input: &InputFile) -> Result<Arc<SourceFile>, Box<Diagnostic>> {
    let empty = |text: String| SourceFile::new(input.path.clone(), input.display.clone(), text);
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => {
            return Err(Box::new(Diagnostic::tool_error(
                "read_error",
                empty(String::new()),
                format!("cannot read `{}`: {e}", input.display),
                Label::new(Span::new(0, 0), ""),
            )))
        }
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(Diagnostic::tool_error(
            "file_too_large",
            empty(String::new()),
            format!(
                "`{}` is {} MiB, over the {} MiB leaklint analyses; it was skipped",
                input.display,
                bytes.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
            Label::new(Span::new(0, 0), ""),
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(
            input.path.clone(),
            input.display.clone(),
            text,
        )),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // Lossy decoding keeps valid prefixes byte-for-byte, so `at` is still right.
            let file = empty(text);
            Err(Box::new(Diagnostic::tool_error(
                "invalid_utf8",
                file,
                format!(
                    "`{}` is not valid UTF-8 (invalid byte at offset {at})",
                    input.display
                ),
                Label::new(Span::new(at, at + 1), "not UTF-8"),
            )))
        }
    }
}

/// Whether any enabled lint could fire in this text (a byte search, no parsing).
pub fn may_fire(text: &str, levels: &Levels) -> bool {
    let bytes = text.as_bytes();
    // Suppression comments and attributes must be checked even when nothing fires.
    if memchr::memmem::find(bytes, b"leaklint").is_some() {
        return true;
    }
    LINTS
        .iter()
        .filter(|l| l.check.is_some() && levels.is_enabled(l))
        .flat_map(|l| l.needles.iter())
        .any(|needle| memchr::memmem::find(bytes, needle.as_bytes()).is_some())
}

struct Analysis {
    findings: Vec<(Finding, Option<CrateCondition>)>,
    facts: CrateFacts,
}

fn analyse(file: &Arc<SourceFile>, levels: &Levels) -> Result<Analysis, Vec<Diagnostic>> {
    let ast = match syn::parse_file(&file.text) {
        Ok(ast) => ast,
        Err(errors) => return Err(parse_errors(file, errors)),
    };
    let model = FileModel::build(file, &ast);
    let cx = LintContext {
        file,
        ast: &ast,
        model: &model,
    };
    let mut findings = Vec::new();
    for lint in LINTS.iter().filter(|l| levels.is_enabled(l)) {
        if let Some(check) = lint.check {
            check(&cx, &mut findings);
        }
    }
    let suppressions = Suppressions::collect(file, &ast);
    let mut kept = Vec::new();
    for finding in findings {
        if !suppressions.covers(&finding, file) {
            let condition = finding.condition.clone();
            kept.push((finding, condition));
        }
    }
    if levels.level_of(&UNUSED_SUPPRESSION).0 != Level::Allow {
        for f in suppressions.unused(|lint| levels.is_enabled(lint)) {
            kept.push((f, None));
        }
    }
    Ok(Analysis {
        findings: kept,
        facts: CrateFacts {
            field_reads: model.field_reads,
        },
    })
}

fn parse_errors(file: &Arc<SourceFile>, errors: syn::Error) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|e| {
            let span = file.span_of(e.span());
            Diagnostic::tool_error(
                "syntax_error",
                file.clone(),
                format!("cannot parse `{}`: {e}", file.display),
                Label::new(span, e.to_string()),
            )
        })
        .collect()
}
