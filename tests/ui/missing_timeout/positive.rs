// Network I/O inside spawned work that can wait for ever.
use std::io::Read;
use std::net::TcpStream;
use tokio::io::AsyncReadExt;

fn std_connect_and_read() {
    std::thread::spawn(|| {
        let mut stream = TcpStream::connect("example.com:80").unwrap();
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).unwrap();
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
    let _ = stream.read(&mut buf);
}

async fn tokio_connect_and_read() {
    tokio::spawn(async {
        let mut s = tokio::net::TcpStream::connect("example.com:80").await.unwrap();
        let mut buf = [0u8; 16];
        let _ = s.read_exact(&mut buf).await;
    });
}

async fn reqwest_without_timeout() {
    tokio::spawn(async {
        let _ = reqwest::get("https://example.com").await;
        let client = reqwest::Client::builder().user_agent("x").build().unwrap();
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
