// fixed version of ../tower_resilience_hedge_losers/leak.rs

async fn attempt(n: u32) -> u32 { n }

pub async fn hedged() -> u32 {
    let mut primary = tokio::spawn(attempt(1));
    let mut hedge = tokio::spawn(attempt(2));
    let winner = tokio::select! {
        r = &mut primary => r.unwrap(),
        r = &mut hedge => r.unwrap(),
    };
    primary.abort();
    hedge.abort();
    winner
}
