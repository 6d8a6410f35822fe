use crate::Cmd;

pub(crate) fn stop(tx: &std::sync::mpsc::Sender<Cmd>) {
    let _ = tx.send(Cmd::Shutdown);
}
