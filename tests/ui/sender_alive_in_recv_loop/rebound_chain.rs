// A sender moved from name to name eight times (leaklint follows up to eight moves) is still
// alive at the loop.
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
    a8.send(1).unwrap();
    rx.iter().sum() //~ ERROR sender_alive_in_recv_loop
}
