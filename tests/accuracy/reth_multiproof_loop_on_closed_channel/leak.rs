// source: https://github.com/paradigmxyz/reth/pull/18490
// expect: detached_infinite_loop
// what: a task loop logs the receive error and keeps going when its channel closes, spinning and spamming logs

use std::sync::mpsc::Receiver;

fn spawn_proof_task(rx: Receiver<u64>) {
    std::thread::spawn(move || loop {
        match rx.recv() {
            Ok(block) => println!("proof for {block}"),
            Err(e) => eprintln!("internal channel closed: {e}"),
        }
    });
}
