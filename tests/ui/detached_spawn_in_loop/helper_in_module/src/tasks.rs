pub fn detach<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::spawn(f);
}

pub fn tracked<F: FnOnce() + Send + 'static>(f: F) -> std::thread::JoinHandle<()> {
    std::thread::spawn(f)
}
