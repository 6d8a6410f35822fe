// fixed version of ../firecracker_vcpu_join_unbounded/leak.rs

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

pub struct VcpuHandle {
    thread: Option<JoinHandle<()>>,
    exit_receiver: Receiver<()>,
}

impl Drop for VcpuHandle {
    fn drop(&mut self) {
        match self.exit_receiver.recv_timeout(Duration::from_secs(10)) {
            Err(RecvTimeoutError::Timeout) => panic!("vcpu thread did not exit"),
            _ => {
                if let Some(t) = self.thread.take() {
                    t.join().unwrap();
                }
            }
        }
    }
}
