//! `--fix`: applies every machine-applicable suggestion of a run to the files, as
//! `cargo clippy --fix` does.
//!
//! The steps, each plain data in and out:
//! 1. [`plan`]: per file, the machine-applicable suggestions in source order. A suggestion
//!    that overlaps one taken before it is skipped; one whose result would not parse with
//!    syn is skipped. Both are reported, and the re-lint that follows shows their findings
//!    again.
//! 2. [`vcs::check`]: the files about to change must be committed in git (see
//!    [`vcs`] for what `--allow-dirty` and `--allow-staged` let through).
//! 3. [`write_file`]: a file is never left half-written. The new text goes to a temporary
//!    file in the file's own directory (`.leaklint-fix-XXXXXX.rs.tmp`), is synced, read back
//!    and parsed again, and only then renamed over the original, which is atomic on one file
//!    system. A run killed before the rename leaves the original as it was (and at most the
//!    temporary file beside it).
//!
//! Test hook (debug builds only): when `LEAKLINT_FIX_PAUSE_BEFORE_RENAME` names a file,
//! [`write_file`] writes the temporary file's path into it after the temporary file is
//! complete, then sleeps for a minute before the rename, so that a test can kill the process
//! between the write and the rename.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Suggestion};
use crate::source::{SourceFile, Span};

pub mod vcs;

/// A suggestion that was applied, or not, and where it was (1-based line and column in the
/// file as it was read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Why a machine-applicable suggestion was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Its edits overlap those of the suggestion at this line and column, applied before it.
    Overlaps { line: usize, column: usize },
    /// The file would not parse with it: syn's error.
    DoesNotParse(String),
    /// Its own edits overlap each other.
    Malformed,
}

/// What `--fix` will do to one file.
#[derive(Clone, Debug)]
pub struct FilePlan {
    /// The file as it was linted.
    pub file: Arc<SourceFile>,
    /// The text with every applied suggestion.
    pub fixed: String,
    pub applied: Vec<Change>,
    pub skipped: Vec<(Change, SkipReason)>,
}

/// Per file (in the order of `diagnostics`), the machine-applicable suggestions to apply and
/// those skipped. Files with no machine-applicable suggestion are left out; a file whose
/// every suggestion was skipped is kept (with `fixed` equal to its text) so that the skips
/// are reported.
pub fn plan(diagnostics: &[Diagnostic]) -> Vec<FilePlan> {
    let mut by_file: BTreeMap<&Path, (Arc<SourceFile>, Vec<&Suggestion>)> = BTreeMap::new();
    let mut order: Vec<&Path> = Vec::new();
    for d in diagnostics {
        let fixes: Vec<&Suggestion> = d
            .suggestions
            .iter()
            .filter(|s| s.applicability == Applicability::MachineApplicable && !s.edits.is_empty())
            .collect();
        if fixes.is_empty() {
            continue;
        }
        let entry = by_file.entry(d.file.path()).or_insert_with(|| {
            order.push(d.file.path());
            (d.file.clone(), Vec::new())
        });
        entry.1.extend(fixes);
    }
    order
        .into_iter()
        .map(|path| {
            let (file, suggestions) = &by_file[path];
            plan_file(file, suggestions)
        })
        .collect()
}

/// Applies `suggestions` to one file in source order: each is kept if it overlaps none kept
/// before it and the text still parses with it. Identical suggestions (two findings that
/// propose the same edit) count once.
pub fn plan_file(file: &Arc<SourceFile>, suggestions: &[&Suggestion]) -> FilePlan {
    let mut ordered: Vec<(Vec<Edit>, &Suggestion)> = Vec::new();
    for s in suggestions {
        let edits = sorted_edits(s);
        if !ordered.iter().any(|(e, _)| *e == edits) {
            ordered.push((edits, s));
        }
    }
    ordered.sort_by_key(|(edits, _)| (edits[0].span.start, edits[0].span.end));
    let crlf = file.text.contains("\r\n");
    let mut plan = FilePlan {
        file: file.clone(),
        fixed: file.text.clone(),
        applied: Vec::new(),
        skipped: Vec::new(),
    };
    let mut kept: Vec<Edit> = Vec::new();
    // The spans of each applied suggestion, with where it is.
    let mut taken: Vec<(Vec<Span>, Change)> = Vec::new();
    for (edits, s) in ordered {
        let change = change_of(file, &edits[0], &s.message);
        if !disjoint(&edits) {
            plan.skipped.push((change, SkipReason::Malformed));
            continue;
        }
        let clash = taken.iter().find(|(spans, _)| {
            spans
                .iter()
                .any(|&t| edits.iter().any(|e| overlaps(t, e.span)))
        });
        if let Some((_, first)) = clash {
            let reason = SkipReason::Overlaps {
                line: first.line,
                column: first.column,
            };
            plan.skipped.push((change, reason));
            continue;
        }
        let mut trial = kept.clone();
        trial.extend(edits.iter().map(|e| line_endings(e, crlf)));
        trial.sort_by_key(|e| (e.span.start, e.span.end));
        let text = apply_edits(&file.text, &trial);
        match parses(&text) {
            Ok(()) => {
                kept = trial;
                taken.push((edits.iter().map(|e| e.span).collect(), change.clone()));
                plan.fixed = text;
                plan.applied.push(change);
            }
            Err(e) => plan.skipped.push((change, SkipReason::DoesNotParse(e))),
        }
    }
    plan
}

