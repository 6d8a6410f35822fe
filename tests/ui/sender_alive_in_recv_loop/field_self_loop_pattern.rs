// A type holding both ends of its channel loops over `self.rx` with a pattern that matches
// every value (a struct, the only variant of an enum): the loop ends only on the close, and
// `self.tx` keeps the channel open.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

enum Event {
    Line(String),
}

pub struct Hub {
    tx: UnboundedSender<Event>,
    rx: UnboundedReceiver<Event>,
}

impl Hub {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Hub { tx, rx }
    }

    pub fn push(&self, l: String) {
        let _ = self.tx.send(Event::Line(l));
    }

    pub async fn run(&mut self) {
        while let Some(Event::Line(l)) = self.rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            println!("{l}");
        }
    }
}
