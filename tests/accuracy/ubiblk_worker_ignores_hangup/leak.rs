// source: https://github.com/ubicloud/ubiblk/pull/107
// expect: detached_infinite_loop (known miss: the loop condition is a field of `self` set by another method)
// what: a background worker logs that its request channel hung up but never sets its `done` flag, so it runs on

use std::sync::mpsc::Receiver;

pub struct Worker {
    requests: Receiver<u64>,
    done: bool,
}

impl Worker {
    fn receive(&mut self) {
        match self.requests.recv() {
            Ok(r) => println!("request {r}"),
            Err(_) => eprintln!("request channel hung up"),
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
