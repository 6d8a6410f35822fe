use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

pub(crate) enum Cmd {
    Run(u32),
    Shutdown,
}

fn run(_: u32) {}

pub struct Pool {
    pub(crate) jobs: Sender<Cmd>,
    pub(crate) worker: Option<JoinHandle<()>>,
}

impl Pool {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<Cmd>();
        let worker = thread::spawn(move || {
            for cmd in rx {
                match cmd {
                    Cmd::Run(j) => run(j),
                    Cmd::Shutdown => return,
                }
            }
        });
        Pool { jobs, worker: Some(worker) }
    }
}
