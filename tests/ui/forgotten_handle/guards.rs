// Worker guards leaked: the worker is never told to flush and stop.
fn tracing_writer() {
    let (writer, guard) = tracing_appender::non_blocking(std::io::stdout());
    let _ = writer;
    std::mem::forget(guard); //~ WARN forgotten_handle
}

fn tracing_writer_new() {
    let (_writer, guard) = tracing_appender::non_blocking::NonBlocking::new(std::io::stderr());
    Box::leak(Box::new(guard)); //~ WARN forgotten_handle
}

fn drop_guard(token: tokio_util::sync::CancellationToken) {
    let guard: tokio_util::sync::DropGuard = token.drop_guard();
    std::mem::forget(guard); //~ WARN forgotten_handle
}
