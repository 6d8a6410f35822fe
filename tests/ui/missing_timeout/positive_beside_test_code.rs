// Near miss of negative_test_code.rs: a function that is not a test, beside a test module
// and named like a test, is checked.
use std::net::TcpStream;

fn test_helper_outside_tests() {
    std::thread::spawn(|| {
        let _stream = TcpStream::connect("example.com:80").unwrap(); //~ WARN missing_timeout
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn t() {
        super::test_helper_outside_tests();
    }
}
