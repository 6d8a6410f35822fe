// A receiver read through crossbeam's `Select` or `select!` is read: the near misses of a
// receiver that nothing reads while values are sent in a loop.
use crossbeam_channel::{bounded, select, Select};

pub fn select_struct() {
    let (tx, rx) = bounded::<u32>(4);
    let (tx2, rx2) = bounded::<u32>(4);
    for i in 0..100 {
        tx.send(i).unwrap();
        tx2.send(i).unwrap();
        let mut sel = Select::new();
        let a = sel.recv(&rx);
        sel.recv(&rx2);
        let oper = sel.select();
        if oper.index() == a {
            let _ = oper.recv(&rx);
        } else {
            let _ = oper.recv(&rx2);
        }
    }
}

pub fn select_macro() {
    let (tx, rx) = bounded::<u32>(4);
    for i in 0..100 {
        tx.send(i).unwrap();
        select! {
            recv(rx) -> m => println!("{m:?}"),
            default => {}
        }
    }
}
