// The same clients, each given a timeout.
use std::io::Read;
use std::time::Duration;

fn unix_socket() {
    std::thread::spawn(|| {
        let mut stream = std::os::unix::net::UnixStream::connect("/run/app.sock").unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
    });
}

fn hyper_connector() {
    tokio::spawn(async {
        let mut connector = hyper_util::client::legacy::connect::HttpConnector::new();
        connector.set_connect_timeout(Some(Duration::from_secs(5)));
    });
}

fn tonic_endpoint() {
    tokio::spawn(async {
        let endpoint = tonic::transport::Endpoint::from_static("http://[::1]:50051")
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30));
        let _ = endpoint.connect().await;
    });
}

fn websocket() {
    tokio::spawn(async {
        let connect = tokio_tungstenite::connect_async("ws://localhost:9000");
        let (ws, _) = tokio::time::timeout(Duration::from_secs(5), connect)
            .await
            .unwrap()
            .unwrap();
        let _ = ws;
    });
}
