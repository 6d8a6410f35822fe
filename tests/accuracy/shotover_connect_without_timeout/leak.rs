// source: https://github.com/shotover/shotover-proxy/issues/769
// expect: missing_timeout
// what: each destination is dialled in its own task with a bare `TcpStream::connect`, which can wait for ever on a dead node

use tokio::net::TcpStream;

pub fn dial(nodes: Vec<String>) {
    for node in nodes {
        tokio::spawn(async move {
            let stream = TcpStream::connect(&node).await;
            println!("{node}: {}", stream.is_ok());
        });
    }
}
