// source: https://github.com/XAMPPRocky/tokei/pull/79
// expect: sender_alive_in_recv_loop
// what: file counting threads send results; the collector reads `rx.iter()` while the original sender is still in scope

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
    rx.iter().sum()
}
