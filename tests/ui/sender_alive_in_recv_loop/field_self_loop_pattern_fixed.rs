// Near miss of field_self_loop_pattern.rs: the enum has a second variant, which another
// method sends; the `while let` ends on it, so the loop does not wait for the close.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

enum Msg {
    Data(u32),
    Stop,
}

pub struct Hub {
    tx: UnboundedSender<Msg>,
    rx: UnboundedReceiver<Msg>,
}

impl Hub {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Hub { tx, rx }
    }

    pub fn stop(&self) {
        let _ = self.tx.send(Msg::Stop);
    }

    pub async fn run(&mut self) {
        while let Some(Msg::Data(n)) = self.rx.recv().await {
            println!("{n}");
        }
    }
}
