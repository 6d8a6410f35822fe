//! The version control check of `--fix`, as `cargo fix` does it, but for the files `--fix`
//! is about to change only (an unrelated uncommitted file does not stop it):
//!
//! - a file with uncommitted changes in the work tree, an untracked file and an ignored file
//!   are refused unless `--allow-dirty`;
//! - a file whose changes are all staged is refused unless `--allow-staged` (or
//!   `--allow-dirty`);
//! - a file outside any git work tree (path mode on a plain directory, or `git` not
//!   installed) is refused unless `--allow-dirty`: nothing could undo the fix.
//!
//! Git is asked through its command line (`git rev-parse`, `git status --porcelain`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Refusal;

/// What `--allow-dirty` and `--allow-staged` let through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Allow {
    pub dirty: bool,
    pub staged: bool,
}

/// The state of one file in version control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Clean,
    /// Every change is in the index.
    Staged,
    /// Changed in the work tree.
    Modified,
    Untracked,
    Ignored,
    /// Not in a git work tree.
    NoVcs,
}

impl State {
    fn describe(self) -> &'static str {
        match self {
            State::Clean => "committed",
            State::Staged => "staged",
            State::Modified => "modified",
            State::Untracked => "untracked",
            State::Ignored => "ignored by git",
            State::NoVcs => "not in a git work tree",
        }
    }

    fn allowed(self, allow: Allow) -> bool {
        match self {
            State::Clean => true,
            State::Staged => allow.staged || allow.dirty,
            _ => allow.dirty,
        }
    }
}

/// Refuses when a file of `files` (path, shown path) is in a state `allow` does not let
/// through; the refusal lists each such file and its state.
pub fn check(files: &[(PathBuf, String)], allow: Allow) -> Result<(), Refusal> {
    if files.is_empty() || allow.dirty {
        return Ok(());
    }
    let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
    let states = states(&paths);
    let refused: Vec<String> = files
        .iter()
        .zip(&states)
        .filter(|(_, s)| !s.allowed(allow))
        .map(|((_, shown), s)| format!("  {shown} ({})", s.describe()))
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    let staged_only = states
        .iter()
        .all(|s| matches!(s, State::Clean | State::Staged));
    let help = if staged_only {
        "commit the changes first, or pass --allow-staged to fix the files anyway"
    } else if states.contains(&State::NoVcs) {
        "--fix changes files in place: put them under git first, or pass --allow-dirty to fix them anyway"
    } else {
        "commit or stash the changes first, or pass --allow-dirty (--allow-staged for staged changes) to fix the files anyway"
    };
    Err(Refusal {
        message: format!(
            "--fix would change files that are not committed:\n{}",
            refused.join("\n")
        ),
        help: help.to_string(),
    })
}

/// The state of each path, in order.
pub fn states(paths: &[PathBuf]) -> Vec<State> {
    // Paths grouped by their git work tree, one `git status` per work tree.
    let mut trees: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    let mut result = vec![State::NoVcs; paths.len()];
    let mut top_of_dir: BTreeMap<PathBuf, Option<PathBuf>> = BTreeMap::new();
    for (i, path) in paths.iter().enumerate() {
        let Ok(path) = std::fs::canonicalize(path) else {
            continue;
        };
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let top = top_of_dir
            .entry(dir.clone())
            .or_insert_with(|| toplevel(&dir));
        if let Some(top) = top {
            trees.entry(top.clone()).or_default().push(i);
        }
    }
    for (top, members) in trees {
        let canonical: Vec<PathBuf> = members
            .iter()
            .filter_map(|&i| std::fs::canonicalize(&paths[i]).ok())
            .collect();
        let Some(listed) = status(&top, &canonical) else {
            continue;
        };
        for (&i, path) in members.iter().zip(&canonical) {
            let relative = path.strip_prefix(&top).unwrap_or(path);
            result[i] = listed.get(relative).copied().unwrap_or(State::Clean);
        }
    }
    result
}

/// The top directory of the git work tree holding `dir`, canonical.
fn toplevel(dir: &Path) -> Option<PathBuf> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--show-toplevel"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    std::fs::canonicalize(text.trim_end_matches(['\n', '\r'])).ok()
}

/// `git status` of `paths` in the work tree `top`: the state of every path it lists, keyed
/// by the path relative to `top`. Paths it does not list are clean.
fn status(top: &Path, paths: &[PathBuf]) -> Option<BTreeMap<PathBuf, State>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(top)
        .args([
            "status",
            "--porcelain=v1",
            "-z",
            "--ignored=matching",
            "--untracked-files=all",
            "--",
        ])
        .args(paths)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(parse_porcelain(&out.stdout))
}

/// Parses `git status --porcelain=v1 -z`: `XY PATH\0`, and for renames and copies the
/// original path as a second `\0`-terminated field.
fn parse_porcelain(out: &[u8]) -> BTreeMap<PathBuf, State> {
    let mut states = BTreeMap::new();
    let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
    while let Some(entry) = fields.next() {
        if entry.len() < 4 {
            continue;
        }
        let (x, y) = (entry[0], entry[1]);
        let path = PathBuf::from(String::from_utf8_lossy(&entry[3..]).into_owned());
        if matches!(x, b'R' | b'C') {
            fields.next();
        }
        let state = match (x, y) {
            (b'?', b'?') => State::Untracked,
            (b'!', b'!') => State::Ignored,
            (_, b' ') => State::Staged,
            _ => State::Modified,
        };
        states.insert(path, state);
    }
    states
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_states() {
        let out = b" M a.rs\0M  b.rs\0MM c.rs\0?? d.rs\0!! e.rs\0R  f.rs\0old.rs\0A  g.rs\0";
        let states = parse_porcelain(out);
        let of = |p: &str| states[Path::new(p)];
        assert_eq!(of("a.rs"), State::Modified);
        assert_eq!(of("b.rs"), State::Staged);
        assert_eq!(of("c.rs"), State::Modified);
        assert_eq!(of("d.rs"), State::Untracked);
        assert_eq!(of("e.rs"), State::Ignored);
        assert_eq!(of("f.rs"), State::Staged);
        assert_eq!(of("g.rs"), State::Staged);
        assert!(!states.contains_key(Path::new("old.rs")));
    }

    #[test]
    fn what_each_flag_lets_through() {
        let none = Allow::default();
        let staged = Allow {
            dirty: false,
            staged: true,
        };
        let dirty = Allow {
            dirty: true,
            staged: false,
        };
        assert!(State::Clean.allowed(none));
        assert!(!State::Staged.allowed(none));
        assert!(State::Staged.allowed(staged));
        assert!(!State::Modified.allowed(staged));
        assert!(!State::NoVcs.allowed(staged));
        for s in [
            State::Modified,
            State::Untracked,
            State::Ignored,
            State::NoVcs,
        ] {
            assert!(s.allowed(dirty));
        }
    }
}
