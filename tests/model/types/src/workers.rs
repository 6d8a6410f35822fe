use std::thread::JoinHandle;

pub struct Pool {
    workers: Vec<Worker>,
}

struct Worker {
    handle: Option<JoinHandle<()>>,
}

pub fn start() -> std::io::Result<Pool> {
    todo!()
}
