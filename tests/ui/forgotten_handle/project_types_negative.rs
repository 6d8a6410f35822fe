// The near misses of `project_types.rs`: dropped instead of leaked, or a type that owns
// nothing leaklint tracks and has no `Drop` impl.
use std::mem;
use std::sync::Weak;
use std::thread::JoinHandle;

pub struct Worker {
    handle: Option<JoinHandle<()>>,
}

pub struct Plain {
    n: u32,
    name: String,
}

pub struct Observer {
    // A weak reference owns nothing.
    tx: Weak<crossbeam_channel::Sender<()>>,
    // A borrow owns nothing.
    h: &'static JoinHandle<()>,
}

fn start() -> Worker {
    Worker { handle: None }
}

pub fn dropped() {
    let worker = start();
    drop(worker);
}

pub fn plain_value() {
    let p = Plain {
        n: 1,
        name: String::new(),
    };
    mem::forget(p);
}

pub fn weak_and_borrowed(o: Observer) {
    let kept: Observer = o;
    mem::forget(kept);
}
