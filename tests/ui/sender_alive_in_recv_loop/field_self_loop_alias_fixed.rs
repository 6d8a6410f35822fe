// The fixed versions of `field_self_loop_alias.rs`: the aliased sender field is an `Option`
// (taken before the loop), or the alias stands for an `Option` of a sender.
pub enum Msg {
    Tick,
}

type Tx = tokio::sync::mpsc::UnboundedSender<Msg>;
type Rx = tokio::sync::mpsc::UnboundedReceiver<Msg>;

pub struct Clock {
    tx: Option<Tx>,
    rx: Rx,
}

impl Clock {
    pub fn new() -> Clock {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Clock { tx: Some(tx), rx }
    }

    pub fn tick(&self) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Tick);
        }
    }

    pub async fn run(&mut self) {
        drop(self.tx.take());
        while let Some(Msg::Tick) = self.rx.recv().await {
            println!("tick");
        }
    }
}

type Jobs = Option<crossbeam_channel::Sender<u32>>;

pub struct Queue {
    jobs: std::sync::Arc<Jobs>,
    rx: crossbeam_channel::Receiver<u32>,
}

impl Queue {
    pub fn new() -> Queue {
        let (tx, rx) = crossbeam_channel::unbounded();
        Queue { jobs: std::sync::Arc::new(Some(tx)), rx }
    }

    pub fn push(&self, n: u32) {
        if let Some(tx) = self.jobs.as_ref() {
            let _ = tx.send(n);
        }
    }

    pub fn drain(&self) {
        for n in self.rx.iter() {
            println!("{n}");
        }
    }
}
