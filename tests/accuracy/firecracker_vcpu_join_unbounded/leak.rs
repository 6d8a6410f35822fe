// source: https://github.com/firecracker-microvm/firecracker/pull/5943
// expect: none (known miss: no lint yet for an unbounded `join` in `Drop` of a thread that waits for a signal)
// what: dropping the VM joins each vCPU thread with no bound; an undelivered exit signal hangs the drop

use std::thread::JoinHandle;

pub struct VcpuHandle {
    thread: Option<JoinHandle<()>>,
}

impl Drop for VcpuHandle {
    fn drop(&mut self) {
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}
