//@ config: [apis]
//@ config: completes-on-drop = ["my_batch::BatchNotifier::new_with_receiver"]
// The handle is never used, never dropped: the wait for its clones to drop never ends.
async fn flush() {
    let (notifier, receiver) = my_batch::BatchNotifier::new_with_receiver();
    receiver.await; //~ ERROR recv_without_sender
}
