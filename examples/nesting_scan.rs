//! Prints the 15 deepest files under a directory by the measure of
//! `leaklint::engine::nesting` (how `MAX_NESTING` was chosen, see `docs/performance.md`).
//!
//! `cargo run --release --example nesting_scan -- DIR`

fn main() {
    let root = std::env::args().nth(1).unwrap();
    let mut all: Vec<(usize, String)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter_map(|e| {
            let t = std::fs::read(e.path()).ok()?;
            Some((
                leaklint::engine::nesting::deepest(&t, None).0,
                e.path().display().to_string(),
            ))
        })
        .collect();
    all.sort();
    for x in all.iter().rev().take(15) {
        println!("{} {}", x.0, x.1);
    }
}
