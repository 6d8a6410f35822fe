// ureq requests and agents, tonic endpoints and standard input in spawned work, with no
// timeout.
use std::io::BufRead;
use std::time::Duration;

fn ureq_default_agent() {
    std::thread::spawn(|| {
        let _ = ureq::get("http://localhost:8080/health").call(); //~ WARN missing_timeout
    });
}

fn ureq_agent_connect_timeout_only() {
    std::thread::spawn(|| {
        let agent = ureq::AgentBuilder::new() //~ WARN missing_timeout
            .timeout_connect(Duration::from_secs(1))
            .build();
        let _ = agent.get("http://localhost:8080/").call();
    });
}

fn tonic_endpoints() {
    tokio::spawn(async {
        let e = tonic::transport::Endpoint::new("http://[::1]:50051").unwrap(); //~ WARN missing_timeout
        let _ = e.connect().await;
        let c = tonic::transport::Channel::from_shared("http://[::1]:50051".to_string()); //~ WARN missing_timeout
        let _ = c;
    });
}

fn stdin_reader(tx: std::sync::mpsc::Sender<String>) {
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() { //~ WARN missing_timeout
            let _ = tx.send(line.unwrap());
        }
    });
}

// The read's own `unwrap()` is no way to stop the thread: at the end of input `read_line`
// returns `Ok(0)`, it does not fail.
fn stdin_lines_unwrapped() {
    let h = std::thread::spawn(|| {
        let mut line = String::new();
        loop {
            line.clear();
            std::io::stdin().read_line(&mut line).unwrap(); //~ WARN missing_timeout
        }
    });
    drop(h);
}
