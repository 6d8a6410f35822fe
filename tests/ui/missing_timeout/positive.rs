// Network I/O inside spawned work that can wait for ever.
use std::io::Read;
use std::net::TcpStream;
use tokio::io::AsyncReadExt;

fn std_connect_and_read() {
    std::thread::spawn(|| {
        let mut stream = TcpStream::connect("example.com:80").unwrap(); //~ WARN missing_timeout
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).unwrap(); //~ WARN missing_timeout
    });
}

fn handler_thread(listener: std::net::TcpListener) {
    for stream in listener.incoming() {
        let stream = stream.unwrap();
        std::thread::spawn(move || handle(stream));
    }
}

fn handle(mut stream: TcpStream) {
    let mut buf = [0u8; 512];
    let _ = stream.read(&mut buf); //~ WARN missing_timeout
}

async fn tokio_connect_and_read() {
    tokio::spawn(async {
        let mut s = tokio::net::TcpStream::connect("example.com:80").await.unwrap(); //~ WARN missing_timeout
        let mut buf = [0u8; 16];
        let _ = s.read_exact(&mut buf).await; //~ WARN missing_timeout
    });
}

async fn reqwest_without_timeout() {
    tokio::spawn(async {
        let _ = reqwest::get("https://example.com").await; //~ WARN missing_timeout
        let client = reqwest::Client::builder().user_agent("x").build().unwrap(); //~ WARN missing_timeout
        let _ = client.get("https://example.com").send().await;
    });
}

// The same helper, with one spawned caller that bounds it and one that does not.
async fn connect_peer(addr: String) -> std::io::Result<tokio::net::TcpStream> {
    let stream = tokio::net::TcpStream::connect(addr).await?; //~ WARN missing_timeout
    Ok(stream)
}

async fn dial(peer: String, backup: String) {
    tokio::spawn(async move {
        let _ = tokio::time::timeout(std::time::Duration::from_secs(3), connect_peer(peer)).await;
    });
    tokio::spawn(async move {
        let _ = connect_peer(backup).await;
    });
}

// The read timeout is set only after the first read: that read can wait for ever.
fn read_timeout_set_too_late(addr: std::net::SocketAddr) {
    std::thread::spawn(move || {
        let five = std::time::Duration::from_secs(5);
        let mut stream = TcpStream::connect_timeout(&addr, five).unwrap();
        let mut greeting = [0u8; 4];
        stream.read_exact(&mut greeting).unwrap(); //~ WARN missing_timeout
        stream.set_read_timeout(Some(five)).unwrap();
        let mut rest = Vec::new();
        stream.read_to_end(&mut rest).unwrap();
    });
}
