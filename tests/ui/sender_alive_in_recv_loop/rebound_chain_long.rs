// Beyond eight moves from name to name leaklint stops following the value from the first
// name (`tx`: unsure), but every later name is asked as well (`a1` is eight moves from the
// end), and the finding names the one that holds the value at the loop: `a9`.
use std::sync::mpsc;

pub fn drain() -> u32 {
    let (tx, rx) = mpsc::channel::<u32>();
    let a1 = tx;
    let a2 = a1;
    let a3 = a2;
    let a4 = a3;
    let a5 = a4;
    let a6 = a5;
    let a7 = a6;
    let a8 = a7;
    let a9 = a8;
    a9.send(1).unwrap();
    rx.iter().sum() //~ ERROR sender_alive_in_recv_loop
}
