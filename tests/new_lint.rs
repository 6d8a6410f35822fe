//! The dev command that makes a new lint (`cargo run --example new_lint -- NAME`): run into
//! a temporary copy of the registry, every file it writes must parse, the document must have
//! every section, and the registry must list the lint once.

#[path = "../examples/new_lint/scaffold.rs"]
mod scaffold;

use std::fs;
use std::path::Path;

use leaklint::lints::{doc_code_blocks, doc_section};

fn temp_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir.path().join("src/lints")).unwrap();
    fs::copy(
        root.join("src/lints/mod.rs"),
        dir.path().join("src/lints/mod.rs"),
    )
    .unwrap();
    dir
}

#[test]
fn writes_a_lint_that_parses_with_its_document_ui_cases_and_registry_entry() {
    let repo = temp_repo();
    let root = repo.path();
    let written = scaffold::create(root, "sender_never_used", "pedantic").unwrap();
    assert_eq!(written.len(), 7, "{written:?}");

    let lint = fs::read_to_string(root.join("src/lints/sender_never_used.rs")).unwrap();
    let file = syn::parse_file(&lint).unwrap();
    let declared = file.items.iter().any(|item| match item {
        syn::Item::Macro(m) => {
            let tokens = m.mac.tokens.to_string();
            m.mac.path.is_ident("declare_lint")
                && tokens.starts_with("pub static SENDER_NEVER_USED = sender_never_used")
                && tokens.contains("group : Pedantic")
        }
        _ => false,
    });
    assert!(declared, "{lint}");

    let doc = fs::read_to_string(root.join("lints/sender_never_used.md")).unwrap();
    assert!(doc.starts_with("# sender_never_used\n"));
    for section in [
        "What it does",
        "Why is this bad",
        "Known problems",
        "Example",
        "Use instead",
    ] {
        let body = doc_section(&doc, section).unwrap_or_else(|| panic!("`## {section}`"));
        for block in doc_code_blocks(body) {
            syn::parse_file(&block).unwrap();
        }
    }
    for case in ["positive.rs", "negative.rs"] {
        let text = fs::read_to_string(root.join("tests/ui/sender_never_used").join(case)).unwrap();
        syn::parse_file(&text).unwrap();
    }

    let registry = fs::read_to_string(root.join("src/lints/mod.rs")).unwrap();
    syn::parse_file(&registry).unwrap();
    let lines: Vec<&str> = registry.lines().collect();
    let mods: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("mod "))
        .collect();
    assert!(mods.contains(&"mod sender_never_used;"), "{mods:?}");
    assert!(
        mods.windows(2).all(|w| w[0] < w[1]),
        "not in order: {mods:?}"
    );
    let entry = lines
        .iter()
        .position(|l| l.trim() == "&sender_never_used::SENDER_NEVER_USED,")
        .expect("listed in LINTS");
    assert_eq!(lines[entry + 1].trim(), "&UNUSED_SUPPRESSION,");

    // Nothing is written twice.
    let again = scaffold::create(root, "sender_never_used", "pedantic").unwrap_err();
    assert!(again.contains("exists already"), "{again}");
}

#[test]
fn refuses_bad_names_groups_and_lints_already_registered() {
    let repo = temp_repo();
    for (name, group) in [
        ("SenderNeverUsed", "suspicious"),
        ("sender-never-used", "suspicious"),
        ("sender_", "suspicious"),
        ("sender_never_used", "style"),
    ] {
        assert!(
            scaffold::create(repo.path(), name, group).is_err(),
            "{name} {group}"
        );
    }
    let registered = scaffold::create(repo.path(), "receiver_dropped", "suspicious").unwrap_err();
    assert!(registered.contains("already registered"), "{registered}");
    assert!(!repo.path().join("lints").exists());
}
