// fixed version of ../cadis_cli_connect_no_timeout/leak.rs

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub fn send_request(addr: SocketAddr, body: &[u8]) -> std::io::Result<()> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.write_all(body)
}
