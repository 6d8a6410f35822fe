// No channel constructor here: the pre-filter skips this file, and the engine must read it
// again to see the field read.
impl crate::Logger {
    pub fn drain(&mut self) -> Vec<String> {
        self.events.take().map(|rx| rx.try_iter().collect()).unwrap_or_default()
    }
}
