// The fixed versions of `ureq_tonic_stdin.rs`: each client gets a timeout, and standard
// input is read by a thread the caller joins (it chose to wait for the input).
use std::time::Duration;

fn ureq_request_timeout() {
    std::thread::spawn(|| {
        let _ = ureq::get("http://localhost:8080/health")
            .timeout(Duration::from_secs(5))
            .call();
    });
}

fn ureq_agent_timeout() {
    std::thread::spawn(|| {
        let agent = ureq::AgentBuilder::new()
            .timeout_read(Duration::from_secs(5))
            .build();
        let _ = agent.get("http://localhost:8080/").call();
    });
}

fn tonic_endpoints() {
    tokio::spawn(async {
        let e = tonic::transport::Endpoint::new("http://[::1]:50051")
            .unwrap()
            .connect_timeout(Duration::from_secs(1))
            .timeout(Duration::from_secs(5));
        let _ = e.connect().await;
        let mut c = tonic::transport::Channel::from_shared("http://[::1]:50051".to_string()).unwrap();
        c = c.timeout(Duration::from_secs(5));
        let _ = c;
    });
}

fn stdin_joined() -> String {
    let reader = std::thread::spawn(|| {
        let mut s = String::new();
        std::io::stdin().read_line(&mut s).unwrap();
        s
    });
    reader.join().unwrap()
}

// A reader that checks a stop flag between reads (the terminal may be set to time reads out):
// unsure.
fn stdin_with_stop_flag(stop: std::sync::Arc<std::sync::atomic::AtomicBool>) {
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 16];
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            if std::io::Read::read(&mut stdin, &mut buf).unwrap_or(0) == 0 {
                break;
            }
        }
    });
}
