// source: https://github.com/neonmoe/minreq/issues/46
// expect: missing_timeout (known miss: outside spawned work)
// what: a request with a configured timeout still hangs in the TCP connect, which is made without one

use std::net::TcpStream;
use std::time::Duration;

pub fn open(addr: &str, timeout: Duration) -> std::io::Result<TcpStream> {
    let stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(timeout))?;
    Ok(stream)
}
