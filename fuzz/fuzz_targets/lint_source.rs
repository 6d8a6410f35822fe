//! Arbitrary bytes through the pre-filter, and (when they are UTF-8) through every stage
//! after loading: parse, model, every lint, suppressions. A panic, a stack overflow or a
//! label outside the file is a crash. See `fuzz/README.md`.

#![no_main]

use std::sync::OnceLock;

use leaklint::config::{Levels, Selector};
use leaklint::diagnostic::{Level, LevelSource};
use leaklint::engine::{self, prefilter::Prefilter};
use libfuzzer_sys::fuzz_target;

/// Every lint on, allow-by-default groups included.
fn levels() -> &'static Levels {
    static LEVELS: OnceLock<Levels> = OnceLock::new();
    LEVELS.get_or_init(|| {
        let mut levels = Levels::default();
        for group in ["leaklint::pedantic", "leaklint::restriction"] {
            levels.push(
                Selector::parse(group).unwrap(),
                Level::Warn,
                LevelSource::CommandLine,
            );
        }
        levels
    })
}

fn check(data: &[u8]) {
    let levels = levels();
    Prefilter::new(levels).matches(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for d in engine::lint_source("fuzz.rs", text, levels) {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            assert!(
                label.span.start <= label.span.end && label.span.end as usize <= text.len(),
                "label {:?} outside a file of {} bytes: {}",
                label.span,
                text.len(),
                d.message
            );
            // Rendering positions and snippets must not panic either.
            d.file.position(label.span.start as usize);
            d.file.snippet(label.span);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // On a thread with the engine workers' stack, as in a real run.
    let data = data.to_vec();
    std::thread::Builder::new()
        .stack_size(engine::WORKER_STACK)
        .spawn(move || check(&data))
        .unwrap()
        .join()
        .unwrap();
});
