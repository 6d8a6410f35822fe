// A receiver clone kept in a field, or the receiver field itself, is closed too late or not
// at all: the loops still wait for every sender.
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
        if let Some(t) = self.thread.take() {
            let _ = t.join(); //~ ERROR sender_alive_in_recv_loop
        }
        // After the join: the thread never got here.
        self.shutter.close();
    }
}

// The closed receiver belongs to another channel than the one the loop waits on.
pub struct Totals {
    feed: tokio::sync::mpsc::Sender<u64>,
    inbox: tokio::sync::mpsc::Receiver<u64>,
    alerts: tokio::sync::mpsc::Receiver<u64>,
}

impl Totals {
    pub fn new(alerts: tokio::sync::mpsc::Receiver<u64>) -> Totals {
        let (feed, inbox) = tokio::sync::mpsc::channel(16);
        Totals { feed, inbox, alerts }
    }

    pub fn feed(&self) -> tokio::sync::mpsc::Sender<u64> {
        self.feed.clone()
    }

    pub async fn sum(&mut self) -> u64 {
        self.alerts.close();
        let mut total = 0;
        while let Some(n) = self.inbox.recv().await { //~ ERROR sender_alive_in_recv_loop
            total += n;
        }
        total
    }
}
