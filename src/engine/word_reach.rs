//! The word reaches of the enabled lints ([`crate::lints::WORD_REACHES`]): files the
//! pre-filter skipped that a crate check needs, found from their identifiers without parsing.
//! `forgotten_handle` reads a file that calls `forget` or `leak` only where its crate names a
//! library type that owns a handle: most crates that forget values (unsafe containers, FFI)
//! hold no handle at all, and their files are not parsed.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{contains_word, words, FileResult, Group, InputFile};
use crate::config::Levels;
use crate::lints::{WordReach, WORD_REACHES};

/// The skipped files (indices in `files`) that a word reach of a lint enabled for them needs,
/// with the callers each must name.
pub(super) fn wanted<'l>(
    files: &[InputFile],
    results: &[FileResult],
    texts: &HashMap<PathBuf, String>,
    levels_of: impl Fn(&InputFile) -> &'l Levels,
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
        let mut group_names: HashMap<&Group, bool> = HashMap::new();
        for i in candidates {
            let group = &results[i].group;
            let names = *group_names.entry(group).or_insert_with(|| {
                // The names depend on the crate's configuration (declared endpoint types).
                let needs = (reach.needs)(levels_of(&files[i]).catalog());
                let members = members[group].iter().map(|&j| (&files[j], &results[j]));
                group_names_any(members, texts, &needs)
            });
            if names {
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

/// Whether some file of a group may name one of `needs`: a skipped file by its words (taken
/// now if they were not; a context file not read yet may), a modelled file by its text. A
/// file that was not modelled for another reason (a syntax error, unreadable) is in no crate
/// index, so its types hold nothing.
fn group_names_any<'r>(
    mut group: impl Iterator<Item = (&'r InputFile, &'r FileResult)>,
    texts: &HashMap<PathBuf, String>,
    needs: &[&str],
) -> bool {
    group.any(|(f, r)| {
        if let Some(kept) = &r.kept {
            let text = kept.file.text.as_bytes();
            return needs.iter().any(|n| contains_word(text, n.as_bytes()));
        }
        if !r.skipped {
            return false;
        }
        if f.context {
            return words::may_name_any(&r.words, needs);
        }
        let set = words::words_of(&f.path, texts.get(&f.path), &r.words);
        needs.iter().any(|n| set.may_contain(n))
    })
}
