//! Makes a new lint, as clippy's `cargo dev new_lint` does: `src/lints/NAME.rs` (declared
//! with `declare_lint!`, its check left to write), `lints/NAME.md` with every section,
//! `tests/ui/NAME/{positive,negative}.rs`, and its place in `src/lints/mod.rs`.
//!
//! `cargo run --example new_lint -- NAME [--group correctness|suspicious|pedantic|restriction]`
//!
//! The group defaults to `suspicious`. Run it at the repository root; nothing is overwritten.
//! Until the check, the document's examples and the ui cases are written, `cargo test`
//! fails on the new lint (its check is a `todo!()`).

mod scaffold;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut name = None;
    let mut group = "suspicious".to_string();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--group" => match it.next() {
                Some(g) => group = g.clone(),
                None => return usage("`--group` needs a value"),
            },
            "-h" | "--help" => return usage(""),
            a if a.starts_with('-') => return usage(&format!("unknown option `{a}`")),
            a if name.is_none() => name = Some(a.to_string()),
            a => return usage(&format!("unexpected argument `{a}`")),
        }
    }
    let Some(name) = name else {
        return usage("the lint's NAME is missing");
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match scaffold::create(root, &name, &group) {
        Ok(written) => {
            for path in written {
                println!("wrote {}", path.display());
            }
            println!(
                "next: write the check, the document's examples and the ui cases, then\n  \
                 SNAPSHOTS=overwrite cargo test --test ui && LEAKLINT_BLESS=1 cargo test --test readme"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(error: &str) -> ExitCode {
    if !error.is_empty() {
        eprintln!("error: {error}");
    }
    eprintln!("usage: cargo run --example new_lint -- NAME [--group correctness|suspicious|pedantic|restriction]");
    if error.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
