// Detached spawns on every iteration (pedantic; turned on by the test).
fn threads(jobs: Vec<u32>) {
    for job in jobs {
        std::thread::spawn(move || println!("{job}"));
    }
}

async fn tokio_accept_loop(listener: tokio::net::TcpListener) {
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(async move {
            drop(socket);
        });
    }
}

fn rayon_and_async_std(items: Vec<u32>) {
    for i in items.clone() {
        rayon::spawn(move || println!("{i}"));
    }
    let mut n = 0;
    while n < items.len() {
        let _ = async_std::task::spawn(async {});
        n += 1;
    }
}

// A fixed range inside a loop driven by input: the outer loop makes the number grow.
fn pool_per_message(rx: std::sync::mpsc::Receiver<u32>) {
    for n in rx {
        for _ in 0..n {
            std::thread::spawn(move || println!("{n}")); //~ WARN detached_spawn_in_loop
        }
    }
}

// A `for` over a collection that comes from outside is driven by its input.
fn per_url(urls: Vec<String>) {
    for url in urls.iter().cloned() {
        std::thread::spawn(move || println!("{url}")); //~ WARN detached_spawn_in_loop
    }
}
