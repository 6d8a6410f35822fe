//! The result cache: a run over an unchanged workspace reads each file once, to hash it, and
//! parses nothing.
//!
//! The granularity is the unit (a package, or in path mode every file given), not the file:
//! crate-wide facts (a field read in another file) can settle a file's findings, so a
//! file's result depends on every file of its unit. A unit's entry is keyed by a 128-bit
//! XXH3 hash of the leaklint version, the unit's levels (configuration and `-A/-W/-D`), the
//! pre-filter setting, and the path, content and kind (test code, named or context, the
//! target's edition) of every file of the unit. One file per unit,
//! `DIR/unit-HASH-OF-ITS-IDENTITY.json`, holds the key and the diagnostics; a changed unit
//! overwrites its entry. Units with a file that cannot be read, is not UTF-8, or holds a
//! syntax error or another tool error are not cached (those are re-checked on every run).
//! Missed units are linted in one engine run with the texts already read, so even a cold
//! run reads each file once.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Levels;
use crate::diagnostic::{
    Applicability, Diagnostic, Edit, Label, Level, LevelSource, Origin, Suggestion,
};
use crate::engine::{self, EngineOptions, InputFile, Outcome, MAX_FILE_BYTES};
use crate::lints;
use crate::source::{SourceFile, Span};

/// Where the cache of a run lives: `leaklint/` in cargo's target directory in workspace mode;
/// in path mode, `target/leaklint/` of the current directory when it holds a `Cargo.toml`,
/// else nowhere (no cache).
pub fn dir(discovery: &crate::discover::Discovery) -> Option<PathBuf> {
    match &discovery.target_dir {
        Some(target) => Some(target.join("leaklint")),
        None => discovery
            .base
            .join("Cargo.toml")
            .is_file()
            .then(|| discovery.base.join("target").join("leaklint")),
    }
}

/// Lints `files` as [`engine::run`] does, reusing the results of units whose key is in the
/// cache directory `dir` and storing those of the others. A cache that cannot be read or
/// written is ignored (the run is then as without it).
pub fn run(files: &[InputFile], levels: &[Levels], options: &EngineOptions, dir: &Path) -> Outcome {
    let fallback = [Levels::default()];
    let levels = if levels.is_empty() { &fallback } else { levels };
    let mut units: Vec<Vec<usize>> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if units.len() <= f.unit {
            units.resize_with(f.unit + 1, Vec::new);
        }
        units[f.unit].push(i);
    }
    let mut outcome = Outcome {
        files_seen: files.iter().filter(|f| !f.context).count(),
        ..Outcome::default()
    };
    let mut read = read_all(files, options);
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    let mut missed: Vec<(usize, Option<(PathBuf, String)>)> = Vec::new();
    for (unit, members) in units.iter().enumerate().filter(|(_, m)| !m.is_empty()) {
        let unit_texts: Option<Vec<String>> = members.iter().map(|&i| read[i].take()).collect();
        let Some(unit_texts) = unit_texts else {
            missed.push((unit, None));
            continue;
        };
        let entry = dir.join(format!("unit-{:032x}.json", identity(files, members)));
        let key = format!("{:032x}", key(files, members, &unit_texts, levels, options));
        match load(&entry, &key, files, members, &unit_texts) {
            Some(diagnostics) => {
                outcome.diagnostics.extend(diagnostics);
                continue;
            }
            None => missed.push((unit, Some((entry, key)))),
        }
        // Linted again below, from the texts already read.
        for (&i, text) in members.iter().zip(unit_texts) {
            texts.insert(files[i].path.clone(), text);
        }
    }
    if !missed.is_empty() {
        let inputs: Vec<InputFile> = missed
            .iter()
            .flat_map(|(u, _)| units[*u].iter().map(|&i| files[i].clone()))
            .collect();
        let linted = engine::run_with_texts(&inputs, levels, options, &texts);
        outcome.files_parsed = linted.files_parsed;
        outcome.files_rechecked = linted.files_rechecked;
        for (unit, entry) in &missed {
            if let Some((path, key)) = entry {
                let members = &units[*unit];
                let of_unit: Vec<&Diagnostic> = linted
                    .diagnostics
                    .iter()
                    .filter(|d| members.iter().any(|&i| files[i].path == d.file.path))
                    .collect();
                store(dir, path, key, files, members, &of_unit);
            }
        }
        outcome.diagnostics.extend(linted.diagnostics);
    }
    engine::finish(&mut outcome.diagnostics);
    outcome
}

