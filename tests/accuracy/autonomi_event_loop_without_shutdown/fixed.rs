// fixed version of ../autonomi_event_loop_without_shutdown/leak.rs

use tokio::sync::{broadcast, mpsc::Receiver};

async fn handle_events(mut events: Receiver<String>, mut shutdown: broadcast::Receiver<()>) {
    loop {
        tokio::select! {
            ev = events.recv() => match ev {
                Some(ev) => println!("{ev}"),
                None => break,
            },
            _ = shutdown.recv() => break,
        }
    }
}

pub fn connect(events: Receiver<String>, shutdown: &broadcast::Sender<()>) {
    tokio::spawn(handle_events(events, shutdown.subscribe()));
}
