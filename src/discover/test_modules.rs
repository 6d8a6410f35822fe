//! Files that are modules declared under `#[cfg(test)]` (`#[cfg(test)] mod helpers;` in the
//! parent module's file), directly or through an ancestor module: test code for the task
//! lints, as the body of an inline `#[cfg(test)] mod` is.
//!
//! The parent of `dir/name.rs` and of `dir/name/mod.rs` is the first of `dir/mod.rs`,
//! `dir/lib.rs`, `dir/main.rs` and `dir.rs` that declares `mod name;`. A `#[path = "f.rs"]`
//! declaration in a `lib.rs`, `main.rs` or `mod.rs` of an ancestor directory names its file
//! directly. The attribute is any `cfg` that requires `test` (`test`, `all(test, unix)`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Answers "is this file a module under `#[cfg(test)]`?" for the files of one run, reading
/// each parent file once.
#[derive(Default)]
pub struct TestModules {
    /// file → whether it is test code by its declaration.
    memo: HashMap<PathBuf, bool>,
    /// parent file → its module declarations (empty when it cannot be read). One scan of
    /// each parent, however many children ask.
    parents: HashMap<PathBuf, Declared>,
}

/// The module declarations of one parent file.
struct Declared {
    /// The modules it declares with `mod name;`, each with whether one of its declarations
    /// is under `#[cfg(test)]`.
    names: HashMap<String, bool>,
    /// The files its `#[path = ".."] mod name;` declarations name (resolved against the
    /// parent's directory), each with whether it is under a test `cfg`.
    paths: Vec<(PathBuf, bool)>,
}

impl TestModules {
    /// Whether `file` (a path as walked) is declared, or lies in a module declared, under
    /// `#[cfg(test)]`.
    pub fn is_test(&mut self, file: &Path) -> bool {
        self.lookup(file, 0)
    }

    fn lookup(&mut self, file: &Path, depth: usize) -> bool {
        if let Some(&known) = self.memo.get(file) {
            return known;
        }
        let answer = depth < 32 && self.compute(file, depth);
        self.memo.insert(file.to_path_buf(), answer);
        answer
    }

    fn compute(&mut self, file: &Path, depth: usize) -> bool {
        if let Some(answer) = self.declared_by_path(file, depth) {
            return answer;
        }
        let Some((name, dir)) = module_of(file) else {
            return false;
        };
        let candidates = [
            dir.join("mod.rs"),
            dir.join("lib.rs"),
            dir.join("main.rs"),
            dir.with_extension("rs"),
        ];
        for parent in candidates {
            if parent == file {
                continue;
            }
            match self.scan(&parent).names.get(&name) {
                Some(true) => return true,
                Some(false) => return self.lookup(&parent, depth + 1),
                None => {}
            }
        }
        false
    }

    /// A parent file's declarations, read and scanned once.
    fn scan(&mut self, parent: &Path) -> &Declared {
        if !self.parents.contains_key(parent) {
            let text = std::fs::read_to_string(parent).unwrap_or_default();
            let (names, paths) = declarations_with_paths(&text);
            let dir = parent.parent().unwrap_or(Path::new(""));
            let paths = paths
                .into_iter()
                .map(|(p, test)| (lexical(&dir.join(p)), test))
                .collect();
            self.parents
                .insert(parent.to_path_buf(), Declared { names, paths });
        }
        &self.parents[parent]
    }

    /// A file named by a `#[path]` declaration of a module file in one of its ancestor
    /// directories (`#[cfg(test)] #[path = "helpers/spawny.rs"] mod spawny;` in
    /// `src/lib.rs`): whether it is test code, or `None` when no such declaration names it.
    /// Each candidate parent is scanned once (a missing one reads as empty), and paths are
    /// compared with `.` and `..` resolved lexically: no system call per file and
    /// declaration (a `canonicalize` here cost 1.7 million `readlink` calls on the library
    /// corpus).
    fn declared_by_path(&mut self, file: &Path, depth: usize) -> Option<bool> {
        let mut normal = None;
        for dir in file.ancestors().skip(1).take(4) {
            for name in ["lib.rs", "main.rs", "mod.rs"] {
                let parent = dir.join(name);
                if parent == file {
                    continue;
                }
                let declared = &self.scan(&parent).paths;
                if declared.is_empty() {
                    continue;
                }
                let file = normal.get_or_insert_with(|| lexical(file));
                let named = declared
                    .iter()
                    .find(|(p, _)| p == file)
                    .map(|&(_, test)| test);
                match named {
                    Some(true) => return Some(true),
                    Some(false) => return Some(self.lookup(&parent, depth + 1)),
                    None => {}
                }
            }
        }
        None
    }
}