fn sorted_edits(s: &Suggestion) -> Vec<Edit> {
    let mut edits = s.edits.clone();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

fn change_of(file: &SourceFile, first: &Edit, message: &str) -> Change {
    let p = file.position(first.span.start as usize);
    Change {
        line: p.line,
        column: p.column,
        message: message.to_string(),
    }
}

/// Two edits overlap when their ranges share a byte, or when both start at the same offset
/// (two insertions at one point have no defined order). An insertion at the end of a
/// replacement does not overlap it.
fn overlaps(a: Span, b: Span) -> bool {
    a.start == b.start || (a.start < b.end && b.start < a.end)
}

/// Whether sorted edits are pairwise free of overlaps.
fn disjoint(sorted: &[Edit]) -> bool {
    sorted.windows(2).all(|w| !overlaps(w[0].span, w[1].span))
}

/// A replacement's `\n` become `\r\n` in a file that uses CRLF line endings.
fn line_endings(edit: &Edit, crlf: bool) -> Edit {
    let mut edit = edit.clone();
    if crlf && edit.replacement.contains('\n') && !edit.replacement.contains("\r\n") {
        edit.replacement = edit.replacement.replace('\n', "\r\n");
    }
    edit
}

/// `text` with `edits` (sorted by start, pairwise disjoint, byte spans on char boundaries)
/// applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(
        text.len() + edits.iter().map(|e| e.replacement.len()).sum::<usize>(),
    );
    let mut at = 0;
    for e in edits {
        let r = e.span.range();
        out.push_str(&text[at..r.start]);
        out.push_str(&e.replacement);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `text` parses as a Rust file; syn's message if not.
fn parses(text: &str) -> Result<(), String> {
    let result = syn::parse_file(text).map(drop).map_err(|e| {
        let at = e.span().start();
        format!("{e} at {}:{}", at.line, at.column + 1)
    });
    proc_macro2::extra::invalidate_current_thread_spans();
    result
}

/// Why a file could not be written; the original is unchanged in every case.
#[derive(Debug)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes `plan.fixed` over the file: through a temporary file in the same directory, parsed
/// again once written, then renamed over the original (a symbolic link is followed, so the
/// file it points to is the one replaced). The file's permissions are kept. Fails, leaving
/// the original as it was, when the file changed since it was linted, or on any I/O error.
pub fn write_file(plan: &FilePlan) -> Result<(), WriteError> {
    let shown = &plan.file.display;
    let io = |what: &str, e: std::io::Error| WriteError(format!("cannot {what} `{shown}`: {e}"));
    let target = std::fs::canonicalize(plan.file.path()).map_err(|e| io("resolve", e))?;
    let meta = std::fs::metadata(&target).map_err(|e| io("read", e))?;
    let now = std::fs::read(&target).map_err(|e| io("read", e))?;
    if now != plan.file.text.as_bytes() {
        return Err(WriteError(format!(
            "`{shown}` changed since it was linted; it was left as it is"
        )));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".leaklint-fix-")
        .suffix(".rs.tmp")
        .tempfile_in(dir)
        .map_err(|e| io("create a temporary file beside", e))?;
    let written = temp
        .write_all(plan.fixed.as_bytes())
        .and_then(|()| temp.flush())
        .and_then(|()| temp.as_file().sync_all());
    written.map_err(|e| io("write the fixed text of", e))?;
    std::fs::set_permissions(temp.path(), meta.permissions())
        .map_err(|e| io("set the permissions of the fixed", e))?;
    let back = std::fs::read(temp.path()).map_err(|e| io("read back the fixed text of", e))?;
    let back = String::from_utf8(back).ok().filter(|t| *t == plan.fixed);
    if back.as_deref().map(parses) != Some(Ok(())) {
        return Err(WriteError(format!(
            "the fixed text of `{shown}` did not read back as written; it was left as it is"
        )));
    }
    pause_before_rename(temp.path());
    temp.persist(&target).map_err(|e| io("replace", e.error))?;
    Ok(())
}

/// The test hook described in the module documentation (debug builds only).
fn pause_before_rename(temp: &Path) {
    if cfg!(debug_assertions) {
        if let Some(marker) = std::env::var_os("LEAKLINT_FIX_PAUSE_BEFORE_RENAME") {
            let _ = std::fs::write(marker, temp.to_string_lossy().as_bytes());
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}

/// What `--fix` did to each file, for the user.
#[derive(Debug, Default)]
pub struct FixReport {
    /// Per file: its shown path, the plan, and the write error if writing failed.
    pub files: Vec<(FilePlan, Option<WriteError>)>,
}

impl FixReport {
    /// Files that could not be written.
    pub fn failures(&self) -> usize {
        self.files.iter().filter(|(_, e)| e.is_some()).count()
    }

    /// Suggestions applied to files that were written.
    pub fn applied(&self) -> usize {
        self.files
            .iter()
            .filter(|(_, e)| e.is_none())
            .map(|(p, _)| p.applied.len())
            .sum()
    }

    /// The report, cargo-style: a `Fixed` line per file with one line per change, then a
    /// `warning:` line per suggestion not applied and an `error:` line per file not written.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (plan, error) in &self.files {
            let shown = &plan.file.display;
            match error {
                None if !plan.applied.is_empty() => {
                    let n = plan.applied.len();
                    let s = if n == 1 { "" } else { "es" };
                    out.push_str(&format!("       Fixed {shown} ({n} fix{s})\n"));
                    for c in &plan.applied {
                        out.push_str(&format!(
                            "             {}:{}: {}\n",
                            c.line, c.column, c.message
                        ));
                    }
                }
                None => {}
                Some(e) => out.push_str(&format!("error: {e}; no fix was applied to it\n")),
            }
            for (c, why) in &plan.skipped {
                let why = match why {
                    SkipReason::Overlaps { line, column } => {
                        format!("it overlaps the fix at {line}:{column}, applied first")
                    }
                    SkipReason::DoesNotParse(e) => format!("the file would not parse: {e}"),
                    SkipReason::Malformed => "its edits overlap each other".to_string(),
                };
                out.push_str(&format!(
                    "warning: {shown}:{}:{}: not applied: {}: {why}\n",
                    c.line, c.column, c.message
                ));
            }
        }
        out
    }
}

/// Why `--fix` refused to start: an error and a hint (exit status 2).
#[derive(Debug)]
pub struct Refusal {
    pub message: String,
    pub help: String,
}

/// `--fix`: plans the fixes of `diagnostics`, checks the version control state of the files
/// it would change (refusing as [`vcs::check`] says), then writes each file. A file that
/// fails to be written is reported and the others are still written.
pub fn run(diagnostics: &[Diagnostic], vcs: vcs::Allow) -> Result<FixReport, Refusal> {
    let plans = plan(diagnostics);
    let changing: Vec<(PathBuf, String)> = plans
        .iter()
        .filter(|p| !p.applied.is_empty())
        .map(|p| (p.file.path().to_path_buf(), p.file.display.clone()))
        .collect();
    vcs::check(&changing, vcs)?;
    let files = plans
        .into_iter()
        .map(|p| {
            let error = match p.applied.is_empty() {
                true => None,
                false => write_file(&p).err(),
            };
            (p, error)
        })
        .collect();
    Ok(FixReport { files })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;

    fn file(text: &str) -> Arc<SourceFile> {
        SourceFile::new(PathBuf::from("a.rs"), "a.rs".into(), text.into())
    }

    fn insert(at: usize, text: &str, message: &str) -> Suggestion {
        Suggestion {
            message: message.into(),
            edits: vec![Edit {
                span: Span::new(at, at),
                replacement: text.into(),
            }],
            applicability: Applicability::MachineApplicable,
        }
    }

    fn replace(start: usize, end: usize, text: &str) -> Suggestion {
        Suggestion {
            message: format!("replace with {text}"),
            edits: vec![Edit {
                span: Span::new(start, end),
                replacement: text.into(),
            }],
            applicability: Applicability::MachineApplicable,
        }
    }

    const SRC: &str = "fn f() {\n    let a = 1;\n    let b = 2;\n}\n";

    #[test]
    fn applies_disjoint_suggestions_in_source_order() {
        let f = file(SRC);
        let b = SRC.find("let b").unwrap();
        let a = SRC.find("let a").unwrap();
        let s1 = insert(b, "drop(a);\n    ", "drop a");
        let s2 = replace(a + 8, a + 9, "10");
        let plan = plan_file(&f, &[&s1, &s2]);
        assert_eq!(
            plan.fixed,
            "fn f() {\n    let a = 10;\n    drop(a);\n    let b = 2;\n}\n"
        );
        assert_eq!(plan.applied.len(), 2);
        assert_eq!((plan.applied[0].line, plan.applied[0].column), (2, 13));
        assert!(plan.skipped.is_empty());
    }

    #[test]
    fn an_overlapping_suggestion_is_skipped_and_names_the_first() {
        let f = file(SRC);
        let a = SRC.find("1;").unwrap();
        let first = replace(a, a + 1, "3");
        let second = replace(a, a + 2, "4;");
        let plan = plan_file(&f, &[&first, &second]);
        assert_eq!(plan.fixed, SRC.replace("= 1;", "= 3;"));
        assert_eq!(plan.applied.len(), 1);
        assert_eq!(
            plan.skipped,
            vec![(
                Change {
                    line: 2,
                    column: 13,
                    message: "replace with 4;".into()
                },
                SkipReason::Overlaps {
                    line: 2,
                    column: 13
                }
            )]
        );
    }

    #[test]
    fn two_insertions_at_one_point_overlap_but_identical_ones_count_once() {
        let f = file(SRC);
        let b = SRC.find("let b").unwrap();
        let one = insert(b, "drop(a);\n    ", "drop a");
        let same = insert(b, "drop(a);\n    ", "drop a");
        let other = insert(b, "let c = 3;\n    ", "add c");
        let plan = plan_file(&f, &[&one, &same, &other]);
        assert_eq!(plan.applied.len(), 1);
        assert_eq!(plan.skipped.len(), 1);
        assert!(matches!(plan.skipped[0].1, SkipReason::Overlaps { .. }));
    }

    #[test]
    fn a_suggestion_that_would_not_parse_is_skipped_and_the_rest_applied() {
        let f = file(SRC);
        let a = SRC.find("let a").unwrap();
        let b = SRC.find("let b").unwrap();
        let broken = insert(a, "let = ;\n    ", "broken");
        let good = insert(b, "drop(a);\n    ", "drop a");
        let plan = plan_file(&f, &[&broken, &good]);
        assert_eq!(
            plan.fixed,
            SRC.replace("    let b", "    drop(a);\n    let b")
        );
        assert_eq!(plan.skipped.len(), 1);
        assert_eq!(plan.skipped[0].0.message, "broken");
        assert!(matches!(plan.skipped[0].1, SkipReason::DoesNotParse(_)));
        let report = FixReport {
            files: vec![(plan, None)],
        };
        let text = report.render();
        assert!(
            text.contains("       Fixed a.rs (1 fix)\n             3:5: drop a\n"),
            "{text}"
        );
        assert!(
            text.contains("warning: a.rs:2:5: not applied: broken: the file would not parse: "),
            "{text}"
        );
    }

    #[test]
    fn replacements_follow_the_files_line_endings() {
        let text = SRC.replace('\n', "\r\n");
        let f = file(&text);
        let b = text.find("let b").unwrap();
        let s = insert(b, "drop(a);\n    ", "drop a");
        let plan = plan_file(&f, &[&s]);
        assert_eq!(
            plan.fixed,
            text.replace("    let b", "    drop(a);\r\n    let b")
        );
    }

    #[test]
    fn only_machine_applicable_suggestions_are_planned() {
        let f = file(SRC);
        let b = SRC.find("let b").unwrap();
        let mut maybe = insert(b, "drop(a);\n    ", "drop a");
        maybe.applicability = Applicability::MaybeIncorrect;
        let mut d = Diagnostic::tool_error("x", f.clone(), "m", Label::new(Span::new(0, 0), ""));
        d.suggestions.push(maybe.clone());
        assert!(plan(&[d.clone()]).is_empty());
        maybe.applicability = Applicability::MachineApplicable;
        d.suggestions = vec![maybe];
        let plans = plan(&[d]);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].applied.len(), 1);
    }
}
