// source: https://github.com/elodin-sys/elodin/pull/198
// expect: detached_infinite_loop
// what: the thread serving a database connection keeps looping after the connection channel is dropped

use std::sync::mpsc::Receiver;
use std::thread;

fn serve_connection(packets: Receiver<Vec<u8>>) {
    thread::spawn(move || loop {
        if let Ok(p) = packets.recv() {
            println!("{} bytes", p.len());
        }
    });
}
