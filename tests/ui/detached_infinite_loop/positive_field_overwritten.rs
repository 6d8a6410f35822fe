// A thread handle field overwritten by a method that can run again: the thread spawned by the
// call before loses its handle and, looping for ever (blocked on a read), runs on detached.
use std::io::Read;
use std::net::TcpStream;
use std::thread::{self, JoinHandle};

pub struct Follower {
    reader: Option<JoinHandle<()>>,
}

impl Follower {
    pub fn follow(&mut self, mut s: TcpStream) {
        let h = thread::spawn(move || { //~ WARN detached_infinite_loop
            let mut buf = [0u8; 256];
            loop {
                let n = s.read(&mut buf).unwrap_or(0);
                println!("{n}");
            }
        });
        self.reader = Some(h);
    }
}

pub struct Console {
    input: JoinHandle<()>,
}

impl Console {
    pub fn reopen(&mut self) {
        self.input = thread::spawn(|| { //~ WARN detached_infinite_loop
            let mut line = String::new();
            loop {
                line.clear();
                let _ = std::io::stdin().read_line(&mut line);
            }
        });
    }
}
