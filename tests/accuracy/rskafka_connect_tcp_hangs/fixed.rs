// fixed version of ../rskafka_connect_tcp_hangs/leak.rs

use std::time::Duration;
use tokio::net::TcpStream;

pub async fn connect_tcp(broker: &str, timeout: Duration) -> std::io::Result<TcpStream> {
    match tokio::time::timeout(timeout, TcpStream::connect(broker)).await {
        Ok(r) => r,
        Err(_) => Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "connect timed out")),
    }
}
