// source: https://github.com/ccxt/binance-rs/issues/251
// expect: missing_timeout (known miss: the reading loop is not in spawned work)
// what: a websocket stream is read in a loop with no read timeout and hangs when the exchange goes silent

use std::io::Read;
use std::net::TcpStream;

pub fn listen(addr: &str) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr)?;
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
    }
}
