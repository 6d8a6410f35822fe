//! `cargo bench --bench lsp`: the language server's work on one change of a 2,000-line
//! file (goal: at most 50 ms): the file is stored and its unit linted with the unsaved text,
//! and the diagnostics are converted to LSP's terms. Two units: the file alone, and the file
//! in a crate with the `.rs` files of this repository's `src/` (the other files are read
//! from disk and pre-filtered on each change, as the server does).

use std::path::{Path, PathBuf};

use divan::Bencher;
use leaklint::config::Levels;
use leaklint::engine::{EngineOptions, InputFile};
use leaklint::lsp::{convert, Server};

fn main() {
    divan::main();
}

/// 2,000 lines: 100 functions of 20 lines, each with a channel, a spawned worker and a
/// receive loop; every fourth one leaks (its sender is alive at the loop).
fn two_thousand_lines() -> String {
    let mut text = String::from("use std::sync::mpsc;\nuse std::thread;\n\n");
    for i in 0..100 {
        let keep = if i % 4 == 0 { "" } else { "    drop(tx);\n" };
        text.push_str(&format!(
            "fn worker_{i}(items: Vec<u32>) -> u32 {{\n\
             \x20   let (tx, rx) = mpsc::channel::<u32>();\n\
             \x20   for item in items {{\n\
             \x20       let tx = tx.clone();\n\
             \x20       thread::spawn(move || {{\n\
             \x20           let doubled = item * 2;\n\
             \x20           tx.send(doubled).unwrap();\n\
             \x20       }});\n\
             \x20   }}\n\
             {keep}\
             \x20   let mut total = 0;\n\
             \x20   for v in rx {{\n\
             \x20       total += v;\n\
             \x20   }}\n\
             \x20   // A comment to make the function\n\
             \x20   // twenty lines long, with\n\
             \x20   // the blank line below.\n\
             {}\
             \x20   total\n\
             }}\n\n",
            if keep.is_empty() { "\n" } else { "" }
        ));
    }
    let lines = text.lines().count();
    assert!((2000..2010).contains(&lines), "{lines} lines");
    text
}

fn server(unit: Vec<PathBuf>, file: &Path) -> Server {
    let mut files: Vec<InputFile> = unit
        .into_iter()
        .chain([file.to_path_buf()])
        .map(|path| InputFile::new(path.clone(), path.to_string_lossy()))
        .collect();
    files.dedup_by(|a, b| a.path == b.path);
    Server::new(files, vec![Levels::default()], EngineOptions::default())
}

fn change(bencher: Bencher, unit: Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().canonicalize().unwrap().join("big.rs");
    let text = two_thousand_lines();
    std::fs::write(&path, &text).unwrap();
    let uri = convert::path_to_uri(&path).unwrap();
    let mut server = server(unit, &path);
    let published = server.update(uri.clone(), text.clone());
    assert_eq!(published[0].diagnostics.len(), 25);
    bencher.bench_local(|| server.update(uri.clone(), divan::black_box(text.clone())));
}

#[divan::bench]
fn change_of_a_2000_line_file_alone(bencher: Bencher) {
    change(bencher, Vec::new());
}

#[divan::bench]
fn change_of_a_2000_line_file_in_a_crate(bencher: Bencher) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut unit: Vec<PathBuf> = walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    unit.sort();
    change(bencher, unit);
}
