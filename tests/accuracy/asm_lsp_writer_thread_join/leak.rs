// source: https://github.com/bergercookie/asm-lsp/pull/107
// expect: sender_alive_in_recv_loop (known miss: the sender is inside a connection struct of another crate, still alive at the join)
// what: a server joins its writer thread at shutdown while the connection holding the sender of the writer is still alive

use std::sync::mpsc::{channel, Sender};
use std::thread::{self, JoinHandle};

pub struct Connection {
    pub sender: Sender<String>,
}

pub fn serve() {
    let (sender, rx) = channel::<String>();
    let writer: JoinHandle<()> = thread::spawn(move || {
        for msg in rx {
            println!("{msg}");
        }
    });
    let connection = Connection { sender };
    connection.sender.send("initialized".into()).unwrap();
    writer.join().unwrap();
}
