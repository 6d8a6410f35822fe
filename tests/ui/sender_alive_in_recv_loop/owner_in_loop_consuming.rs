// A worker that owns the sender its own receive waits on, where the receive is a consuming
// call on a field of that value (`me2.rx.iter().sum()`): the sum never ends.
use std::thread;

pub struct Pool {
    tx: std::sync::mpsc::Sender<u32>,
    rx: std::sync::mpsc::Receiver<u32>,
}

impl Pool {
    pub fn start() -> std::sync::Arc<Pool> {
        let (tx, rx) = std::sync::mpsc::channel();
        let me = std::sync::Arc::new(Self { tx, rx });
        let me2 = me.clone();
        thread::spawn(move || {
            let total: u32 = me2.rx.iter().sum(); //~ ERROR sender_alive_in_recv_loop
            println!("{total}");
        });
        me
    }
}
