// The fixed versions of `crossbeam_select.rs`: the sender is dropped before the loop, or the
// loop has another way out (a stop channel, a shutdown message).
use crossbeam_channel::{select, unbounded, Receiver, Select};

pub enum Msg {
    Work(u32),
    Stop,
}

pub fn dropped_first() {
    let (tx, rx) = unbounded::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    drop(tx);
    loop {
        select! {
            recv(rx) -> msg => match msg {
                Ok(v) => println!("{v}"),
                Err(_) => break,
            },
        }
    }
}

pub fn stop_channel(stop: Receiver<()>) {
    let (tx, rx) = unbounded::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    loop {
        select! {
            recv(rx) -> msg => match msg {
                Ok(v) => println!("{v}"),
                Err(_) => break,
            },
            recv(stop) -> _ => break,
        }
    }
    drop(tx);
}

pub fn shutdown_message() {
    let (tx, rx) = unbounded::<Msg>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(Msg::Stop).unwrap());
    loop {
        let mut sel = Select::new();
        sel.recv(&rx);
        let oper = sel.select();
        match oper.recv(&rx) {
            Ok(Msg::Work(v)) => println!("{v}"),
            Ok(Msg::Stop) => break,
            Err(_) => break,
        }
    }
    drop(tx);
}
