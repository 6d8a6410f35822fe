// source: https://github.com/MystenLabs/narwhal/pull/463
// expect: detached_spawn_in_loop
// what: broadcasting spawns one retrying send task per peer and message, with no bound on how many run

async fn send_message(peer: String, msg: Vec<u8>) {
    println!("{peer}: {}", msg.len());
}

pub fn broadcast(peers: Vec<String>, msg: Vec<u8>) {
    for peer in peers {
        let msg = msg.clone();
        tokio::spawn(send_message(peer, msg));
    }
}
