// source: https://github.com/namada-net/namada/pull/548
// expect: detached_infinite_loop
// what: an event oracle keeps sending into a channel whose receiver was dropped; nothing stops it

use tokio::sync::mpsc::Sender;

async fn next_event() -> u64 { 0 }

pub fn run_oracle(events: Sender<u64>) {
    tokio::spawn(async move {
        loop {
            let ev = next_event().await;
            let _ = events.send(ev).await;
        }
    });
}
