// What each project type holds, through containers, other project types (also recursive
// ones and ones in another file), enums and renamed imports; and the types of bindings
// from constructors, annotations, `self` fields, crate functions' returns and tuples.
mod workers;

use std::collections::HashMap;
use std::sync::{Arc, Weak};

use crossbeam_channel::Sender as Tx;
use parking_lot::Mutex;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio_util::sync::CancellationToken;

use crate::workers::Pool;

pub struct Node {
    next: Option<Box<Node>>,
    out: Vec<Arc<Mutex<Tx<u8>>>>,
}

pub struct Registry {
    // A map holds its values only.
    by_id: HashMap<u64, (String, Pool)>,
    parent: Weak<Node>,
    borrowed: &'static Node,
}

pub enum Msg {
    Reply(tokio::sync::oneshot::Sender<u8>),
    Stop,
}

pub struct Inbox {
    rx: tokio::sync::RwLock<UnboundedReceiver<Msg>>,
    token: CancellationToken,
}

pub struct Plain {
    n: u32,
}

impl Drop for Plain {
    fn drop(&mut self) {}
}

pub fn make_pair() -> (Plain, Node) {
    todo!()
}

impl Inbox {
    pub fn new(token: CancellationToken) -> Self {
        todo!()
    }

    pub fn token(&self) -> CancellationToken {
        let t = self.token.clone();
        t
    }
}

pub fn bindings(tx: Tx<u8>) {
    let inbox = Inbox::new(CancellationToken::new());
    let node = Arc::new(Node { next: None, out: Vec::new() });
    let annotated: Option<Registry> = None;
    let (plain, node2) = make_pair();
    let second = make_pair().1;
    let pool = workers::start().unwrap();
}
