use crate::pool::{Cmd, Pool};

pub fn stop(p: &Pool) {
    let _ = p.jobs.send(Cmd::Shutdown);
}
