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
