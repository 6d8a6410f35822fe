// source: https://github.com/tailcallhq/forgecode/pull/202
// expect: detached_infinite_loop
// what: an async forwarding loop ignores `None` from `recv().await` and loops for ever once the sender is gone

use tokio::sync::mpsc::Receiver;

fn forward(mut events: Receiver<String>) {
    tokio::spawn(async move {
        loop {
            if let Some(ev) = events.recv().await {
                println!("{ev}");
            }
        }
    });
}
