// Near misses: every loop here can end.
use std::sync::mpsc;
use std::thread;

fn dropped_before_the_loop() {
    let (tx, rx) = mpsc::channel();
    for i in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    drop(tx);
    for v in rx {
        println!("{v}");
    }
}

fn only_sender_moved_into_the_worker() {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for i in 0..4 {
            tx.send(i).unwrap();
        }
    });
    for v in rx {
        println!("{v}");
    }
}

fn sender_confined_to_a_block() {
    let rx = {
        let (tx, rx) = mpsc::channel();
        tx.send(1).unwrap();
        rx
    };
    for v in rx {
        println!("{v}");
    }
}

fn senders_in_a_thread_scope() {
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        s.spawn(move || tx.send(1).unwrap());
    });
    let total: i32 = rx.iter().sum();
    println!("{total}");
}

fn bounded_number_of_receives() {
    let (tx, rx) = mpsc::channel();
    let t = tx.clone();
    thread::spawn(move || t.send(1).unwrap());
    for v in rx.iter().take(1) {
        println!("{v}");
    }
    let _ = rx.try_recv();
    tx.send(2).unwrap();
}

fn loop_with_break() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(0).unwrap();
    for v in rx.iter() {
        if v == 0 {
            break;
        }
    }
}

async fn explicit_close() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    rx.close();
    while let Some(v) = rx.recv().await {
        println!("{v}");
    }
}

fn sender_handed_to_an_unknown_function() {
    let (tx, rx) = mpsc::channel::<u32>();
    start_workers(tx);
    for v in rx {
        println!("{v}");
    }
}

fn start_workers(_tx: mpsc::Sender<u32>) {}

fn sender_in_a_macro() {
    let (tx, rx) = mpsc::channel::<u32>();
    my_spawn!(tx);
    for v in rx {
        println!("{v}");
    }
}

fn receive_in_another_thread() {
    let (tx, rx) = mpsc::channel::<u32>();
    let h = thread::spawn(move || for v in rx { println!("{v}") });
    tx.send(1).unwrap();
    drop(tx);
    h.join().unwrap();
}

// Regression (crossbeam-channel tests/iter.rs): the sender is used and dropped by the
// enclosing scope closure, which runs concurrently with the loop.
fn loop_in_a_nested_scope_spawn() {
    let (s, r) = crossbeam_channel::unbounded::<i32>();
    crossbeam_utils::thread::scope(|scope| {
        scope.spawn(move |_| {
            for x in r.iter() {
                println!("{x}");
            }
        });
        s.send(3).unwrap();
        drop(s);
    })
    .unwrap();
}

// Regression (flume examples/perf.rs): `mem::swap` replaces the sender before the closure
// takes it, so the closure holds another channel's sender.
fn sender_swapped_before_the_move() {
    let (mut main_tx, _main_rx) = flume::bounded::<()>(1);
    for _ in 0..4 {
        let (mut tx, rx) = flume::bounded(1);
        std::mem::swap(&mut tx, &mut main_tx);
        std::thread::spawn(move || {
            for msg in rx.iter() {
                tx.send(msg).unwrap();
            }
        });
    }
}

// flume examples/simple.rs: the sender is dropped before the join.
fn dropped_before_the_join() {
    let (tx, rx) = flume::unbounded();
    let t = thread::spawn(move || {
        for msg in rx.iter() {
            println!("Received: {}", msg);
        }
    });
    tx.send("Hello, world!").unwrap();
    drop(tx);
    t.join().unwrap();
}

// Regression (flume tests/async.rs): the loop also ends on a message that does not match.
enum Message {
    Increment(u64),
    Stop,
}

async fn loop_ends_on_a_message() {
    let (tx, rx) = flume::unbounded();
    let t = async_std::task::spawn(async move {
        let mut count = 0u64;
        while let Ok(Message::Increment(n)) = rx.recv_async().await {
            count += n;
        }
        count
    });
    tx.send(Message::Increment(1)).unwrap();
    tx.send(Message::Stop).unwrap();
    let _ = t.await;
}
