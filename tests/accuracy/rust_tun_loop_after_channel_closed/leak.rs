// source: https://github.com/ssrlive/rust-tun/pull/61
// expect: detached_infinite_loop
// what: a packet reader thread keeps reading and sending after the receiving side is gone, because send errors are ignored

use std::sync::mpsc::Sender;
use std::sync::Arc;

pub struct Session;
impl Session {
    pub fn receive_blocking(&self) -> Vec<u8> { Vec::new() }
}

pub fn start_reader(session: Arc<Session>, packets: Sender<Vec<u8>>) {
    std::thread::spawn(move || loop {
        let packet = session.receive_blocking();
        let _ = packets.send(packet);
    });
}
