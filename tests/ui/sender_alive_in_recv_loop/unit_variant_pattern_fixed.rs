// The fixed version: `Beat::Stop` does not match `Some(Beat::Tick)`, so the loop leaves on it
// (the pattern may fail on a value): no finding.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub enum Beat {
    Tick,
    Stop,
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
        while let Some(Beat::Tick) = self.rx.recv().await {
            println!("tick");
        }
    }
}
