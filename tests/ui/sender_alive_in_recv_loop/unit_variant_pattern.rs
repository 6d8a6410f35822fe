// A loop over `self.rx` whose pattern names a unit variant by its path (`Some(Beat::Tick)`):
// `Beat` has no other variant, so the pattern matches every value and the loop ends only
// when the channel closes, which `self.tx` prevents.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub enum Beat {
    Tick,
}

pub struct Metronome {
    tx: UnboundedSender<Beat>,
    rx: UnboundedReceiver<Beat>,
}

impl Metronome {
    pub fn new() -> Self {
        let (tx, rx) = unbounded_channel();
        Metronome { tx, rx }
    }

    pub fn beat(&self) {
        let _ = self.tx.send(Beat::Tick);
    }

    pub async fn run(&mut self) {
        while let Some(Beat::Tick) = self.rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            println!("tick");
        }
    }
}
