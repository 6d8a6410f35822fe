// Near misses of positive_buffered_reads.rs: the stream has a read timeout, or the read is
// bounded by one.
use std::io::{BufRead, BufReader};
use std::os::unix::net::UnixStream;
use std::time::Duration;

fn lines_of_a_unix_socket() {
    std::thread::spawn(|| {
        let stream = UnixStream::connect("/run/app.sock").unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let reader = BufReader::new(stream);
        for line in reader.lines() {
            println!("{}", line.unwrap());
        }
    });
}

fn timeout_set_on_the_stream_after_wrapping(stream: std::net::TcpStream) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
    });
}

fn a_file_is_not_a_socket() {
    std::thread::spawn(|| {
        let file = std::fs::File::open("/etc/hosts").unwrap();
        for line in BufReader::new(file).lines() {
            println!("{}", line.unwrap());
        }
    });
}

fn tokio_read_line_under_a_timeout() {
    tokio::spawn(async {
        let stream = tokio::time::timeout(Duration::from_secs(5), tokio::net::TcpStream::connect("127.0.0.1:80")).await.unwrap().unwrap();
        let mut reader = tokio::io::BufReader::new(stream);
        let mut line = String::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), reader.read_line(&mut line)).await;
    });
}
