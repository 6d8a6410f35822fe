// fixed version of ../shotover_connect_without_timeout/leak.rs

use std::time::Duration;
use tokio::net::TcpStream;

pub fn dial(nodes: Vec<String>) {
    for node in nodes {
        tokio::spawn(async move {
            let stream = tokio::time::timeout(Duration::from_secs(5), TcpStream::connect(&node)).await;
            println!("{node}: {}", matches!(stream, Ok(Ok(_))));
        });
    }
}
