//! Files that are modules declared under `#[cfg(test)]` (`#[cfg(test)] mod helpers;` in the
//! parent module's file), directly or through an ancestor module: test code for the task
//! lints, as the body of an inline `#[cfg(test)] mod` is.
//!
//! The parent of `dir/name.rs` and of `dir/name/mod.rs` is the first of `dir/mod.rs`,
//! `dir/lib.rs`, `dir/main.rs` and `dir.rs` that declares `mod name;`. `#[path]`
//! attributes are not followed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Answers "is this file a module under `#[cfg(test)]`?" for the files of one walk, reading
/// each parent file once.
#[derive(Default)]
pub struct TestModules {
    /// file → whether it is test code by its declaration.
    memo: HashMap<PathBuf, bool>,
    /// parent file → the modules it declares with `mod name;`, each with whether one of
    /// its declarations is under `#[cfg(test)]` (empty when it cannot be read). One scan
    /// of each parent, however many children ask.
    declared: HashMap<PathBuf, HashMap<String, bool>>,
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
            let declared = self.declared.entry(parent.clone()).or_insert_with(|| {
                declarations(&std::fs::read_to_string(&parent).unwrap_or_default())
            });
            match declared.get(&name) {
                Some(true) => return true,
                Some(false) => return self.lookup(&parent, depth + 1),
                None => {}
            }
        }
        false
    }
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
/// each with whether one of its declarations is under an attribute `#[cfg(test)]`.
pub fn declarations(text: &str) -> HashMap<String, bool> {
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
        let under_test = head.contains("#[cfg(test)]");
        *found.entry(name.to_string()).or_default() |= under_test;
    }
    found
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
