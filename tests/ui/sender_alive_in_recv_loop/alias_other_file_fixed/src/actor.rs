// The fixed version of `alias_other_file`: the sender field (an alias of another file) is
// an `Option`, taken and dropped before the loop, so the loop ends with the last sender.
use std::sync::mpsc;

use crate::types::{Cmd, CmdRx, CmdTx};

fn run(_: u32) {}

pub struct Actor {
    tx: Option<CmdTx>,
    rx: CmdRx,
}

impl Actor {
    pub fn new() -> Actor {
        let (tx, rx) = mpsc::channel();
        Actor { tx: Some(tx), rx }
    }

    pub fn submit(&self, n: u32) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Cmd::Run(n));
        }
    }

    pub fn run(&mut self) {
        drop(self.tx.take());
        for cmd in &self.rx {
            match cmd {
                Cmd::Run(n) => run(n),
            }
        }
    }
}
