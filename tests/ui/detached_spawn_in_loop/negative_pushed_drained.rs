// Handles pushed into a field and joined in batches: `drain(..)` empties the collection, so it
// does not grow with the input. Not reported.
struct Sup {
    workers: Vec<std::thread::JoinHandle<()>>,
}

impl Sup {
    fn run(&mut self, rx: std::sync::mpsc::Receiver<u32>) {
        for job in rx {
            self.workers.push(std::thread::spawn(move || println!("{job}")));
            if self.workers.len() >= 8 {
                for h in self.workers.drain(..) {
                    h.join().unwrap();
                }
            }
        }
    }
}
