// Near miss: the whole file is test code (`#![cfg(test)]`), as the files of test, bench and
// example targets are; the loop ends with the test process.
#![cfg(test)]

fn start_fake_server() {
    std::thread::spawn(|| loop {
        std::thread::yield_now();
    });
}

#[test]
fn serves() {
    start_fake_server();
}
