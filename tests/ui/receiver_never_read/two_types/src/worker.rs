use std::sync::mpsc::Receiver;

pub struct Worker {
    rx: Receiver<u8>,
}

impl Worker {
    pub fn run(&self) {
        for _ in self.rx.iter() {}
    }
}
