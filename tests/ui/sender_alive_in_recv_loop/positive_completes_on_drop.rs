//@ config: [apis]
//@ config: completes-on-drop = ["my_batch::BatchNotifier::new_with_receiver"]
// A waiter that completes when every clone of its handle is dropped, while a clone is kept.
use my_batch::BatchNotifier;

async fn send_batch(events: Vec<u32>) {
    let (notifier, receiver) = BatchNotifier::new_with_receiver();
    for e in events {
        let n = notifier.clone();
        tokio::spawn(async move { deliver(e, n).await });
    }
    receiver.await; //~ ERROR sender_alive_in_recv_loop
}

async fn deliver(_e: u32, _n: BatchNotifier) {}

// The same wait as a blocking `recv()` on the waiter, from a thread.
fn send_batch_blocking(events: Vec<u32>) {
    let (notifier, receiver) = BatchNotifier::new_with_receiver();
    for e in events {
        let n = notifier.clone();
        std::thread::spawn(move || drop((e, n)));
    }
    let _ = receiver.recv(); //~ ERROR sender_alive_in_recv_loop
}
