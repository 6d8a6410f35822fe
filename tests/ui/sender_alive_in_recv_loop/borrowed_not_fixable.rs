// A sender that is borrowed: `drop(tx)` before the loop would move out of a value still
// borrowed by `r`, so the suggestion is not machine-applicable (no `.fixed` file).
use std::sync::mpsc;

pub fn borrowed() {
    let (tx, rx) = mpsc::channel::<u32>();
    let r = &tx;
    r.send(1).unwrap();
    for v in rx { //~ ERROR sender_alive_in_recv_loop
        println!("{v}");
    }
    r.send(2).unwrap();
}
