//@ config: [apis]
//@ config: completes-on-drop = ["my_batch::BatchNotifier::new_with_receiver"]
// Near miss of positive_completes_on_drop.rs: the handle goes to the work that finishes it.
async fn flush() {
    let (notifier, receiver) = my_batch::BatchNotifier::new_with_receiver();
    tokio::spawn(async move { drop(notifier) });
    receiver.await;
}
