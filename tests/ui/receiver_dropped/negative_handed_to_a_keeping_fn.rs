// The fixed versions: the function the receiver is handed to keeps it (spawns a loop over
// it, stores it in the value it returns), or passes it to code leaklint cannot see.
use std::sync::mpsc;
use std::thread;

pub struct Inbox {
    rx: mpsc::Receiver<u32>,
}

impl Inbox {
    fn new(rx: mpsc::Receiver<u32>) -> Inbox {
        Inbox { rx }
    }

    fn next(&self) -> Option<u32> {
        self.rx.recv().ok()
    }
}

fn consume(rx: mpsc::Receiver<u32>) {
    thread::spawn(move || {
        for v in rx {
            let _ = v;
        }
    });
}

fn elsewhere(rx: mpsc::Receiver<u32>) {
    external::take(rx);
}

pub fn spawned_consumer() {
    let (tx, rx) = mpsc::channel::<u32>();
    consume(rx);
    tx.send(1).unwrap();
}

pub fn stored_in_the_result() -> Option<u32> {
    let (tx, rx) = mpsc::channel::<u32>();
    let inbox = Inbox::new(rx);
    tx.send(2).unwrap();
    inbox.next()
}

pub fn unknown_callee() {
    let (tx, rx) = mpsc::channel::<u32>();
    elsewhere(rx);
    tx.send(3).unwrap();
}

pub fn checked_send() {
    let (tx, rx) = mpsc::channel::<u32>();
    let _ = first_value(rx);
    assert!(tx.send(4).is_err());
}

fn first_value(rx: mpsc::Receiver<u32>) -> Option<u32> {
    rx.try_recv().ok()
}

// An `async fn` keeps its parameters in the future it returns, until it runs.
async fn drain(rx: mpsc::Receiver<u32>) {
    for v in rx {
        let _ = v;
    }
}

pub async fn future_made_before_the_send() {
    let (tx, rx) = mpsc::channel::<u32>();
    let work = drain(rx);
    tx.send(5).unwrap();
    drop(tx);
    work.await;
}
