//@ lints: detached_infinite_loop
// The accept loop calls a helper of another module that detaches each connection.
mod net;
mod tasks;

fn main() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    net::serve_all(listener);
}
