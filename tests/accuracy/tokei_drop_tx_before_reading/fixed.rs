// fixed version of ../tokei_drop_tx_before_reading/leak.rs

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

fn count_lines(files: Vec<PathBuf>) -> usize {
    let (tx, rx) = mpsc::channel();
    for file in files {
        let tx = tx.clone();
        thread::spawn(move || {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            tx.send(text.lines().count()).unwrap();
        });
    }
    drop(tx);
    rx.iter().sum()
}
