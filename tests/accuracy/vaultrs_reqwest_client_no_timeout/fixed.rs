// fixed version of ../vaultrs_reqwest_client_no_timeout/leak.rs

use std::time::Duration;

pub fn build_client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder().timeout(timeout).build().unwrap()
}
