// fixed version of ../reth_multiproof_loop_on_closed_channel/leak.rs

use std::sync::mpsc::Receiver;

fn spawn_proof_task(rx: Receiver<u64>) {
    std::thread::spawn(move || loop {
        match rx.recv() {
            Ok(block) => println!("proof for {block}"),
            Err(e) => {
                eprintln!("internal channel closed: {e}");
                return;
            }
        }
    });
}
