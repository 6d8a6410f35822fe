// fixed version of ../rust_tun_loop_after_channel_closed/leak.rs

use std::sync::mpsc::Sender;
use std::sync::Arc;

pub struct Session;
impl Session {
    pub fn receive_blocking(&self) -> Vec<u8> { Vec::new() }
}

pub fn start_reader(session: Arc<Session>, packets: Sender<Vec<u8>>) {
    std::thread::spawn(move || loop {
        let packet = session.receive_blocking();
        if packets.send(packet).is_err() {
            break;
        }
    });
}
