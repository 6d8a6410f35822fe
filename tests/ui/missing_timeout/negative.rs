// Near misses: timeouts set, blocking reqwest, or not in spawned work.
use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;
use tokio::io::AsyncReadExt;

fn std_with_timeouts(addr: SocketAddr) {
    std::thread::spawn(move || {
        let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).unwrap();
    });
}

async fn tokio_with_timeouts() {
    tokio::spawn(async {
        let mut s = tokio::time::timeout(Duration::from_secs(5), tokio::net::TcpStream::connect("example.com:80"))
            .await
            .unwrap()
            .unwrap();
        let mut buf = [0u8; 16];
        let _ = tokio::time::timeout(Duration::from_secs(5), s.read_exact(&mut buf)).await;
    });
}

async fn reqwest_with_timeout() {
    tokio::spawn(async {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
        let _ = client.get("https://example.com").send().await;
    });
}

fn reqwest_blocking_has_a_default_timeout() {
    std::thread::spawn(|| {
        let _ = reqwest::blocking::get("https://example.com");
    });
}

// The connect runs in the spawning function before the spawn, not in the spawned work.
fn connect_before_spawning() {
    let stream = TcpStream::connect("example.com:80").unwrap();
    std::thread::spawn(move || drop(stream));
}

// Reads on a socket bounded by a deadline: awaited inside a timeout's async block, made
// first and given to a timeout later, or raced against a sleep in `select!`.
async fn serve_with_deadlines(mut s: tokio::net::TcpStream) {
    let five = Duration::from_secs(5);
    let mut buf = [0u8; 16];
    let _ = tokio::time::timeout(five, async { s.read_exact(&mut buf).await }).await;
    let read = s.read(&mut buf);
    let _ = tokio::time::timeout(five, read).await;
    tokio::select! {
        _ = s.read(&mut buf) => {}
        _ = tokio::time::sleep(five) => {}
    }
}

async fn accept_with_deadlines(listener: tokio::net::TcpListener) {
    let (socket, _) = listener.accept().await.unwrap();
    tokio::spawn(serve_with_deadlines(socket));
}

fn not_in_spawned_work() {
    let mut stream = TcpStream::connect("example.com:80").unwrap();
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).unwrap();
}

// The connect is in a function of this file whose every spawned caller bounds it with a
// timeout.
async fn connect_peer(addr: String) -> std::io::Result<tokio::net::TcpStream> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    Ok(stream)
}

async fn dial_all(peers: Vec<String>) {
    for p in peers {
        tokio::spawn(async move {
            let _ = tokio::time::timeout(Duration::from_secs(3), connect_peer(p)).await;
        });
    }
}

// Attempts raced in a `JoinSet`: they are aborted when the set is dropped, so the caller's
// timeout around `happy_eyeballs` bounds them.
async fn happy_eyeballs(addrs: Vec<std::net::SocketAddr>) -> Option<tokio::net::TcpStream> {
    let mut attempts = tokio::task::JoinSet::new();
    for a in addrs {
        attempts.spawn(async move { tokio::net::TcpStream::connect(a).await });
    }
    while let Some(r) = attempts.join_next().await {
        if let Ok(Ok(stream)) = r {
            return Some(stream);
        }
    }
    None
}

async fn dial_with_deadline(addrs: Vec<std::net::SocketAddr>) {
    let _ = tokio::time::timeout(Duration::from_secs(3), happy_eyeballs(addrs)).await;
}
