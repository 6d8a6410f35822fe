// Test code is not checked: the spawns of positive.rs, in tests.
#[test]
fn threads_in_a_test() {
    for job in 0..4 {
        std::thread::spawn(move || println!("{job}"));
    }
}

#[tokio::test]
async fn tasks_in_a_test() {
    for job in 0..4 {
        tokio::spawn(async move { job });
    }
}

#[cfg(test)]
mod tests {
    fn helper(items: Vec<u32>) {
        for i in items {
            rayon::spawn(move || println!("{i}"));
        }
    }
}
