// fixed version of ../flow_idle_handler_busy_spin/leak.rs

use tokio::sync::mpsc::Receiver;

async fn handle_idle(app: &mut Receiver<String>) -> Result<(), ()> {
    match app.recv().await {
        Some(msg) => {
            println!("submit {msg}");
            Ok(())
        }
        None => Err(()),
    }
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
