use std::path::PathBuf;
use std::sync::mpsc::Sender as EventTx;

pub struct FsWatcher {
    root: PathBuf,
    inner: Inner,
}

struct Inner {
    events: Option<Box<EventTx<PathBuf>>>,
}

impl FsWatcher {
    pub fn new(root: PathBuf, events: EventTx<PathBuf>) -> FsWatcher {
        let inner = Inner {
            events: Some(Box::new(events)),
        };
        FsWatcher { root, inner }
    }
}

pub fn apply(_ev: PathBuf) {}