/// `path` with `.` and `..` resolved lexically, so that `src/helpers/../x.rs` and
/// `src/x.rs` compare equal.
fn lexical(path: &Path) -> PathBuf {
    crate::report::lexical_absolute(path).unwrap_or_else(|| path.to_path_buf())
}

/// The module name a file stands for and the directory its parent's file is found from:
/// `dir/name.rs` → (`name`, `dir`), `dir/name/mod.rs` → (`name`, `dir`). Crate roots
/// (`lib.rs`, `main.rs`) have no parent.
fn module_of(file: &Path) -> Option<(String, PathBuf)> {
    let stem = file.file_stem()?.to_str()?;
    let dir = file.parent()?;
    match stem {
        "lib" | "main" => None,
        "mod" => Some((
            dir.file_name()?.to_str()?.to_string(),
            dir.parent()?.to_path_buf(),
        )),
        s => Some((s.to_string(), dir.to_path_buf())),
    }
}

/// Every module `text` declares as `mod name;` (`name` running up to a space or the `;`),
/// each with whether one of its declarations is under a `cfg` attribute that requires `test`
/// ([`requires_test`]).
#[cfg(test)]
fn declarations(text: &str) -> HashMap<String, bool> {
    declarations_with_paths(text).0
}

/// [`declarations`], and the `#[path = "FILE"]` of each declaration that has one (`FILE`
/// as written, relative to the declaring file's directory) with the same flag.
fn declarations_with_paths(text: &str) -> (HashMap<String, bool>, Vec<(String, bool)>) {
    let mut paths = Vec::new();
    let bytes = text.as_bytes();
    let mut found: HashMap<String, bool> = HashMap::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("mod ").map(|i| i + from) {
        from = i + 4;
        let word_start = i == 0 || !is_ident(bytes[i - 1]);
        let rest = text[from..].trim_start();
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == ';')
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_len);
        if !word_start || name.is_empty() || !after.trim_start().starts_with(';') {
            continue;
        }
        // The attributes and visibility before `mod`: back to the end of the previous item.
        let head_start = text[..i].rfind([';', '}', '{']).map_or(0, |p| p + 1);
        let head: String = text[head_start..i]
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<String>()
            .split_whitespace()
            .collect();
        let under_test = cfg_predicates(&head).any(requires_test);
        *found.entry(name.to_string()).or_default() |= under_test;
        if let Some(path) = path_attribute(&head) {
            paths.push((path.to_string(), under_test));
        }
    }
    (found, paths)
}

/// The predicates of the `#[cfg(..)]` attributes in `head` (whitespace removed).
fn cfg_predicates(head: &str) -> impl Iterator<Item = &str> {
    head.split("#[cfg(").skip(1).filter_map(|rest| {
        let mut depth = 1;
        let end = rest.char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        })?;
        Some(&rest[..end])
    })
}

/// Whether a `cfg` predicate (whitespace removed) holds only in test builds: `test`, or
/// `all(..)` with such a predicate among its own. `any(test, ..)` and `not(test)` do not.
fn requires_test(predicate: &str) -> bool {
    if predicate == "test" {
        return true;
    }
    let Some(inner) = predicate
        .strip_prefix("all(")
        .and_then(|p| p.strip_suffix(')'))
    else {
        return false;
    };
    // Split at the top-level commas.
    let mut depth = 0;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().any(requires_test)
}

