use std::sync::mpsc::{Receiver, Sender};

pub enum Cmd {
    Run(u32),
}

pub type CmdTx = Sender<Cmd>;
pub type CmdRx = Receiver<Cmd>;
