// source: https://github.com/andrewdavidmackenzie/flow/pull/2663
// expect: detached_infinite_loop (known miss: the receive that ends the loop is in a helper function that returns `Ok` when the channel closes)
// what: a helper returns success when the app channel closes, so the loop calling it spins for ever

use tokio::sync::mpsc::Receiver;

async fn handle_idle(app: &mut Receiver<String>) -> Result<(), ()> {
    if let Some(msg) = app.recv().await {
        println!("submit {msg}");
    }
    Ok(())
}

fn start(mut app: Receiver<String>) {
    tokio::spawn(async move {
        loop {
            if handle_idle(&mut app).await.is_err() {
                break;
            }
        }
    });
}
