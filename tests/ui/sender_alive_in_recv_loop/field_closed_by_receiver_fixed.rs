// Near misses of field_closed_by_receiver.rs: the channel is closed from the receiver side
// before the join or the loop, so the receive returns `Err`/`None` once the buffer is empty,
// although a sender is still kept in a field.
pub struct Printer {
    input: async_channel::Sender<String>,
    shutter: async_channel::Receiver<String>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Printer {
    pub fn start() -> Printer {
        let (input, lines) = async_channel::unbounded::<String>();
        let shutter = lines.clone();
        let thread = std::thread::spawn(move || {
            while let Ok(line) = lines.recv_blocking() {
                println!("{line}");
            }
        });
        Printer { input, shutter, thread: Some(thread) }
    }

    pub fn print(&self, line: String) {
        let _ = self.input.send_blocking(line);
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        // Closing through a receiver clone ends the worker's `recv_blocking()` loop.
        self.shutter.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// tokio's drain idiom: close the receiver, then take what is left in the buffer.
pub struct Totals {
    feed: tokio::sync::mpsc::Sender<u64>,
    inbox: tokio::sync::mpsc::Receiver<u64>,
}

impl Totals {
    pub fn new() -> Totals {
        let (feed, inbox) = tokio::sync::mpsc::channel(16);
        Totals { feed, inbox }
    }

    pub fn feed(&self) -> tokio::sync::mpsc::Sender<u64> {
        self.feed.clone()
    }

    pub async fn sum(&mut self) -> u64 {
        self.inbox.close();
        let mut total = 0;
        while let Some(n) = self.inbox.recv().await {
            total += n;
        }
        total
    }
}

// async-channel's receiver closes through `&self`: another method may close it while the
// loop runs.
pub struct Board {
    post: async_channel::Sender<u8>,
    read: async_channel::Receiver<u8>,
}

impl Board {
    pub fn new() -> Board {
        let (post, read) = async_channel::bounded(4);
        Board { post, read }
    }

    pub fn post(&self, b: u8) {
        let _ = self.post.try_send(b);
    }

    pub fn stop(&self) {
        self.read.close();
    }

    pub async fn follow(&self) {
        while let Ok(b) = self.read.recv().await {
            println!("{b}");
        }
    }
}
