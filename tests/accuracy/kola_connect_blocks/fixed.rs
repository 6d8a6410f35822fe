// fixed version of ../kola_connect_blocks/leak.rs

use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub struct Client { stream: TcpStream }

impl Client {
    pub fn connect(addr: SocketAddr, timeout: Duration) -> std::io::Result<Client> {
        let stream = TcpStream::connect_timeout(&addr, timeout)?;
        Ok(Client { stream })
    }
}
