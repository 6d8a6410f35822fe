//! The pipeline from a list of files to sorted diagnostics:
//! load → pre-filter → nesting guard → parse → model → lints → suppressions → levels →
//! crate facts.
//!
//! Files are processed in parallel; each produces plain data (no syn values cross threads,
//! since proc-macro2 spans are thread-local). Crate-wide conditions are resolved after
//! every file of the crate is done. Why it is built this way, and what it costs:
//! `docs/performance.md`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::config::Levels;
use crate::diagnostic::{Diagnostic, Finding, Label, Level};
use crate::discover::test_modules::TestModules;
use crate::discover::PackageInfo;
use crate::lints::{
    CrateLintContext, LintContext, CRATE_CHECKS, LINTS, SPAWN_NEEDLES, UNUSED_SUPPRESSION,
};
use crate::model::index::{CrateIndex, IndexedFile};
use crate::model::items::{module_path_of, FileItems};
use crate::model::{CrateCondition, CrateFacts, FileModel};
use crate::source::{SourceFile, Span};
use crate::suppress::Suppressions;

mod context;
pub mod nesting;
pub mod prefilter;
mod word_reach;
mod words;

use prefilter::Prefilter;

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
    /// The file belongs to a cargo test, bench or example target (`tests/`, `benches/`,
    /// `examples/`): all of it is test code for the task lints. A module declared under
    /// `#[cfg(test)]` (`#[cfg(test)] mod x;`) is test code too; the engine asks that of the
    /// files it parses only ([`TestModules`]), so discovery reads no parent file.
    pub is_test_target: bool,
    /// The index of the file's level table in the tables given to [`run`] (its nearest
    /// configuration and package); discovery sets it to `unit`.
    pub levels: usize,
    /// Named on the command line (not found by a directory walk): always parsed, whatever
    /// the pre-filter says, so that its syntax errors are reported.
    pub named: bool,
    /// Context, not linted: another file of a named file's cargo package (path mode). It is
    /// read like a file the pre-filter skips and modelled only when the crate facts of the
    /// linted files reach it (a spawned function, a caller of a wrapper, a field read); its
    /// own findings are never reported, so a finding does not depend on which files of the
    /// package were named.
    pub context: bool,
}

impl InputFile {
    /// A file of unit 0, with level table 0, not a test target, found by a walk (not named
    /// on the command line): the usual shape for tests, benchmarks and tools.
    pub fn new(path: PathBuf, display: impl Into<String>) -> InputFile {
        InputFile {
            path,
            display: display.into(),
            unit: 0,
            package: None,
            is_test_target: false,
            levels: 0,
            named: false,
            context: false,
        }
    }
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
    /// Files the pre-filter skipped that were modelled after all, because a crate-wide fact
    /// (a field read) that a finding depends on could only be settled by them. To find them,
    /// the skipped files of that crate are read a second time.
    pub files_rechecked: usize,
    /// What was inferred per crate (`--verbose`): its root directory and
    /// [`CrateIndex::inferred_facts`], crates sorted, crates with none left out.
    pub inferred: Vec<(PathBuf, Vec<String>)>,
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
pub const WORKER_STACK: usize = 256 * 1024 * 1024;

/// What one file produced before crate-wide facts are known.
struct FileResult {
    diagnostics: Vec<Diagnostic>,
    /// Findings that stand only if a crate condition holds.
    conditional: Vec<(CrateCondition, Diagnostic)>,
    facts: CrateFacts,
    parsed: bool,
    /// Read, but not parsed: no enabled lint can fire in it (or it is context).
    skipped: bool,
    /// The identifiers of a skipped file, so that reaching it does not read it again (unset
    /// for a context file until a reach round first reads it).
    words: std::sync::OnceLock<words::WordSet>,
    /// What the crate-wide checks need of a parsed file.
    kept: Option<Kept>,
    /// The crate the file belongs to for the crate index.
    group: Group,
}

/// A crate for the crate index: the unit, and the directory holding the file's `src/`, or
/// else the file's `tests/`, `examples/` or `benches/` directory itself (a path-mode unit
/// may hold files of many crates, and each package's test, example and bench targets are
/// crates apart from its library and from other packages' targets); files under none of
/// these form one group per unit.
type Group = (usize, PathBuf);

/// Directories whose files are crates of their own (cargo's target directories), apart
/// from `src/`.
const TARGET_DIRS: [&str; 3] = ["tests", "examples", "benches"];

fn group_of(input: &InputFile) -> Group {
    let parts: Vec<_> = input.path.components().collect();
    let named = |name: &str| parts.iter().rposition(|c| c.as_os_str() == name);
    let root = match named("src") {
        Some(at) => parts[..at].iter().collect(),
        None => match TARGET_DIRS.iter().filter_map(|d| named(d)).max() {
            Some(at) => parts[..=at].iter().collect(),
            None => PathBuf::new(),
        },
    };
    (input.unit, root)
}

/// A parsed file's model, items and suppressions, kept (as plain data) for the crate-wide
/// checks that run once its unit is indexed.
struct Kept {
    file: Arc<SourceFile>,
    model: FileModel,
    /// Shared with the crate index of each reach round (not copied).
    items: Arc<FileItems>,
    suppressions: Suppressions,
}

/// Lints `files`; `levels[file.levels]` gives the levels of each file (the last entry serves
/// indices past the end, [`Levels::default`] if there is none).
pub fn run(files: &[InputFile], levels: &[Levels], options: &EngineOptions) -> Outcome {
    run_with_texts(files, levels, options, &HashMap::new())
}

/// [`run`], with the text of some files given instead of read from disk (an editor's unsaved
/// buffers): `texts` maps an [`InputFile::path`] (as it is in `files`) to its text.
pub fn run_with_texts(
    files: &[InputFile],
    levels: &[Levels],
    options: &EngineOptions,
    texts: &HashMap<PathBuf, String>,
) -> Outcome {
    let fallback = [Levels::default()];
    let levels = if levels.is_empty() { &fallback } else { levels };
    let run = Run::new(files, levels, options, texts);
    let mut results = run.lint_all();
    let by_words = run.reach_by_words(&mut results);
    let (indexes, reached) = run.reach_all(&mut results);
    let results = run.crate_checks_all(results, &indexes);
    let inferred = inferred_per_crate(&indexes);
    drop(indexes);
    let (facts, rechecked) = run.settle_pending(&results);
    let mut outcome = Outcome {
        files_seen: files.iter().filter(|f| !f.context).count(),
        files_rechecked: by_words + reached + rechecked,
        inferred,
        ..Outcome::default()
    };
    collect(&mut outcome, results, &facts);
    finish(&mut outcome.diagnostics);
    outcome
}

/// What every step of a run shares: the files, their level tables and pre-filters, the
/// worker pool.
struct Run<'a> {
    files: &'a [InputFile],
    /// Never empty.
    levels: &'a [Levels],
    prefilters: Vec<Arc<Prefilter>>,
    options: &'a EngineOptions,
    texts: &'a HashMap<PathBuf, String>,
    pool: Option<rayon::ThreadPool>,
    /// Which parsed files are modules declared under `#[cfg(test)]`, each parent module
    /// file read once for the whole run.
    test_modules: Mutex<TestModules>,
}

