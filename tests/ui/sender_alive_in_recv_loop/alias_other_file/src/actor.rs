// A type that holds both ends of its channel, its fields declared through type aliases of
// another file (`types::CmdTx`, `types::CmdRx`): the loop over `self.rx` waits for a sender
// that `self.tx` keeps for as long as `self` lives.
use std::sync::mpsc;

use crate::types::{Cmd, CmdRx, CmdTx};

fn run(_: u32) {}

pub struct Actor {
    tx: CmdTx,
    rx: CmdRx,
}

impl Actor {
    pub fn new() -> Actor {
        let (tx, rx) = mpsc::channel();
        Actor { tx, rx }
    }

    pub fn submit(&self, n: u32) {
        let _ = self.tx.send(Cmd::Run(n));
    }

    pub fn run(&self) {
        for cmd in &self.rx { //~ ERROR sender_alive_in_recv_loop
            match cmd {
                Cmd::Run(n) => run(n),
            }
        }
    }
}
