// The fixed version: `tx` is dropped before the workers are joined, so each loop sees the
// channel close and ends.
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
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
}
