use std::sync::Arc;
use std::time::Duration;

use crate::Routes;

pub async fn refresh_routes(table: Arc<Routes>) {
    loop {
        table.reload().await;
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
}

pub async fn refresh_once(table: Arc<Routes>) {
    table.reload().await;
}
