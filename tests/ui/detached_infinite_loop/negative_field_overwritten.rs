// Near misses of positive_field_overwritten.rs: the old handle is taken and joined first,
// the field is only set when empty, the value is built once (`self` by value), the loop
// ends when its stream does, or the handle is a task's (it can abort the task; see also
// negative.rs).
use std::io::Read;
use std::net::TcpStream;
use std::thread::{self, JoinHandle};

pub struct Follower {
    reader: Option<JoinHandle<()>>,
}

impl Follower {
    pub fn follow(&mut self, mut s: TcpStream) {
        let h = thread::spawn(move || {
            let mut buf = [0u8; 256];
            loop {
                let n = s.read(&mut buf).unwrap_or(0);
                println!("{n}");
            }
        });
        if let Some(old) = self.reader.replace(h) {
            let _ = old.join();
        }
    }

    pub fn follow_once(&mut self, mut s: TcpStream) {
        if self.reader.is_some() {
            return;
        }
        let h = thread::spawn(move || {
            let mut buf = [0u8; 256];
            loop {
                let _ = s.read(&mut buf);
            }
        });
        self.reader = Some(h);
    }

    pub fn with_reader(mut self, mut s: TcpStream) -> Self {
        let h = thread::spawn(move || {
            let mut buf = [0u8; 256];
            loop {
                let _ = s.read(&mut buf);
            }
        });
        self.reader = Some(h);
        self
    }

    pub fn follow_to_end(&mut self, mut s: TcpStream) {
        let h = thread::spawn(move || {
            let mut buf = [0u8; 256];
            loop {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => println!("{n}"),
                }
            }
        });
        self.reader = Some(h);
    }
}

pub struct Poller {
    task: tokio::task::JoinHandle<()>,
}

impl Poller {
    pub fn restart(&mut self) {
        self.task.abort();
        self.task = tokio::spawn(async {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
    }
}
