// A stop variant that no expression of the crate names, but a derive constructs
// (`Cmd::default()` is `Shutdown`): the exit can be taken, the join returns. Not reported.
#[derive(Default)]
enum Cmd {
    Work(u32),
    #[default]
    Shutdown,
}

fn main() {
    let (tx, rx) = std::sync::mpsc::channel::<Cmd>();
    let w = std::thread::spawn(move || {
        for c in rx {
            match c {
                Cmd::Work(n) => println!("{n}"),
                Cmd::Shutdown => return,
            }
        }
    });
    tx.send(Cmd::default()).unwrap();
    w.join().unwrap();
}
