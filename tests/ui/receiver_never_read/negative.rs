// Near misses: the receiver is read, or nothing is sent, or the kind does not block.
use std::sync::mpsc;

fn read() {
    let (tx, rx) = mpsc::sync_channel::<u32>(1);
    tx.send(1).unwrap();
    println!("{:?}", rx.recv());
}

fn one_value_fits_in_the_buffer() {
    let (a, _ra) = crossbeam_channel::bounded::<u32>(4);
    a.send(1).unwrap();
    let (b, _rb) = flume::unbounded::<u32>();
    b.send(1).unwrap();
}

fn sends_that_give_up() {
    let (s, _r) = crossbeam_channel::bounded::<u32>(1);
    for i in 0..10 {
        let _ = s.try_send(i);
        let _ = s.send_timeout(i, std::time::Duration::from_millis(1));
    }
}

pub struct Kept {
    _keep_open: crossbeam_channel::Receiver<u32>,
}

pub fn kept_on_purpose() -> Kept {
    let (s, r) = crossbeam_channel::bounded::<u32>(0);
    std::thread::spawn(move || s.send(1));
    Kept { _keep_open: r }
}

fn nothing_sent() {
    let (_tx, _rx) = mpsc::sync_channel::<u32>(1);
}

fn oneshot_and_watch_do_not_block() {
    let (tx, _rx) = tokio::sync::oneshot::channel::<u32>();
    let _ = tx.send(1);
    let (wtx, _wrx) = tokio::sync::watch::channel(0u32);
    let _ = wtx.send(1);
    let (btx, _brx) = tokio::sync::broadcast::channel::<u32>(4);
    let _ = btx.send(1);
}

pub struct Worker {
    tx: mpsc::Sender<u32>,
    rx: Option<mpsc::Receiver<u32>>,
}

impl Worker {
    pub fn new() -> Worker {
        let (tx, rx) = mpsc::channel();
        Worker { tx, rx: Some(rx) }
    }

    pub fn send(&self) {
        self.tx.send(1).unwrap();
    }

    pub fn drain(&mut self) -> Vec<u32> {
        self.rx.take().map(|rx| rx.try_iter().collect()).unwrap_or_default()
    }
}