/// The file of a `#[path = "FILE"]` attribute in `head` (whitespace removed).
fn path_attribute(head: &str) -> Option<&str> {
    let rest = &head[head.find("#[path=\"")? + 8..];
    Some(&rest[..rest.find('"')?])
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` declares `mod name;`: `Some(true)` under an attribute `#[cfg(test)]`,
    /// `Some(false)` without one, `None` when it does not declare it.
    fn declaration(text: &str, name: &str) -> Option<bool> {
        declarations(text).get(name).copied()
    }

    #[test]
    fn finds_the_attribute_of_a_declaration() {
        assert_eq!(
            declaration("#[cfg(test)]\nmod helpers;\n", "helpers"),
            Some(true)
        );
        assert_eq!(
            declaration(
                "fn a() {}\n#[cfg(test)]\npub(crate) mod helpers ;",
                "helpers"
            ),
            Some(true)
        );
        assert_eq!(
            declaration("mod helpers;\n#[cfg(test)]\nmod tests;", "helpers"),
            Some(false)
        );
        assert_eq!(declaration("#[cfg(test)]\nmod tests;", "helpers"), None);
        assert_eq!(declaration("#[cfg(test)] mod helpers { }", "helpers"), None);
        assert_eq!(
            declaration("// #[cfg(test)]\nmod helpers;", "helpers"),
            Some(false)
        );
    }

    #[test]
    fn a_cfg_that_requires_test() {
        for (head, test) in [
            ("#[cfg(test)]", true),
            ("#[cfg(all(test, unix))]", true),
            ("#[cfg(all(unix, any(windows, test)))]", false),
            ("#[cfg(all(unix, all(test, feature = \"x\")))]", true),
            ("#[cfg(any(test, feature = \"testing\"))]", false),
            ("#[cfg(not(test))]", false),
            ("#[cfg(unix)]", false),
        ] {
            let text = format!("{head}\nmod m;\n");
            assert_eq!(declaration(&text, "m"), Some(test), "{head}");
        }
    }

    #[test]
    fn a_path_attribute_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::fs::create_dir_all(src.join("helpers")).unwrap();
        std::fs::write(
            src.join("lib.rs"),
            "#[cfg(test)]\n#[path = \"helpers/spawny.rs\"]\nmod spawny;\n#[path = \"helpers/real.rs\"]\nmod real;\n",
        )
        .unwrap();
        std::fs::write(src.join("helpers/spawny.rs"), "").unwrap();
        std::fs::write(src.join("helpers/real.rs"), "").unwrap();
        let mut t = TestModules::default();
        assert!(t.is_test(&src.join("helpers/spawny.rs")));
        assert!(!t.is_test(&src.join("helpers/real.rs")));
        // A declaration through `..`, and a file walked through `.`, name the same file.
        std::fs::write(
            src.join("helpers/mod.rs"),
            "#[cfg(all(test, unix))]\n#[path = \"../helpers/fake.rs\"]\nmod mock;\n",
        )
        .unwrap();
        std::fs::write(src.join("helpers/fake.rs"), "").unwrap();
        assert!(TestModules::default().is_test(&src.join("./helpers/fake.rs")));
    }

    #[test]
    fn every_declaration_in_one_scan() {
        let text = "#[cfg(test)]\nmod a;\nmod b ;\npub mod c { }\nmod b;\n#[cfg(test)] mod b;";
        let all = declarations(text);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all.get("a"), Some(&true));
        // One of `b`'s declarations is under the attribute.
        assert_eq!(all.get("b"), Some(&true));
        assert_eq!(declaration(text, "c"), None);
        assert_eq!(declaration("amod x;", "x"), None);
    }

    #[test]
    fn follows_the_module_tree_up() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::fs::create_dir_all(src.join("support")).unwrap();
        std::fs::write(src.join("lib.rs"), "#[cfg(test)]\nmod support;\nmod real;").unwrap();
        std::fs::write(src.join("support/mod.rs"), "mod inner;").unwrap();
        let mut t = TestModules::default();
        assert!(t.is_test(&src.join("support/inner.rs")));
        assert!(t.is_test(&src.join("support/mod.rs")));
        assert!(!t.is_test(&src.join("real.rs")));
        assert!(!t.is_test(&src.join("lib.rs")));
    }
}