impl<'a> Run<'a> {
    fn new(
        files: &'a [InputFile],
        levels: &'a [Levels],
        options: &'a EngineOptions,
        texts: &'a HashMap<PathBuf, String>,
    ) -> Run<'a> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads)
            .stack_size(WORKER_STACK)
            .thread_name(|i| format!("leaklint-{i}"))
            .build()
            .ok();
        Run {
            files,
            levels,
            prefilters: prefilters(levels),
            options,
            texts,
            pool,
            test_modules: Mutex::default(),
        }
    }

    /// The index of `f`'s level table (the last one serves indices past the end).
    fn table_of(&self, f: &InputFile) -> usize {
        f.levels.min(self.levels.len() - 1)
    }

    /// What linting `f` needs besides its text: its levels and pre-filter (unused by a
    /// reached file, which is modelled whatever it says, but compiled once per run rather
    /// than per file), the options and the run's test-module answers.
    fn env(&self, f: &InputFile) -> FileEnv<'_> {
        let table = self.table_of(f);
        FileEnv {
            levels: &self.levels[table],
            prefilter: &self.prefilters[table],
            options: self.options,
            test_modules: &self.test_modules,
        }
    }

    /// Step 1: every file read, pre-filtered and, if it passes, parsed, modelled and linted
    /// (in parallel); the results are in the order of `files`.
    fn lint_all(&self) -> Vec<FileResult> {
        install(&self.pool, || {
            self.files
                .par_iter()
                .map(|f| lint_file(f, self.texts.get(&f.path), &self.env(f)))
                .collect()
        })
    }

    /// Step 2: the skipped files that a lint's word reach needs ([`word_reach`]), modelled;
    /// gives their number.
    fn reach_by_words(&self, results: &mut [FileResult]) -> usize {
        let levels_of = |f: &InputFile| &self.levels[self.table_of(f)];
        let wanted = word_reach::wanted(self.files, results, self.texts, levels_of, &self.pool);
        let todo: Vec<_> = wanted
            .into_iter()
            .map(|(i, callers)| (i, callers, &results[i].words))
            .collect();
        let reached: Vec<(usize, FileResult)> = install(&self.pool, || {
            todo.par_iter()
                .filter_map(|&(i, callers, known)| {
                    let f = &self.files[i];
                    let words: Vec<String> = callers.iter().map(|c| c.to_string()).collect();
                    let text = self.texts.get(&f.path);
                    let r = reach_file(f, text, &self.env(f), &words, known)?;
                    Some((i, r))
                })
                .collect()
        });
        let count = reached.len();
        for (i, r) in reached {
            results[i] = r;
        }
        count
    }

    /// Step 3: files the pre-filter skipped that the crate's seeds reach (a spawned function,
    /// a caller of a spawn wrapper) are modelled too, in bounded rounds: the pre-filter must
    /// never change a finding. Gives the final crate indexes and the number of files reached.
    ///
    /// A round asks only about the groups whose files the previous round changed: another
    /// group's words reach the same files again, all modelled or found not to name them.
    fn reach_all(&self, results: &mut [FileResult]) -> (UnitIndexes, usize) {
        let mut reached_files = 0;
        let mut indexes = UnitIndexes::new();
        let mut changed: HashSet<Group> = results.iter().map(|r| r.group.clone()).collect();
        self.reindex(&mut indexes, results, &changed);
        for _ in 0..MAX_REACH_ROUNDS {
            let reached = self.reach_round(results, &indexes, &changed);
            if reached.is_empty() {
                break;
            }
            reached_files += reached.len();
            changed = reached.iter().map(|(_, r)| r.group.clone()).collect();
            for (i, r) in reached {
                results[i] = r;
            }
            self.reindex(&mut indexes, results, &changed);
        }
        (indexes, reached_files)
    }

    /// (Re)builds the crate index of each group in `groups` from its files modelled so far,
    /// the groups in parallel; the other groups' indexes are kept.
    fn reindex(&self, indexes: &mut UnitIndexes, results: &[FileResult], groups: &HashSet<Group>) {
        // The old indexes go before the new ones are built (peak memory).
        indexes.retain(|g, _| !groups.contains(g));
        let mut per_group: HashMap<Group, Vec<IndexedFile>> = HashMap::new();
        for r in results.iter().filter(|r| groups.contains(&r.group)) {
            if let Some(k) = &r.kept {
                per_group
                    .entry(r.group.clone())
                    .or_default()
                    .push((k.file.clone(), k.items.clone()));
            }
        }
        let built: Vec<_> = install(&self.pool, || {
            per_group
                .into_par_iter()
                .map(|(group, files)| {
                    let ids = files
                        .iter()
                        .enumerate()
                        .map(|(i, (f, _))| (f.path.clone(), i))
                        .collect();
                    (group, (CrateIndex::new(files), ids))
                })
                .collect()
        });
        indexes.extend(built);
    }

    /// One reach round: the skipped files that name a word the crate checks still need,
    /// modelled (with the index in `files` of each).
    fn reach_round(
        &self,
        results: &[FileResult],
        indexes: &UnitIndexes,
        groups: &HashSet<Group>,
    ) -> Vec<(usize, FileResult)> {
        let wanted = reach_words(results, indexes, groups);
        let for_context = match self.files.iter().any(|f| f.context) {
            true => with_owner_words(&wanted, indexes, groups),
            false => HashMap::new(),
        };
        let todo: Vec<_> = (0..self.files.len())
            .filter(|&i| results[i].skipped)
            .filter_map(|i| {
                let words = match self.files[i].context {
                    true => &for_context,
                    false => &wanted,
                };
                Some((i, words.get(&results[i].group)?, &results[i].words))
            })
            .filter(|(_, words, named)| words::may_name(named, words))
            .collect();
        if todo.is_empty() {
            return Vec::new();
        }
        install(&self.pool, || {
            todo.par_iter()
                .filter_map(|&(i, words, named)| {
                    let f = &self.files[i];
                    let text = self.texts.get(&f.path);
                    let r = reach_file(f, text, &self.env(f), words, named)?;
                    Some((i, r))
                })
                .collect()
        })
    }

    /// Step 4: the crate-wide checks, per file in parallel, once every unit is indexed; each
    /// file's model is dropped once its checks have run.
    fn crate_checks_all(&self, results: Vec<FileResult>, indexes: &UnitIndexes) -> Vec<FileResult> {
        install(&self.pool, || {
            results
                .into_par_iter()
                .zip(self.files.par_iter())
                .map(|(mut r, f)| {
                    let levels = &self.levels[self.table_of(f)];
                    if let Some(kept) = r.kept.take() {
                        let (index, ids) = &indexes[&r.group];
                        let diags = crate_checks(kept, index, ids[&f.path], levels);
                        for (mut d, c) in diags {
                            d.package = f.package.clone();
                            match c {
                                Some(c) => r.conditional.push((c, d)),
                                None => r.diagnostics.push(d),
                            }
                        }
                    }
                    context::settle(&mut r, f);
                    r
                })
                .collect()
        })
    }

    /// Step 5: the crate facts of every group (crate). A conditional finding that holds so far may be
    /// undone by a file the pre-filter skipped (a field read, or a variant constructed, in a
    /// file with no channel in it; the conditions of the crate-wide checks included). The
    /// skipped files of that crate that may name the word are read again, and those that do
    /// are modelled, so that the pre-filter never changes a finding. Gives the facts and the
    /// number of files modelled.
    fn settle_pending(&self, results: &[FileResult]) -> (HashMap<Group, CrateFacts>, usize) {
        let mut facts: HashMap<Group, CrateFacts> = HashMap::new();
        for r in results {
            facts.entry(r.group.clone()).or_default().merge(&r.facts);
        }
        let pending = pending_words(results, &facts);
        if pending.is_empty() {
            return (facts, 0);
        }
        let recheck: Vec<(&InputFile, &OnceLock<words::WordSet>)> = self
            .files
            .iter()
            .zip(results)
            .filter(|(_, r)| {
                r.skipped
                    && pending
                        .get(&r.group)
                        .is_some_and(|w| words::may_name(&r.words, w))
            })
            .map(|(f, r)| (f, &r.words))
            .collect();
        let found = install(&self.pool, || recheck_all(&recheck, &pending, self.texts));
        let rechecked = found.len();
        for (group, file_facts) in found {
            facts.entry(group).or_default().merge(&file_facts);
        }
        (facts, rechecked)
    }
}

