// fixed version of ../mofa_execute_parallel_unbounded/leak.rs

use std::sync::Arc;
use tokio::sync::Semaphore;

pub async fn execute_parallel(steps: Vec<String>, max_concurrent: usize) {
    let limit = Arc::new(Semaphore::new(max_concurrent));
    for step in steps {
        let permit = limit.clone().acquire_owned().await.unwrap();
        tokio::spawn(async move {
            println!("run {step}");
            drop(permit);
        });
    }
}
