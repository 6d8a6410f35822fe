// The worker's own thread keeps the sender's owner, but empties or consumes it before the
// loop: the sender may be gone, leaklint is unsure. Not reported.
use std::sync::mpsc::{channel, Sender};

struct Watcher {
    out: Sender<u32>,
}

impl Watcher {
    fn new(out: Sender<u32>) -> Self {
        Self { out }
    }
    fn finish(self) {}
}

struct Optional {
    out: Option<Sender<u32>>,
}

impl Optional {
    fn new(out: Sender<u32>) -> Self {
        Self { out: Some(out) }
    }
}

fn consumed() {
    let (tx, rx) = channel::<u32>();
    let w = Watcher::new(tx);
    let h = std::thread::spawn(move || {
        w.finish();
        for v in rx {
            println!("{v}");
        }
    });
    h.join().unwrap();
}

fn taken() {
    let (tx, rx) = channel::<u32>();
    let mut w = Optional::new(tx);
    let h = std::thread::spawn(move || {
        w.out.take();
        for v in rx {
            println!("{v}");
        }
    });
    h.join().unwrap();
}

fn main() {
    consumed();
    taken();
}
