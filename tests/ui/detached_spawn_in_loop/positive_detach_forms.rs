// Every way a runtime's spawn ends up detached, on every iteration.
fn std_builder_handle_bound_and_dropped(jobs: Vec<u32>) {
    for job in jobs {
        let _handle = std::thread::spawn(move || println!("{job}")); //~ WARN detached_spawn_in_loop
    }
}

async fn tokio_handle_dropped_explicitly(jobs: Vec<u32>) {
    for job in jobs {
        let handle = tokio::task::spawn_blocking(move || job); //~ WARN detached_spawn_in_loop
        drop(handle);
    }
}

fn smol_task_detached(jobs: Vec<u32>) {
    for job in jobs {
        smol::spawn(async move { println!("{job}") }).detach(); //~ WARN detached_spawn_in_loop
    }
}

async fn async_std_blocking(jobs: Vec<u32>) {
    for job in jobs {
        async_std::task::spawn_blocking(move || job); //~ WARN detached_spawn_in_loop
    }
}

// A smol task bound to a name and then detached runs on as `spawn(..).detach()` does.
fn smol_task_bound_then_detached(jobs: Vec<u32>) {
    for job in jobs {
        let task = smol::spawn(async move { println!("{job}") }); //~ WARN detached_spawn_in_loop
        task.detach();
    }
}
