use crate::indexer::Indexer;

impl Drop for Indexer {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(w) = self.worker.take() {
            w.join().unwrap();
        }
    }
}
