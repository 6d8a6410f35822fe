use tokio_util::sync::CancellationToken;

pub struct Tracer {
    sim: u32,
}

impl Tracer {
    pub fn new(sim: u32, token: CancellationToken) -> Tracer {
        crate::util::log_if_cancelled(sim, token);
        Tracer { sim }
    }
}

pub struct Recorder {
    token: CancellationToken,
}

impl Recorder {
    pub fn new(_sim: u32, token: CancellationToken) -> Recorder {
        Recorder { token }
    }

    pub fn stop(&self) {
        self.token.cancel();
    }
}
