// source: https://github.com/maidsafe/autonomi/pull/2687
// expect: detached_infinite_loop (known miss: the spawned function is in the same file but its loop ends only when a sender held by the network driver is dropped)
// what: a client spawns an event-handling function that waits on network events with no way to be told to stop

use tokio::sync::mpsc::Receiver;

async fn handle_events(mut events: Receiver<String>) {
    while let Some(ev) = events.recv().await {
        println!("{ev}");
    }
}

pub fn connect(events: Receiver<String>) {
    tokio::spawn(handle_events(events));
}
