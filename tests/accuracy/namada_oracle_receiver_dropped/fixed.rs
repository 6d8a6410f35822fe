// fixed version of ../namada_oracle_receiver_dropped/leak.rs

use tokio::sync::mpsc::Sender;

async fn next_event() -> u64 { 0 }

pub fn run_oracle(events: Sender<u64>) {
    tokio::spawn(async move {
        loop {
            if events.is_closed() {
                break;
            }
            let ev = next_event().await;
            if events.send(ev).await.is_err() {
                break;
            }
        }
    });
}
