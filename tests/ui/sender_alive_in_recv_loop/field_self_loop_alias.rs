// A type that holds both ends of its channel, the sender field declared through a type
// alias of the same file (tokio, crossbeam): the loop over `self.rx` never ends.
pub enum Msg {
    Tick,
}

type Tx = tokio::sync::mpsc::UnboundedSender<Msg>;
type Rx = tokio::sync::mpsc::UnboundedReceiver<Msg>;

pub struct Clock {
    tx: Tx,
    rx: Rx,
}

impl Clock {
    pub fn new() -> Clock {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        Clock { tx, rx }
    }

    pub fn tick(&self) {
        let _ = self.tx.send(Msg::Tick);
    }

    pub async fn run(&mut self) {
        while let Some(Msg::Tick) = self.rx.recv().await { //~ ERROR sender_alive_in_recv_loop
            println!("tick");
        }
    }
}

type Jobs = crossbeam_channel::Sender<u32>;

pub struct Queue {
    jobs: std::sync::Arc<Jobs>,
    rx: crossbeam_channel::Receiver<u32>,
}

impl Queue {
    pub fn new() -> Queue {
        let (tx, rx) = crossbeam_channel::unbounded();
        Queue { jobs: std::sync::Arc::new(tx), rx }
    }

    pub fn push(&self, n: u32) {
        let _ = self.jobs.send(n);
    }

    pub fn drain(&self) {
        for n in self.rx.iter() { //~ ERROR sender_alive_in_recv_loop
            println!("{n}");
        }
    }
}
