// `Metrics::rx` is never read; `Worker::rx` (another file) and `Drained::rx` (read in a
// file with no channel in it) are.
mod drained;
mod metrics;
mod worker;
