use std::sync::mpsc::{channel, Sender};
use std::thread::JoinHandle;

pub struct Workers {
    pub jobs: Sender<u64>,
    pub thread: JoinHandle<()>,
}

pub struct WorkersBuilder {
    label: String,
}

impl WorkersBuilder {
    pub fn new() -> Self {
        WorkersBuilder { label: "w".into() }
    }

    pub fn label(mut self, l: &str) -> Self {
        self.label = l.to_owned();
        self
    }

    pub fn build(self) -> std::io::Result<Workers> {
        let (jobs, rx) = channel::<u64>();
        let thread = std::thread::Builder::new()
            .name(self.label)
            .spawn(move || rx.iter().for_each(drop))?;
        Ok(Workers { jobs, thread })
    }
}
