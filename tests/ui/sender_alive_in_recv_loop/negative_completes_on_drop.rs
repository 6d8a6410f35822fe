//@ config: [apis]
//@ config: completes-on-drop = ["my_batch::BatchNotifier::new_with_receiver"]
// Near miss of positive_completes_on_drop.rs: the original handle is dropped before the wait.
use my_batch::BatchNotifier;

async fn send_batch(events: Vec<u32>) {
    let (notifier, receiver) = BatchNotifier::new_with_receiver();
    for e in events {
        let n = notifier.clone();
        tokio::spawn(async move { deliver(e, n).await });
    }
    drop(notifier);
    receiver.await;
}

async fn deliver(_e: u32, _n: BatchNotifier) {}

// The blocking form, with the original handle dropped before the `recv()`.
fn send_batch_blocking(events: Vec<u32>) {
    let (notifier, receiver) = BatchNotifier::new_with_receiver();
    for e in events {
        let n = notifier.clone();
        std::thread::spawn(move || drop((e, n)));
    }
    drop(notifier);
    let _ = receiver.recv();
}
