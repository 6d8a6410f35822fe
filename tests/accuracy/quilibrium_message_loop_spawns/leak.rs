// source: https://github.com/QuilibriumNetwork/monorepo/issues/559
// expect: detached_spawn_in_loop
// what: a message loop processes each message in a new task with no back-pressure

use tokio::sync::mpsc::Receiver;

pub async fn message_loop(mut inbox: Receiver<Vec<u8>>) {
    while let Some(msg) = inbox.recv().await {
        tokio::spawn(async move {
            println!("{} bytes", msg.len());
        });
    }
}
