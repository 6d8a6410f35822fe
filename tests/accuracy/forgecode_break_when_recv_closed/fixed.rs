// fixed version of ../forgecode_break_when_recv_closed/leak.rs

use tokio::sync::mpsc::Receiver;

fn forward(mut events: Receiver<String>) {
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Some(ev) => println!("{ev}"),
                None => break,
            }
        }
    });
}