/// Step 6: every file's findings into `outcome`, the conditional ones where their crate
/// condition holds.
fn collect(outcome: &mut Outcome, results: Vec<FileResult>, facts: &HashMap<Group, CrateFacts>) {
    for r in results {
        outcome.files_parsed += r.parsed as usize;
        outcome.diagnostics.extend(r.diagnostics);
        let unit_facts = &facts[&r.group];
        for (condition, diag) in r.conditional {
            if unit_facts.holds(&condition) {
                outcome.diagnostics.push(diag);
            }
        }
    }
}

/// How many rounds of files reached from the seeds are modelled (each round can reveal
/// new wrappers, whose callers the next round finds).
const MAX_REACH_ROUNDS: usize = 4;

/// Per group: its crate index, and each kept file's id in it.
type UnitIndexes = HashMap<Group, (CrateIndex, HashMap<PathBuf, usize>)>;

/// Each crate's inferred facts (spawn wrappers...), for `--verbose`.
fn inferred_per_crate(indexes: &UnitIndexes) -> Vec<(PathBuf, Vec<String>)> {
    let mut out: Vec<(PathBuf, Vec<String>)> = indexes
        .iter()
        .map(|((_, root), (index, _))| (root.clone(), index.inferred_facts()))
        .filter(|(_, facts)| !facts.is_empty())
        .collect();
    out.sort();
    out
}

