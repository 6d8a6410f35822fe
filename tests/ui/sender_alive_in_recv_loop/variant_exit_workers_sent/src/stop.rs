use crate::{Cmd, Event, Flusher, Msg, Pool, Watcher};

pub fn stop_pool(p: &Pool) {
    let _ = p.tx.send(Cmd::Shutdown);
}

pub async fn stop_flusher(f: &Flusher) {
    let _ = f.cmds.send(Msg::Stop).await;
}

pub fn quit(w: &Watcher) {
    let _ = w.events.send(Event::Quit);
}
