pub fn run() {
    loop {
        println!("tick");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

pub fn run_named(name: String) {
    loop {
        println!("{name}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
