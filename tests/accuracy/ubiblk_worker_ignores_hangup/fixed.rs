// fixed version of ../ubiblk_worker_ignores_hangup/leak.rs

use std::sync::mpsc::Receiver;

pub struct Worker {
    requests: Receiver<u64>,
    done: bool,
}

impl Worker {
    fn receive(&mut self) {
        match self.requests.recv() {
            Ok(r) => println!("request {r}"),
            Err(_) => {
                eprintln!("request channel hung up, stopping");
                self.done = true;
            }
        }
    }

    pub fn run(mut self) {
        std::thread::spawn(move || {
            while !self.done {
                self.receive();
            }
        });
    }
}