/// The texts of `files` (`None` for one [`read`] refuses), read in parallel on
/// `options.threads` threads: on a warm run, reading is most of the time.
fn read_all(files: &[InputFile], options: &EngineOptions) -> Vec<Option<String>> {
    use rayon::prelude::*;
    let read_each = || files.par_iter().map(|f| read(&f.path)).collect();
    match rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
    {
        Ok(pool) => pool.install(read_each),
        Err(_) => read_each(),
    }
}

/// The text of a regular UTF-8 file of at most [`MAX_FILE_BYTES`], read once.
fn read(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES as u64 {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

fn identity(files: &[InputFile], members: &[usize]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for &i in members {
        h.update(files[i].path.to_string_lossy().as_bytes());
        h.update(&[0]);
    }
    h.digest128()
}

fn key(
    files: &[InputFile],
    members: &[usize],
    texts: &[String],
    levels: &[Levels],
    options: &EngineOptions,
) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(env!("CARGO_PKG_VERSION").as_bytes());
    part(build_identity().as_bytes());
    part(&[u8::from(options.prefilter)]);
    for (&i, text) in members.iter().zip(texts) {
        let f = &files[i];
        // The levels' debug form holds every setting and the whole catalogue of APIs,
        // `[apis]` declarations included.
        let table = &levels[f.levels.min(levels.len() - 1)];
        part(f.path.to_string_lossy().as_bytes());
        part(f.display.as_bytes());
        // What the engine knows of the file besides its text: test code, named or context,
        // and the edition's closure captures.
        let kind = (
            f.is_test_target,
            f.named,
            f.context,
            engine::whole_captures(f),
        );
        part(format!("{table:?}|{kind:?}").as_bytes());
        part(text.as_bytes());
    }
    h.digest128()
}

/// The running executable's size and modification time: a rebuilt leaklint of the same
/// version (a developer's build) does not reuse results of the old one.
fn build_identity() -> String {
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    match meta {
        Ok(m) => format!("{}|{:?}", m.len(), m.modified().ok()),
        Err(_) => String::new(),
    }
}

/// A unit's cache entry.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    diagnostics: Vec<Cached>,
}

/// A byte range of a file and its text: a label's message or an edit's replacement.
type Spanned = (u32, u32, String);

/// A lint diagnostic without its file: `file` indexes the unit's files.
#[derive(Serialize, Deserialize)]
struct Cached {
    file: usize,
    lint: String,
    level: String,
    source: String,
    message: String,
    primary: Spanned,
    secondary: Vec<Spanned>,
    notes: Vec<String>,
    help: Vec<String>,
    suggestions: Vec<(String, String, Vec<Spanned>)>,
}

/// The diagnostics of a unit from its entry, if the entry holds `key`.
fn load(
    entry: &Path,
    key: &str,
    files: &[InputFile],
    members: &[usize],
    texts: &[String],
) -> Option<Vec<Diagnostic>> {
    let entry: Entry = serde_json::from_slice(&std::fs::read(entry).ok()?).ok()?;
    if entry.key != key {
        return None;
    }
    // Only the files with a finding need a source (for the human format's snippets).
    let mut sources: HashMap<usize, Arc<SourceFile>> = HashMap::new();
    entry
        .diagnostics
        .into_iter()
        .map(|c| {
            let at = c.file;
            let input = &files[*members.get(at)?];
            let file = sources
                .entry(at)
                .or_insert_with(|| {
                    SourceFile::new(input.path.clone(), input.display.clone(), texts[at].clone())
                })
                .clone();
            let mut d = from_cached(c, file)?;
            d.package = input.package.clone();
            Some(d)
        })
        .collect()
}

