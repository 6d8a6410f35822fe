use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

fn index(_: &PathBuf) {}

pub struct Indexer {
    pub(crate) jobs: Option<Sender<PathBuf>>,
    pub(crate) worker: Option<JoinHandle<()>>,
}

impl Indexer {
    pub fn new() -> Self {
        let (jobs, rx) = mpsc::channel::<PathBuf>();
        let worker = thread::spawn(move || {
            for p in rx {
                index(&p)
            }
        });
        Indexer { jobs: Some(jobs), worker: Some(worker) }
    }
}
