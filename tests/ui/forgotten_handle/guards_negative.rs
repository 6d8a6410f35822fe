// Worker guards kept until the end of `main`, or dropped on purpose.
fn main() {
    let (writer, _guard) = tracing_appender::non_blocking(std::io::stdout());
    let _ = writer;
    run();
}

fn run() {
    let (_writer, guard) = tracing_appender::non_blocking(std::io::stdout());
    drop(guard);
    // The writer, not the guard, is forgotten.
    let (writer, _guard) = tracing_appender::non_blocking(std::io::stdout());
    std::mem::forget(writer);
}
