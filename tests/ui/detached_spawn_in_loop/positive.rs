// Detached spawns on every iteration (pedantic; turned on by the test).
fn threads(jobs: Vec<u32>) {
    for job in jobs {
        std::thread::spawn(move || println!("{job}")); //~ WARN detached_spawn_in_loop
    }
}

async fn tokio_accept_loop(listener: tokio::net::TcpListener) {
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(async move { //~ WARN detached_spawn_in_loop
            drop(socket);
        });
    }
}

fn rayon_and_async_std(items: Vec<u32>) {
    for i in items.clone() {
        rayon::spawn(move || println!("{i}")); //~ WARN detached_spawn_in_loop
    }
    let mut n = 0;
    while n < items.len() {
        let _ = async_std::task::spawn(async {}); //~ WARN detached_spawn_in_loop
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

// Permits taken before and after the loop bound nothing inside it: only a permit taken on
// each iteration limits how many spawned tasks run at once.
async fn permits_outside_the_loop(
    listener: tokio::net::TcpListener,
    limit: std::sync::Arc<tokio::sync::Semaphore>,
) {
    let _startup = limit.acquire().await.unwrap();
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(async move { //~ WARN detached_spawn_in_loop
            drop(socket);
        });
    }
    let _drained = limit.acquire_many(8).await.unwrap();
}
