// Near misses: plain values forgotten, or handles dropped properly.
use std::mem::{self, ManuallyDrop};
use std::sync::mpsc;

fn forget_plain_value() {
    let v = vec![1, 2, 3];
    mem::forget(v);
}

fn dropped_not_forgotten() {
    let (tx, rx) = mpsc::channel::<u32>();
    drop(tx);
    for v in rx {
        println!("{v}");
    }
}

fn manually_drop_released() {
    let (tx, _rx) = mpsc::channel::<u32>();
    let mut keep = ManuallyDrop::new(tx);
    keep.send(1).unwrap();
    unsafe { ManuallyDrop::drop(&mut keep) };
}

fn handle_joined() {
    let h = std::thread::spawn(|| {});
    h.join().unwrap();
}
