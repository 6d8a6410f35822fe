// Fixed: the consuming call takes a bounded number of values, so it ends while the
// worker still owns the sender.
use std::thread;

pub struct Pool {
    tx: std::sync::mpsc::Sender<u32>,
    rx: std::sync::mpsc::Receiver<u32>,
}

impl Pool {
    pub fn start() -> std::sync::Arc<Pool> {
        let (tx, rx) = std::sync::mpsc::channel();
        let me = std::sync::Arc::new(Self { tx, rx });
        let me2 = me.clone();
        thread::spawn(move || {
            let total: u32 = me2.rx.iter().take(3).sum();
            println!("{total}");
        });
        me
    }
}
