// source: https://github.com/mofa-org/mofa/issues/1505
// expect: detached_spawn_in_loop
// what: parallel execution spawns one task per step, ignoring the configured concurrency limit

pub async fn execute_parallel(steps: Vec<String>) {
    for step in steps {
        tokio::spawn(async move {
            println!("run {step}");
        });
    }
}
