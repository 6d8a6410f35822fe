// source: https://github.com/joshrotenberg/tower-resilience/issues/369
// expect: unaborted_race (known miss: the two handles are raced in `select!`, not collected in a `Vec` nor sent into one channel)
// what: a hedged request spawns a primary and a backup attempt and takes the first; the loser keeps running detached

async fn attempt(n: u32) -> u32 { n }

pub async fn hedged() -> u32 {
    let primary = tokio::spawn(attempt(1));
    let hedge = tokio::spawn(attempt(2));
    tokio::select! {
        r = primary => r.unwrap(),
        r = hedge => r.unwrap(),
    }
}