fn from_cached(c: Cached, file: Arc<SourceFile>) -> Option<Diagnostic> {
    let lint = lints::find(&c.lint)?;
    let level = match c.level.as_str() {
        "allow" => Level::Allow,
        "warn" => Level::Warn,
        "deny" => Level::Deny,
        _ => return None,
    };
    let source = match c.source.as_str() {
        "default" => LevelSource::Default,
        "command-line" => LevelSource::CommandLine,
        "config" => LevelSource::Config,
        _ => return None,
    };
    let label = |(start, end, message): Spanned| {
        Label::new(Span::new(start as usize, end as usize), message)
    };
    let suggestions = c
        .suggestions
        .into_iter()
        .map(|(message, applicability, edits)| {
            Some(Suggestion {
                message,
                applicability: applicability_of(&applicability)?,
                edits: edits
                    .into_iter()
                    .map(|(s, e, replacement)| Edit {
                        span: Span::new(s as usize, e as usize),
                        replacement,
                    })
                    .collect(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Diagnostic {
        origin: Origin::Lint {
            lint,
            level,
            source,
        },
        file,
        message: c.message,
        primary: label(c.primary),
        secondary: c.secondary.into_iter().map(label).collect(),
        notes: c.notes,
        help: c.help,
        suggestions,
        first_of_lint: false,
        package: None,
        fingerprint: None,
    })
}

fn applicability_of(text: &str) -> Option<Applicability> {
    [
        Applicability::MachineApplicable,
        Applicability::MaybeIncorrect,
        Applicability::HasPlaceholders,
        Applicability::Unspecified,
    ]
    .into_iter()
    .find(|a| a.as_str() == text)
}

fn to_cached(d: &Diagnostic, file: usize) -> Option<Cached> {
    let Origin::Lint {
        lint,
        level,
        source,
    } = d.origin
    else {
        return None;
    };
    let label = |l: &Label| (l.span.start, l.span.end, l.message.clone());
    Some(Cached {
        file,
        lint: lint.name.to_string(),
        level: level.as_str().to_string(),
        source: match source {
            LevelSource::Default => "default",
            LevelSource::CommandLine => "command-line",
            LevelSource::Config => "config",
        }
        .to_string(),
        message: d.message.clone(),
        primary: label(&d.primary),
        secondary: d.secondary.iter().map(label).collect(),
        notes: d.notes.clone(),
        help: d.help.clone(),
        suggestions: d
            .suggestions
            .iter()
            .map(|s| {
                let edits = s
                    .edits
                    .iter()
                    .map(|e| (e.span.start, e.span.end, e.replacement.clone()))
                    .collect();
                (
                    s.message.clone(),
                    s.applicability.as_str().to_string(),
                    edits,
                )
            })
            .collect(),
    })
}

/// Stores a unit's diagnostics (not if any is a tool error) through a temporary file.
fn store(
    dir: &Path,
    entry: &Path,
    key: &str,
    files: &[InputFile],
    members: &[usize],
    found: &[&Diagnostic],
) {
    let cached: Option<Vec<Cached>> = found
        .iter()
        .map(|d| {
            let file = members.iter().position(|&i| files[i].path == d.file.path)?;
            to_cached(d, file)
        })
        .collect();
    let Some(diagnostics) = cached else {
        return;
    };
    let entry_data = Entry {
        key: key.to_string(),
        diagnostics,
    };
    let _ = write_atomically(dir, entry, &entry_data);
}

fn write_atomically(dir: &Path, path: &Path, entry: &Entry) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.exists() {
        std::fs::write(
            &tag,
            "Signature: 8a477f597d28d172789f06886806bc55\n# leaklint's result cache; see https://bford.info/cachedir/\n",
        )?;
    }
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer(&mut temp, entry)?;
    temp.flush()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
