use crossbeam_channel::Sender;

pub struct Shared {
    greeted: bool,
}

impl Shared {
    pub fn new(jobs: Sender<u64>) -> Shared {
        let greeted = jobs.send(0).is_ok();
        Shared { greeted }
    }
}
