// Near misses: the work can stop, or someone keeps its handle.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

fn handle_joined() {
    let h = thread::spawn(|| loop {
        thread::yield_now();
    });
    h.join().unwrap();
}

fn handle_returned() -> thread::JoinHandle<()> {
    thread::spawn(|| loop {
        thread::yield_now();
    })
}

struct Service {
    worker: Option<tokio::task::JoinHandle<()>>,
}

impl Service {
    fn start(&mut self) {
        self.worker = Some(tokio::spawn(async {
            loop {
                tokio::task::yield_now().await;
            }
        }));
    }
}

fn loop_with_break(stop: Arc<AtomicBool>) {
    thread::spawn(move || loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
    });
}

fn stop_flag_in_condition(stop: Arc<AtomicBool>) {
    thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            thread::yield_now();
        }
    });
}

fn select_with_shutdown_branch(token: CancellationToken) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    });
}

fn cancellation_checked(token: CancellationToken) {
    tokio::spawn(async move {
        loop {
            if token.is_cancelled() {
                return;
            }
            tokio::task::yield_now().await;
        }
    });
}

fn receive_panics_when_the_channel_closes(rx: mpsc::Receiver<u32>) {
    thread::spawn(move || loop {
        let job = rx.recv().unwrap();
        println!("{job}");
    });
}

fn receive_loop_ends_on_close(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    tokio::spawn(async move {
        while let Some(job) = rx.recv().await {
            println!("{job}");
        }
    });
}

fn scoped_threads() {
    thread::scope(|s| {
        s.spawn(|| {
            for i in 0..10 {
                println!("{i}");
            }
        });
    });
}

async fn join_set_aborts_on_drop() {
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    });
}

fn smol_task_dropped_is_cancelled() {
    let _task = smol::spawn(async {
        loop {
            smol::future::yield_now().await;
        }
    });
}

fn error_ends_the_loop(socket: std::net::UdpSocket) {
    thread::spawn(move || -> std::io::Result<()> {
        let mut buf = [0u8; 64];
        loop {
            socket.recv(&mut buf)?;
        }
    });
}

fn suppressed_daemon() {
    // leaklint:allow(detached_infinite_loop) -- metrics flusher lives as long as the process
    thread::spawn(|| loop {
        thread::sleep(Duration::from_secs(10));
    });
}

#[tokio::test]
async fn test_runtime_cancels_its_tasks() {
    tokio::spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    });
}

#[cfg(test)]
mod tests {
    fn helper_server(listener: std::net::TcpListener) {
        std::thread::spawn(move || loop {
            let _ = listener.accept();
        });
    }
}

// Regression (hyper-util tests): an accept loop whose errors panic ends when the listener fails.
fn accept_loop(listener: std::net::TcpListener) {
    std::thread::spawn(move || loop {
        let (mut sock, _) = listener.accept().unwrap();
        let mut buf = [0u8; 16];
        std::io::Read::read(&mut sock, &mut buf).expect("read");
    });
}

fn crossbeam_scope_joins(stop: Arc<AtomicBool>) {
    crossbeam::scope(|s| {
        s.spawn(|_| loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
        });
    })
    .unwrap();
    crossbeam::scope(|s| {
        s.spawn(|_| loop {
            thread::yield_now();
        });
    })
    .unwrap();
}