/// Per group of `groups`, the names whose files the crate checks still need: the crate's
/// spawn wrappers (their callers), spawned functions not found in any modelled file, and
/// types that keep a receive loop's handle and sender in fields.
fn reach_words(
    results: &[FileResult],
    indexes: &UnitIndexes,
    groups: &HashSet<Group>,
) -> HashMap<Group, Vec<String>> {
    let mut words: HashMap<Group, HashSet<String>> = HashMap::new();
    let indexes_asked = indexes.iter().filter(|(g, _)| groups.contains(*g));
    for (group, (index, _)) in indexes_asked {
        let wrappers = index.fns().filter(|&f| index.wrapper(f).is_some());
        let names = wrappers.map(|f| index.item(f).name.name().to_string());
        words.entry(group.clone()).or_default().extend(names);
        // Types that keep a receive loop's handle and its sender in fields: the files of
        // their other methods (`impl Drop for T` joining the handle).
        let types = index.fns().flat_map(|f| {
            index
                .item(f)
                .summary
                .worker_fields
                .iter()
                .map(|w| w.ty.clone())
        });
        words.entry(group.clone()).or_default().extend(types);
    }
    for r in results.iter().filter(|r| groups.contains(&r.group)) {
        let Some(k) = &r.kept else { continue };
        // The types a crate check asks about (a sender's owner, a leaked value).
        words
            .entry(r.group.clone())
            .or_default()
            .extend(k.model.types_asked());
        let (index, ids) = &indexes[&r.group];
        let file_id = ids[&k.file.path];
        // Fields that reply senders are parked into: the files naming them may hold the
        // loop that completes the senders.
        let parked: Vec<&str> = crate::model::paths::parked_fields(&k.model, &k.items).collect();
        // The files declaring aliases behind those fields' and channel fields' types.
        let senders = k.items.fns.iter().flat_map(|f| &f.summary.channel_fields);
        let typed: Vec<&str> = (parked.iter().copied())
            .chain(senders.map(|c| c.sender.as_str()))
            .collect();
        let aliased = k.items.crate_type_words(&typed);
        words
            .entry(r.group.clone())
            .or_default()
            .extend(parked.iter().map(|f| f.to_string()).chain(aliased));
        for (b, body) in k.model.bodies.iter().enumerate() {
            // Work handed to one of the crate's spawn helpers too (`spawn_named("t", ticker::run)`).
            let sites = body.spawns.iter().filter(|s| s.detaches());
            let helped = body
                .work_calls
                .iter()
                .filter(|s| index.spawned_by_wrapper(file_id, b, body, s).is_some());
            for site in sites.chain(helped) {
                let Some(path) = &site.work_path else {
                    continue;
                };
                if index.resolve_fn(file_id, Some(b), path).is_none()
                    && index.may_be_local(file_id, Some(b), path)
                {
                    // The name where it is defined (`use a::f as g` spawns `g`; `a.rs` says `f`).
                    let name = index.defined_name(file_id, Some(b), path);
                    words
                        .entry(r.group.clone())
                        .or_default()
                        .insert(name.into_owned());
                }
            }
        }
    }
    // A file that names a known spawn as a callee passes the task lints' needles already.
    let spawns: Vec<&str> = SPAWN_NEEDLES
        .iter()
        .map(|n| n.trim_end_matches('('))
        .collect();
    for w in words.values_mut() {
        w.retain(|name| !spawns.contains(&name.as_str()));
    }
    words
        .into_iter()
        .filter(|(_, w)| !w.is_empty())
        .map(|(g, w)| {
            let mut w: Vec<String> = w.into_iter().collect();
            w.sort();
            (g, w)
        })
        .collect()
}

