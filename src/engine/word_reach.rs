//! The word reaches of the enabled lints ([`crate::lints::WORD_REACHES`]): files the
//! pre-filter skipped that a crate check needs, found from their identifiers without parsing.
//! `forgotten_handle` reads a file that calls `forget` or `leak` only where its crate names a
//! library type that owns a handle: most crates that forget values (unsafe containers, FFI)
//! hold no handle at all, and their files are not parsed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::{contains_word, install, words, FileResult, Group, InputFile};
use crate::config::Levels;
use crate::lints::{WordReach, WORD_REACHES};

/// The skipped files (indices in `files`) that a word reach of a lint enabled for them needs,
/// with the callers each must name.
pub(super) fn wanted<'l>(
    files: &[InputFile],
    results: &[FileResult],
    texts: &HashMap<PathBuf, String>,
    levels_of: impl Fn(&InputFile) -> &'l Levels,
    pool: &Option<rayon::ThreadPool>,
) -> Vec<(usize, &'static [&'static str])> {
    let mut out = Vec::new();
    // The files of each group, built on the first question (one pass over the results).
    let mut members: Option<HashMap<&Group, Vec<usize>>> = None;
    for (lint, reach) in WORD_REACHES {
        let candidates: Vec<usize> = (0..files.len())
            .filter(|&i| is_candidate(&files[i], &results[i], reach))
            .filter(|&i| levels_of(&files[i]).is_enabled(lint))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let members = members.get_or_insert_with(|| {
            let mut by_group: HashMap<&Group, Vec<usize>> = HashMap::new();
            for (i, r) in results.iter().enumerate() {
                by_group.entry(&r.group).or_default().push(i);
            }
            by_group
        });
        // One question per group, asked with its first candidate's configuration (the names
        // depend on the declared endpoint types); the groups are asked in parallel, since a
        // group that names none has every file's words taken.
        let mut questions: HashMap<&Group, Vec<&'static str>> = HashMap::new();
        for &i in &candidates {
            questions
                .entry(&results[i].group)
                .or_insert_with(|| (reach.needs)(levels_of(&files[i]).catalog()));
        }
        let questions: Vec<(&Group, Vec<Member>, Vec<&'static str>)> = questions
            .into_iter()
            .map(|(group, needs)| {
                let members = members[group]
                    .iter()
                    .map(|&j| Member::of(&files[j], &results[j]));
                (group, members.collect(), needs)
            })
            .collect();
        let group_names: HashMap<&Group, bool> = install(pool, || {
            questions
                .into_par_iter()
                .map(|(group, members, needs)| (group, group_names_any(&members, texts, &needs)))
                .collect()
        });
        for i in candidates {
            if group_names[&results[i].group] {
                out.push((i, reach.callers));
            }
        }
    }
    out.sort_by_key(|&(i, _)| i);
    out.dedup_by_key(|&mut (i, _)| i);
    out
}

/// A file the pre-filter skipped (not context: context is only read when reached by the
/// crate's names) that may name one of the reach's callers.
fn is_candidate(input: &InputFile, result: &FileResult, reach: &WordReach) -> bool {
    result.skipped
        && !input.context
        && result
            .words
            .get()
            .is_some_and(|w| reach.callers.iter().any(|c| w.may_contain(c)))
}

/// What [`group_names_any`] reads of one file of a group (shareable across threads, unlike
/// the file's whole result).
struct Member<'r> {
    input: &'r InputFile,
    /// The text of a modelled file.
    kept: Option<&'r str>,
    skipped: bool,
    words: &'r OnceLock<words::WordSet>,
}

impl<'r> Member<'r> {
    fn of(input: &'r InputFile, result: &'r FileResult) -> Member<'r> {
        Member {
            input,
            kept: result.kept.as_ref().map(|k| k.file.text.as_str()),
            skipped: result.skipped,
            words: &result.words,
        }
    }
}

/// Whether some file of a group may name one of `needs`: a skipped file by its words (taken
/// now if they were not; a context file not read yet may), a modelled file by its text. A
/// file that was not modelled for another reason (a syntax error, unreadable) is in no crate
/// index, so its types hold nothing.
fn group_names_any(group: &[Member], texts: &HashMap<PathBuf, String>, needs: &[&str]) -> bool {
    group.iter().any(|m| {
        if let Some(text) = m.kept {
            let text = text.as_bytes();
            return needs.iter().any(|n| contains_word(text, n.as_bytes()));
        }
        if !m.skipped {
            return false;
        }
        if m.input.context {
            return words::may_name_any(m.words, needs);
        }
        let set = words::words_of(&m.input.path, texts.get(&m.input.path), m.words);
        needs.iter().any(|n| set.may_contain(n))
    })
}
