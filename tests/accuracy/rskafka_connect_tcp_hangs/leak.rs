// source: https://github.com/influxdata/rskafka/issues/268
// expect: missing_timeout (known miss: the connect is in an `async fn` of a library, not in spawned work)
// what: the transport connects with a bare `TcpStream::connect`, which can wait for ever

use tokio::net::TcpStream;

pub async fn connect_tcp(broker: &str) -> std::io::Result<TcpStream> {
    TcpStream::connect(broker).await
}