/// The words context files (path mode) are also reached by: the types whose fields a
/// method joins or loops over (`impl Drop for Pool` asks which method stores `Pool`'s worker,
/// `PoolBuilder::build` in another file). A file of the run that stores a worker spawns, so
/// it passes the pre-filter itself; a context file is skipped whatever it holds.
fn with_owner_words(
    wanted: &HashMap<Group, Vec<String>>,
    indexes: &UnitIndexes,
    groups: &HashSet<Group>,
) -> HashMap<Group, Vec<String>> {
    let mut out = wanted.clone();
    for (group, (index, _)) in indexes.iter().filter(|(g, _)| groups.contains(*g)) {
        let owners = index.fns().filter_map(|f| {
            let item = index.item(f);
            let facts = &item.self_fields;
            let asks = !facts.joins.is_empty() || !facts.recv_loops.is_empty();
            item.self_ty.clone().filter(|_| asks)
        });
        let words = out.entry(group.clone()).or_default();
        for owner in owners {
            if !words.contains(&owner) {
                words.push(owner);
            }
        }
    }
    out.retain(|_, w| !w.is_empty());
    out
}

/// Models a skipped file (without the pre-filter) if it names one of `words`. `given` is
/// the file's text when the caller has it (an editor's buffer); otherwise the file is read
/// here, and that text is what is modelled (a file that is not UTF-8 goes through
/// [`lint_file`]'s own loading, which reports it).
fn reach_file(
    input: &InputFile,
    given: Option<&String>,
    env: &FileEnv,
    words: &[String],
    known: &std::sync::OnceLock<words::WordSet>,
) -> Option<FileResult> {
    let read;
    let text = match given {
        Some(text) => Some(text),
        None => {
            read = String::from_utf8(std::fs::read(&input.path).ok()?).ok();
            read.as_ref()
        }
    };
    let bytes = text.map_or(&[][..], |t| t.as_bytes());
    // A file whose words were not taken yet (context, or a skipped file no question
    // reached before) is first read here: its words spare the next rounds a read. A word
    // named only in a comment is no reason to model a file.
    let set = known.get_or_init(|| words::WordSet::of(bytes));
    if text.is_some() && !names_any(set, bytes, words) {
        return None;
    }
    let options = EngineOptions {
        prefilter: false,
        ..env.options.clone()
    };
    let input = InputFile {
        context: false,
        ..input.clone()
    };
    let env = FileEnv {
        options: &options,
        ..*env
    };
    Some(lint_file(&input, text, &env))
}

/// Runs the crate-wide checks of the enabled lints on one kept file, then its suppressions
/// (and reports those that silenced nothing, now that every finding is known).
fn crate_checks(
    kept: Kept,
    index: &CrateIndex,
    file_id: usize,
    levels: &Levels,
) -> Vec<(Diagnostic, Option<CrateCondition>)> {
    let Kept {
        file,
        model,
        suppressions,
        ..
    } = kept;
    let cx = CrateLintContext {
        file: &file,
        file_id,
        model: &model,
        krate: index,
    };
    let mut findings = Vec::new();
    for (lint, check) in CRATE_CHECKS.iter().filter(|(l, _)| levels.is_enabled(l)) {
        let _ = lint;
        check(&cx, &mut findings);
    }
    let mut kept = Vec::new();
    for finding in findings {
        if !suppressions.covers(&finding, &file) {
            kept.push(finding);
        }
    }
    if levels.level_of(&UNUSED_SUPPRESSION).0 != Level::Allow {
        kept.extend(suppressions.unused(|lint| levels.is_enabled(lint)));
    }
    kept.into_iter()
        .map(|finding| {
            let condition = finding.condition.clone();
            let (level, source) = levels.level_of(finding.lint);
            (
                Diagnostic::from_finding(finding, level, source, file.clone()),
                condition,
            )
        })
        .collect()
}

