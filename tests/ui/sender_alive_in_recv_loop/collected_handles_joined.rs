// Workers share one receiver (`Arc<Mutex<Receiver>>`, shared with `Arc::clone`) and their
// handles are collected; joining them all in a `for` loop while `tx` is alive never returns.
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

pub fn run_all(jobs: Vec<u32>) {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(Mutex::new(rx));
    let mut workers = Vec::new();
    for _ in 0..4 {
        let rx = Arc::clone(&rx);
        workers.push(thread::spawn(move || loop {
            let next = rx.lock().unwrap().recv();
            match next {
                Ok(j) => println!("{j}"),
                Err(_) => break,
            }
        }));
    }
    for j in jobs {
        tx.send(j).unwrap();
    }
    for w in workers {
        w.join().unwrap(); //~ ERROR sender_alive_in_recv_loop
    }
}
