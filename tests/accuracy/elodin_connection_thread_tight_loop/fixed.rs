// fixed version of ../elodin_connection_thread_tight_loop/leak.rs

use std::sync::mpsc::Receiver;
use std::thread;

fn serve_connection(packets: Receiver<Vec<u8>>) {
    thread::spawn(move || loop {
        match packets.recv() {
            Ok(p) => println!("{} bytes", p.len()),
            Err(_) => break,
        }
    });
}
