// fixed version of ../binance_websocket_no_read_timeout/leak.rs

use std::io::Read;
use std::net::TcpStream;
use std::time::Duration;

pub fn listen(addr: &str) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
    }
}