/// Runs `work` on the pool, or on the global one if the pool could not be built.
fn install<R: Send>(pool: &Option<rayon::ThreadPool>, work: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// One pre-filter per level table, compiled once per distinct set of enabled lints.
fn prefilters(levels: &[Levels]) -> Vec<Arc<Prefilter>> {
    let mut compiled: HashMap<(Vec<bool>, usize), Arc<Prefilter>> = HashMap::new();
    levels
        .iter()
        .map(|l| {
            let enabled: Vec<bool> = LINTS.iter().map(|lint| l.is_enabled(lint)).collect();
            let catalog = std::ptr::from_ref(l.catalog()) as usize;
            compiled
                .entry((enabled, catalog))
                .or_insert_with(|| Arc::new(Prefilter::new(l)))
                .clone()
        })
        .collect()
}

/// Per group (crate), the words whose presence in a skipped file could undo a conditional finding
/// that holds so far.
fn pending_words(
    results: &[FileResult],
    facts: &HashMap<Group, CrateFacts>,
) -> HashMap<Group, Vec<String>> {
    let mut pending: HashMap<Group, Vec<String>> = HashMap::new();
    for r in results {
        for (condition, _) in &r.conditional {
            if !facts[&r.group].holds(condition) {
                continue;
            }
            let word = condition.word().trim_start_matches("r#");
            let words = pending.entry(r.group.clone()).or_default();
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        }
    }
    pending
}

/// The crate facts of the skipped files (with their words, if taken) that name a pending
/// word, each with its group.
fn recheck_all(
    files: &[(&InputFile, &OnceLock<words::WordSet>)],
    pending: &HashMap<Group, Vec<String>>,
    texts: &HashMap<PathBuf, String>,
) -> Vec<(Group, CrateFacts)> {
    files
        .par_iter()
        .filter_map(|&(f, known)| {
            let group = group_of(f);
            let words = &pending[&group];
            recheck_facts(f, texts.get(&f.path), words, known).map(|facts| (group, facts))
        })
        .collect()
}

/// Reads a skipped file again and, if it names one of `words`, models it for its crate
/// facts. Files that cannot be read or parsed contribute nothing (as without the pre-filter).
fn recheck_facts(
    input: &InputFile,
    given: Option<&String>,
    words: &[String],
    known: &OnceLock<words::WordSet>,
) -> Option<CrateFacts> {
    let text = match given {
        Some(text) => text.clone(),
        None => String::from_utf8(std::fs::read(&input.path).ok()?).ok()?,
    };
    let set = known.get_or_init(|| words::WordSet::of(text.as_bytes()));
    if !names_any(set, text.as_bytes(), words) {
        return None;
    }
    let file = SourceFile::new(input.path.clone(), input.display.clone(), text);
    let facts = std::panic::catch_unwind(|| {
        let ast = syn::parse_file(&file.text).ok()?;
        let model = FileModel::build(&file, &ast);
        let items = FileItems::build(&file, &ast, &model, module_path_of(&file.path));
        Some(CrateFacts::of_file(&model, &items))
    });
    proc_macro2::extra::invalidate_current_thread_spans();
    facts.ok().flatten()
}

/// Whether `text` (whose word set is `set`) names one of `words` in code: the set rules a
/// word out at once, and a hit is confirmed as a whole identifier.
fn names_any(set: &words::WordSet, text: &[u8], words: &[String]) -> bool {
    words
        .iter()
        .any(|w| set.may_contain(w) && contains_word(text, w.as_bytes()))
}

/// Whether `word` occurs in `text` as a whole identifier.
fn contains_word(text: &[u8], word: &[u8]) -> bool {
    let is_ident = prefilter::is_ident_byte;
    memchr::memmem::find_iter(text, word).any(|at| {
        let before = at.checked_sub(1).map(|i| text[i]);
        let after = text.get(at + word.len()).copied();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// Sorts diagnostics by file and position, marks the first of each lint and sets the
/// fingerprints.
pub fn finish(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file.display.as_str(), a.primary.span.start, a.code()).cmp(&(
            b.file.display.as_str(),
            b.primary.span.start,
            b.code(),
        ))
    });
    crate::baseline::assign_fingerprints(diagnostics);
    mark_first_of_each_lint(diagnostics);
}

/// Sets [`Diagnostic::first_of_lint`] on the first diagnostic of each lint (again, after some
/// were removed).
pub fn mark_first_of_each_lint(diagnostics: &mut [Diagnostic]) {
    let mut seen = std::collections::HashSet::new();
    for d in diagnostics.iter_mut() {
        if let Some(lint) = d.lint() {
            d.first_of_lint = seen.insert(lint.name);
        }
    }
}

/// What [`lint_file`] needs besides the file and its text ([`Run::env`]).
#[derive(Clone, Copy)]
struct FileEnv<'r> {
    levels: &'r Levels,
    prefilter: &'r Prefilter,
    options: &'r EngineOptions,
    test_modules: &'r Mutex<TestModules>,
}

fn lint_file(input: &InputFile, given: Option<&String>, env: &FileEnv) -> FileResult {
    let FileEnv {
        levels,
        prefilter,
        options,
        ..
    } = *env;
    let mut result = FileResult {
        diagnostics: Vec::new(),
        conditional: Vec::new(),
        facts: CrateFacts::default(),
        parsed: false,
        skipped: false,
        words: std::sync::OnceLock::new(),
        kept: None,
        group: group_of(input),
    };
    // Context is read only when a reach round needs it.
    if input.context {
        result.skipped = true;
        return result;
    }
    // The pre-filter runs on the bytes, before the line index is built, and (for a file
    // read here) in the thread's read buffer: a skipped file's text is never copied out.
    let passes =
        |text: &str| !options.prefilter || input.named || prefilter.matches(text.as_bytes());
    let keep = |text: &str| passes(text).then(|| text.to_string());
    let loaded = match given {
        Some(text) => Ok(keep(text).ok_or_else(|| skipped_words(text))),
        None => load(input, |text| keep(text).ok_or_else(|| skipped_words(text))),
    };
    let text = match loaded {
        Ok(Ok(text)) => text,
        Ok(Err(words)) => {
            result.skipped = true;
            result.words = words;
            return result;
        }
        Err(diag) => {
            result.diagnostics.push(*diag);
            return result;
        }
    };
    let file = SourceFile::new(input.path.clone(), input.display.clone(), text);
    if let Some(at) = nesting::too_deep(file.text.as_bytes(), nesting::MAX_NESTING) {
        result.diagnostics.push(too_deeply_nested(&file, at));
        return result;
    }
    result.parsed = true;
    let kind = FileKind {
        test_target: input.is_test_target || is_test_module(env.test_modules, &input.path),
        whole_captures: whole_captures(input),
    };
    match analyse_caught(&file, levels, kind) {
        Ok(analysis) => {
            result.facts = analysis.facts;
            result.kept = Some(analysis.kept);
            for (finding, condition) in analysis.findings {
                let diag = to_diagnostic(finding, levels, &file, input);
                match condition {
                    Some(c) => result.conditional.push((c, diag)),
                    None => result.diagnostics.push(diag),
                }
            }
        }
        Err(diags) => result.diagnostics.extend(diags),
    }
    for d in &mut result.diagnostics {
        d.package = input.package.clone();
    }
    for (_, d) in &mut result.conditional {
        d.package = input.package.clone();
    }
    result
}

