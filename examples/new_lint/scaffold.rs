//! Writes a new lint: its file, its document, its ui cases, and its place in the registry.
//! Shared by the `new_lint` example (the dev command) and `tests/new_lint.rs`.

use std::fs;
use std::path::{Path, PathBuf};

/// The groups a lint can be declared in (`Group` in `src/lints/mod.rs`), as written on the
/// command line and as the variant's name.
pub const GROUPS: &[(&str, &str)] = &[
    ("correctness", "Correctness"),
    ("suspicious", "Suspicious"),
    ("pedantic", "Pedantic"),
    ("restriction", "Restriction"),
];

/// Checks that `name` is a snake_case identifier and `group` a known group; returns the
/// group's variant name (`Suspicious`).
pub fn validate(name: &str, group: &str) -> Result<&'static str, String> {
    let snake = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.ends_with('_');
    if !snake {
        return Err(format!(
            "`{name}` is not a snake_case lint name (like `sender_never_used`)"
        ));
    }
    GROUPS
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            let known: Vec<&str> = GROUPS.iter().map(|(g, _)| *g).collect();
            format!("unknown group `{group}`: one of {}", known.join(", "))
        })
}

/// The new files, relative to the repository root, with their contents.
pub fn files(name: &str, variant: &str) -> Vec<(PathBuf, String)> {
    let upper = name.to_ascii_uppercase();
    let lint = format!(
        r#"//! `{name}`: one line on the leak this lint finds.

use crate::diagnostic::Finding;
use crate::lints::LintContext;

declare_lint! {{
    pub static {upper} = {name} {{
        group: {variant},
        // What must occur in a file for the lint to fire there (see `Lint::needles`): the
        // spawns, here; `super::CHANNEL_NEEDLES` for a channel lint.
        needles: super::SPAWN_NEEDLES,
        check: Some(check),
    }}
}}

/// Asks the model (`cx.model`: bodies, bindings, channels, spawns, loops) for the facts
/// this lint needs and pushes one `Finding` per leak, with labels on the places involved.
fn check(_cx: &LintContext<'_>, _out: &mut Vec<Finding>) {{
    todo!("write the check of `{name}`")
}}
"#
    );
    let doc = format!(
        "# {name}\n\n\
         ## What it does\n\
         Checks for the code shape this lint finds, in one sentence that ends with a full stop.\n\n\
         ## Why is this bad\n\
         What leaks or hangs, and when it shows.\n\n\
         ## Known problems\n\
         What the lint misses, and when it may report code that is fine.\n\n\
         ## Example\n\
         ```rust\n\
         fn main() {{\n    \
         // The smallest code with the leak: the lint fires here.\n\
         }}\n\
         ```\n\n\
         ## Use instead\n\
         ```rust\n\
         fn main() {{\n    \
         // The same code, fixed: the lint is silent here.\n\
         }}\n\
         ```\n"
    );
    let positive = format!(
        "// `{name}`: the leak, in each shape the lint knows. Mark each expected finding at\n\
         // the end of its line: `//~ WARN {name}` (or `//~ ERROR` for a deny-level lint).\n\n\
         fn main() {{}}\n"
    );
    let negative = format!(
        "// Near misses of `{name}`: the fixed version of every positive case.\n\n\
         fn main() {{}}\n"
    );
    let ui = PathBuf::from("tests/ui").join(name);
    vec![
        (PathBuf::from(format!("src/lints/{name}.rs")), lint),
        (PathBuf::from(format!("lints/{name}.md")), doc),
        (ui.join("positive.rs"), positive),
        (ui.join("positive.stderr"), String::new()),
        (ui.join("negative.rs"), negative),
        (ui.join("negative.stderr"), String::new()),
    ]
}

/// The registry `src/lints/mod.rs` with the new lint in it: `mod NAME;` among the other
/// `mod` lines (in order), and `&NAME::UPPER,` in `LINTS` before `unused_suppression`,
/// which stays last.
pub fn register(mod_rs: &str, name: &str) -> Result<String, String> {
    let upper = name.to_ascii_uppercase();
    let module = format!("mod {name};");
    let mut lines: Vec<String> = mod_rs.lines().map(str::to_string).collect();
    if lines.iter().any(|l| l.trim() == module) {
        return Err(format!(
            "`{name}` is already registered in src/lints/mod.rs"
        ));
    }
    let mods: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("mod ") && lines[i].ends_with(';'))
        .collect();
    let (&first, &last) = mods
        .first()
        .zip(mods.last())
        .ok_or("no `mod` lines in src/lints/mod.rs")?;
    let at = mods
        .iter()
        .copied()
        .find(|&i| lines[i].as_str() > module.as_str())
        .unwrap_or(last + 1);
    lines.insert(at.max(first), module);
    let start = lines
        .iter()
        .position(|l| l.starts_with("pub static LINTS"))
        .ok_or("no `pub static LINTS` in src/lints/mod.rs")?;
    let end = (start..lines.len())
        .find(|&i| lines[i].trim() == "];")
        .ok_or("`LINTS` is not closed by a `];` line")?;
    let before = (start..end)
        .find(|&i| lines[i].contains("UNUSED_SUPPRESSION"))
        .unwrap_or(end);
    lines.insert(before, format!("    &{name}::{upper},"));
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

/// Writes the new lint into the repository at `root`; refuses to overwrite anything.
/// Returns the paths written, relative to `root`.
pub fn create(root: &Path, name: &str, group: &str) -> Result<Vec<PathBuf>, String> {
    let variant = validate(name, group)?;
    let files = files(name, variant);
    if let Some((path, _)) = files.iter().find(|(p, _)| root.join(p).exists()) {
        return Err(format!("`{}` exists already", path.display()));
    }
    let registry = root.join("src/lints/mod.rs");
    let mod_rs = fs::read_to_string(&registry)
        .map_err(|e| format!("cannot read {}: {e}", registry.display()))?;
    let registered = register(&mod_rs, name)?;
    let mut written = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
        written.push(path.clone());
    }
    fs::write(&registry, registered)
        .map_err(|e| format!("cannot write {}: {e}", registry.display()))?;
    written.push(PathBuf::from("src/lints/mod.rs"));
    Ok(written)
}
