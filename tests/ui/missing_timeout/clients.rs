// Network clients in spawned work with no timeout.
use std::io::Read;

fn unix_socket() {
    std::thread::spawn(|| {
        let mut stream = std::os::unix::net::UnixStream::connect("/run/app.sock").unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap(); //~ WARN missing_timeout
    });
}

fn hyper_connector() {
    tokio::spawn(async {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new(); //~ WARN missing_timeout
        let _ = connector;
    });
}

// A timeout set on one connector does not cover another one built beside it.
fn hyper_connectors_one_configured() {
    tokio::spawn(async {
        let mut timed = hyper_util::client::legacy::connect::HttpConnector::new();
        timed.set_connect_timeout(Some(std::time::Duration::from_secs(5)));
        let untimed = hyper_util::client::legacy::connect::HttpConnector::new(); //~ WARN missing_timeout
        let _ = (timed, untimed);
    });
}

fn tonic_endpoint() {
    tokio::spawn(async {
        let endpoint = tonic::transport::Endpoint::from_static("http://[::1]:50051"); //~ WARN missing_timeout
        let _ = endpoint.connect().await;
    });
}

fn websocket() {
    tokio::spawn(async {
        let (ws, _) = tokio_tungstenite::connect_async("ws://localhost:9000").await.unwrap(); //~ WARN missing_timeout
        let _ = ws;
    });
}
