// Unbounded constructors of every library (allowed by default; the test turns it on).
use crossbeam_channel as cb;
use tokio::sync::mpsc::unbounded_channel;

fn all() {
    let (_a, _ra) = std::sync::mpsc::channel::<u32>(); //~ WARN unbounded_channel
    let (_b, _rb) = unbounded_channel::<u32>(); //~ WARN unbounded_channel
    let (_c, _rc) = cb::unbounded::<u32>(); //~ WARN unbounded_channel
    let (_d, _rd) = flume::unbounded::<u32>(); //~ WARN unbounded_channel
    let (_e, _re) = async_channel::unbounded::<u32>(); //~ WARN unbounded_channel
    let (_f, _rf) = futures::channel::mpsc::unbounded::<u32>(); //~ WARN unbounded_channel
}

struct Holder {
    pair: (std::sync::mpsc::Sender<u32>, std::sync::mpsc::Receiver<u32>),
}

fn not_destructured() -> Holder {
    Holder { pair: std::sync::mpsc::channel() } //~ WARN unbounded_channel
}
