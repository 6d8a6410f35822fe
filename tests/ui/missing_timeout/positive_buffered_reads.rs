// Reads of a socket through a `BufReader` in spawned work, with no timeout.
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::os::unix::net::UnixStream;

fn lines_of_a_unix_socket() {
    std::thread::spawn(|| {
        let stream = UnixStream::connect("/run/app.sock").unwrap();
        let reader = BufReader::new(stream);
        for line in reader.lines() { //~ WARN missing_timeout
            println!("{}", line.unwrap());
        }
    });
}

fn read_line_of_a_clone(stream: TcpStream) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap(); //~ WARN missing_timeout
    });
}

fn read_until_by_reference() {
    std::thread::spawn(|| {
        let stream = TcpStream::connect_timeout(&"127.0.0.1:80".parse().unwrap(), std::time::Duration::from_secs(1)).unwrap();
        let mut reader = BufReader::with_capacity(4096, &stream);
        let mut buf = Vec::new();
        reader.read_until(b'\n', &mut buf).unwrap(); //~ WARN missing_timeout
    });
}

fn tokio_read_line() {
    tokio::spawn(async {
        let stream = tokio::net::TcpStream::connect("127.0.0.1:80").await.unwrap(); //~ WARN missing_timeout
        let mut reader = tokio::io::BufReader::new(stream);
        let mut line = String::new();
        tokio::io::AsyncBufReadExt::read_line(&mut reader, &mut line).await.unwrap();
        reader.read_line(&mut line).await.unwrap(); //~ WARN missing_timeout
    });
}
