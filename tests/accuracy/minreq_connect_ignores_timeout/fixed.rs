// fixed version of ../minreq_connect_ignores_timeout/leak.rs

use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

pub fn open(addr: &str, timeout: Duration) -> std::io::Result<TcpStream> {
    let addr = addr.to_socket_addrs()?.next().ok_or(std::io::ErrorKind::NotFound)?;
    let stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    Ok(stream)
}
