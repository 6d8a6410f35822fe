//! Prints the crate model of the `.rs` files under a directory, as one unit:
//! `cargo run --example dump_model -- DIR`. The same text the model's snapshot tests compare.

use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dump_model DIR");
        std::process::exit(2);
    };
    let mut files: Vec<(PathBuf, String)> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let display = e
                .path()
                .strip_prefix(&dir)
                .unwrap_or(e.path())
                .display()
                .to_string();
            (e.into_path(), display)
        })
        .collect();
    files.sort();
    print!("{}", leaklint::model::dump::dump_files(&files));
}
