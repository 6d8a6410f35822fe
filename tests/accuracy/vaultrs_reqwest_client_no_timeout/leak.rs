// source: https://github.com/jmgilman/vaultrs/pull/36
// expect: missing_timeout (known miss: the client is built outside spawned work)
// what: the client is built with reqwest defaults, which have no timeout, and apps hang on a stuck server

pub fn build_client() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}
