// source: https://github.com/jshinonome/kola/issues/5
// expect: missing_timeout (known miss: a library connect outside spawned work)
// what: the client connects with `TcpStream::connect`, which blocks indefinitely when the peer does not answer

use std::net::TcpStream;

pub struct Client { stream: TcpStream }

impl Client {
    pub fn connect(host: &str, port: u16) -> std::io::Result<Client> {
        let stream = TcpStream::connect((host, port))?;
        Ok(Client { stream })
    }
}
