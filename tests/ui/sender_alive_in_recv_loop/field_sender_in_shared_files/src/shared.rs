use crossbeam_channel::Sender;

pub struct Shared {
    jobs: Sender<u64>,
}

impl Shared {
    pub fn new(jobs: Sender<u64>) -> Shared {
        Shared { jobs }
    }

    pub fn submit(&self, n: u64) {
        let _ = self.jobs.send(n);
    }
}