/// A file nested deeper than the stack can follow, reported where the limit is crossed.
fn too_deeply_nested(file: &Arc<SourceFile>, at: usize) -> Diagnostic {
    Diagnostic::tool_error(
        "too_deeply_nested",
        file.clone(),
        format!(
            "`{}` is nested too deeply to analyse (over {} levels of delimiters and operators); it was skipped",
            file.display,
            nesting::MAX_NESTING
        ),
        Label::new(Span::new(at, at + 1), "nesting exceeds the limit here"),
    )
}

/// [`analyse`], with a panic turned into an `internal_error` diagnostic, and proc-macro2's
/// thread-local source map freed afterwards (so that memory stays flat over thousands of
/// files: every span has been converted to a byte span by then).
fn analyse_caught(
    file: &Arc<SourceFile>,
    levels: &Levels,
    kind: FileKind,
) -> Result<Analysis, Vec<Diagnostic>> {
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(file, levels, kind)));
    proc_macro2::extra::invalidate_current_thread_spans();
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Err(vec![Diagnostic::tool_error(
                "internal_error",
                file.clone(),
                format!("leaklint crashed while analysing this file: {what}"),
                Label::new(Span::new(0, 0), "while analysing this file"),
            )])
        }
    }
}

/// Lints one file's text as a crate of its own, without the pre-filter and without catching
/// panics: every stage after loading (nesting check, parse, model, lints, suppressions,
/// crate conditions) runs on `text`. For fuzzing and tests; [`run`] is the entry point for files.
pub fn lint_source(display: &str, text: &str, levels: &Levels) -> Vec<Diagnostic> {
    let file = SourceFile::new(
        PathBuf::from(display),
        display.to_string(),
        text.to_string(),
    );
    if let Some(at) = nesting::too_deep(text.as_bytes(), nesting::MAX_NESTING) {
        return vec![too_deeply_nested(&file, at)];
    }
    let result = analyse(&file, levels, FileKind::default());
    proc_macro2::extra::invalidate_current_thread_spans();
    let mut diagnostics = match result {
        Ok(analysis) => {
            let facts = analysis.facts;
            let index = CrateIndex::new(vec![(file.clone(), analysis.kept.items.clone())]);
            let mut findings: Vec<(Diagnostic, Option<CrateCondition>)> = analysis
                .findings
                .into_iter()
                .map(|(finding, c)| {
                    let (level, source) = levels.level_of(finding.lint);
                    (
                        Diagnostic::from_finding(finding, level, source, file.clone()),
                        c,
                    )
                })
                .collect();
            findings.extend(crate_checks(analysis.kept, &index, 0, levels));
            findings
                .into_iter()
                .filter(|(_, c)| c.as_ref().is_none_or(|c| facts.holds(c)))
                .map(|(d, _)| d)
                .collect()
        }
        Err(diags) => diags,
    };
    finish(&mut diagnostics);
    diagnostics
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

/// What a skipped file keeps of its text: its words, taken now only where every skipped file
/// is asked about them ([`words::wanted_at_once`]); the others are taken when first asked.
fn skipped_words(text: &str) -> OnceLock<words::WordSet> {
    let known = OnceLock::new();
    if words::wanted_at_once(text.as_bytes()) {
        let _ = known.set(words::WordSet::of(text.as_bytes()));
    }
    known
}

thread_local! {
    /// Each worker's read buffer, kept from file to file: most files are read only to be
    /// skipped, and a fresh allocation per file cost page faults (large files' buffers are
    /// mapped and unmapped each time).
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A read buffer larger than this is given back after the file.
const KEPT_BUFFER_BYTES: usize = 8 << 20;

/// Reads a file once, into the thread's read buffer, and gives its text to `use_text`; I/O
/// and encoding problems become located diagnostics.
fn load<R>(input: &InputFile, use_text: impl FnOnce(&str) -> R) -> Result<R, Box<Diagnostic>> {
    READ_BUFFER.with(|buffer| {
        let mut bytes = buffer.take();
        bytes.clear();
        let result = read_into(input, &mut bytes).map(use_text);
        if bytes.capacity() <= KEPT_BUFFER_BYTES {
            buffer.replace(bytes);
        }
        result
    })
}

/// Reads a file into `bytes` (emptied) and checks that it is UTF-8.
fn read_into<'b>(input: &InputFile, bytes: &'b mut Vec<u8>) -> Result<&'b str, Box<Diagnostic>> {
    let error = |code: &'static str, message: String, text: String, label: Label| {
        Box::new(Diagnostic::tool_error(
            code,
            SourceFile::new(input.path.clone(), input.display.clone(), text),
            message,
            label,
        ))
    };
    let read_error = |e: std::io::Error| {
        error(
            "read_error",
            format!("cannot read `{}`: {e}", input.display),
            String::new(),
            Label::new(Span::new(0, 0), ""),
        )
    };
    // A FIFO or a device would block (even to open) or never end: only regular files are
    // read, which is checked before opening.
    let meta = std::fs::metadata(&input.path).map_err(read_error)?;
    if !meta.is_file() {
        return Err(error(
            "read_error",
            format!("cannot read `{}`: not a regular file", input.display),
            String::new(),
            Label::new(Span::new(0, 0), ""),
        ));
    }
    let too_large = |len: u64| {
        error(
            "file_too_large",
            format!(
                "`{}` is {} MiB, over the {} MiB leaklint analyses; it was skipped",
                input.display,
                len >> 20,
                MAX_FILE_BYTES >> 20
            ),
            String::new(),
            Label::new(Span::new(0, 0), ""),
        )
    };
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(meta.len()));
    }
    let mut handle = std::fs::File::open(&input.path).map_err(read_error)?;
    bytes.reserve(meta.len() as usize + 1);
    // `take` bounds a file that grows while it is read.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&mut handle, MAX_FILE_BYTES as u64 + 1),
        bytes,
    )
    .map_err(read_error)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let bytes: &'b [u8] = bytes;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.valid_up_to();
            // Lossy decoding keeps valid prefixes byte-for-byte, so `at` is still right.
            let text = String::from_utf8_lossy(bytes).into_owned();
            Err(error(
                "invalid_utf8",
                format!(
                    "`{}` is not valid UTF-8 (invalid byte at offset {at})",
                    input.display
                ),
                text,
                Label::new(Span::new(at, at + 1), "not UTF-8"),
            ))
        }
    }
}

