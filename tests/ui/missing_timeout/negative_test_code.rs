// Test code is not checked (lints/missing_timeout.md): the spawned work of positive.rs, in
// `#[test]` functions, `#[tokio::test]` functions and a `#[cfg(test)]` module.
use std::io::Read;
use std::net::TcpStream;

#[test]
fn blocking_connect_and_read_in_a_test() {
    std::thread::spawn(|| {
        let mut stream = TcpStream::connect("example.com:80").unwrap();
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).unwrap();
    });
}

#[tokio::test]
async fn async_connect_and_request_in_a_test() {
    tokio::spawn(async {
        let _s = tokio::net::TcpStream::connect("example.com:80").await.unwrap();
        let _ = reqwest::get("https://example.com").await;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper_in_a_test_module() {
        std::thread::spawn(|| {
            let _stream = TcpStream::connect("example.com:80").unwrap();
        });
    }
}
