// source: https://github.com/Growth-Circle/cadis/issues/1958
// expect: missing_timeout (known miss: the connect runs on the main thread; the lint only looks inside spawned work)
// what: a CLI command connects with `TcpStream::connect` and hangs for long on a firewalled endpoint

use std::io::Write;
use std::net::TcpStream;

pub fn send_request(addr: &str, body: &[u8]) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr)?;
    stream.write_all(body)
}
