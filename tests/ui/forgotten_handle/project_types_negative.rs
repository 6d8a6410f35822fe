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

// A scope guard forgotten to disarm it (hashbrown's `ScopeGuard`, spin's `Finish`): it has a
// `Drop` impl but holds no handle, sender or guard, so forgetting it is the idiom, not a leak.
pub struct ScopeGuard<T, F: FnMut(&mut T)> {
    dropfn: F,
    value: T,
}

impl<T, F: FnMut(&mut T)> Drop for ScopeGuard<T, F> {
    fn drop(&mut self) {
        (self.dropfn)(&mut self.value);
    }
}

fn guard<T, F: FnMut(&mut T)>(value: T, dropfn: F) -> ScopeGuard<T, F> {
    ScopeGuard { dropfn, value }
}

pub fn disarmed_on_success(items: &mut Vec<u32>) {
    let g = guard(0usize, |n| println!("rolled back {n}"));
    items.push(1);
    mem::forget(g);
}
