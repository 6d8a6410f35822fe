pub struct Frame {
    pub seq: u64,
}

pub enum Tick {
    At(u64),
    Done,
}
