// A thread whose receive loop sends on the same channel: the sender moved into the thread
// lives as long as the loop, so the loop never sees the channel close (a clone of the sender
// taken before the spawn does not change that).
use std::sync::mpsc;
use std::thread;

pub fn relay() -> mpsc::Sender<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    let outside = tx.clone();
    thread::spawn(move || {
        for v in rx { //~ ERROR sender_alive_in_recv_loop
            if v < 10 {
                tx.send(v + 1).unwrap();
            }
        }
    });
    outside
}
