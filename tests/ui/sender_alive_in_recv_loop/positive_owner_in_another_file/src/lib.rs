// The worker type lives in another file, which imports the sender under another name; the
// constructor stores it.
mod watcher;

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use crate::watcher::FsWatcher;

pub fn start_watcher(root: PathBuf) {
    let (tx, rx) = mpsc::channel();
    let watcher = FsWatcher::new(root, tx);
    thread::spawn(move || {
        let _keep = watcher;
        for ev in rx { //~ ERROR sender_alive_in_recv_loop
            watcher::apply(ev);
        }
    });
}
