// fixed version of ../asm_lsp_writer_thread_join/leak.rs

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
    drop(connection);
    writer.join().unwrap();
}
