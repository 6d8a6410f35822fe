// crossbeam `select!` and `Select` loops whose only way out is the receive seeing its channel
// closed: they end as `for m in rx` does, and `tx` is still alive.
use crossbeam_channel::{select, unbounded, Select};
use std::time::Duration;

fn tick() {}

pub fn select_macro() {
    let (tx, rx) = unbounded::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    loop {
        select! {
            recv(rx) -> msg => match msg { //~ ERROR sender_alive_in_recv_loop
                Ok(v) => println!("{v}"),
                Err(_) => break,
            },
            default(Duration::from_secs(1)) => tick(),
        }
    }
    drop(tx);
}

pub fn select_struct() {
    let (tx, rx) = unbounded::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    loop {
        let mut sel = Select::new();
        sel.recv(&rx);
        let oper = sel.select();
        match oper.recv(&rx) { //~ ERROR sender_alive_in_recv_loop
            Ok(v) => println!("{v}"),
            Err(_) => break,
        }
    }
    drop(tx);
}