/// Whether any enabled lint could fire in this text (a byte search, no parsing). [`run`]
/// compiles the pre-filter once per run; this compiles it on every call.
pub fn may_fire(text: &str, levels: &Levels) -> bool {
    Prefilter::new(levels).matches(text.as_bytes())
}

struct Analysis {
    findings: Vec<(Finding, Option<CrateCondition>)>,
    facts: CrateFacts,
    kept: Kept,
}

/// Whether the file at `path` is a module declared under `#[cfg(test)]`; a poisoned lock
/// (a panic in another worker, reported there) reads as "no".
fn is_test_module(modules: &Mutex<TestModules>, path: &std::path::Path) -> bool {
    modules.lock().is_ok_and(|mut m| m.is_test(path))
}

/// What the engine knows of a file besides its text.
#[derive(Clone, Copy, Debug, Default)]
struct FileKind {
    /// The file belongs to a test, bench or example target, so all of it is test code.
    test_target: bool,
    /// Its cargo target is of edition 2015 or 2018 (closures capture whole variables).
    whole_captures: bool,
}

/// Whether the file's cargo target is known to be of an edition before 2021 (unknown in
/// path mode: taken as 2021 or later).
pub(crate) fn whole_captures(input: &InputFile) -> bool {
    input
        .package
        .as_ref()
        .and_then(|p| p.target_for(&input.path))
        .is_some_and(|t| matches!(t.edition.as_str(), "2015" | "2018"))
}

/// Parses and models one file and runs the per-file checks of the enabled lints; the
/// findings are filtered by the file's suppressions, whose unused ones are reported after
/// the crate-wide checks ([`crate_checks`]).
fn analyse(
    file: &Arc<SourceFile>,
    levels: &Levels,
    kind: FileKind,
) -> Result<Analysis, Vec<Diagnostic>> {
    let ast = match syn::parse_file(&file.text) {
        Ok(ast) => ast,
        Err(errors) => return Err(parse_errors(file, errors)),
    };
    let mut model = FileModel::build_with(file, &ast, levels.catalog());
    if kind.test_target {
        model.mark_test_code();
    }
    if kind.whole_captures {
        model.assume_whole_captures();
    }
    let items = FileItems::build(file, &ast, &model, module_path_of(&file.path));
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
    // Every suppression names leaklint: without the word, there is nothing to collect.
    let suppressions = if memchr::memmem::find(file.text.as_bytes(), b"leaklint").is_some() {
        Suppressions::collect(file, &ast)
    } else {
        Suppressions::default()
    };
    let mut kept = Vec::new();
    for finding in findings {
        if !suppressions.covers(&finding, file) {
            let condition = finding.condition.clone();
            kept.push((finding, condition));
        }
    }
    let facts = CrateFacts::of_file(&model, &items);
    Ok(Analysis {
        findings: kept,
        facts,
        kept: Kept {
            file: file.clone(),
            model,
            items: Arc::new(items),
            suppressions,
        },
    })
}

fn parse_errors(file: &Arc<SourceFile>, errors: syn::Error) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|e| {
            let span = file.span_of(e.span());
            // proc-macro2's lexer says only this when the text does not split into tokens.
            let why = match e.to_string().as_str() {
                "cannot parse string into token stream" => {
                    "unbalanced delimiters or an unterminated literal or comment".to_string()
                }
                other => other.to_string(),
            };
            Diagnostic::tool_error(
                "syntax_error",
                file.clone(),
                format!("cannot parse `{}`: {why}", file.display),
                Label::new(span, why),
            )
        })
        .collect()
}
