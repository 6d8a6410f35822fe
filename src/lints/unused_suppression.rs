//! `unused_suppression`: a suppression that silences nothing. Raised by the pipeline
//! (`crate::suppress`), not by a check of its own.

declare_lint! {
    pub static UNUSED_SUPPRESSION = unused_suppression {
        group: Suspicious,
        // Every suppression names leaklint (`// leaklint:allow`, `cfg_attr(leaklint, ..)`).
        needles: &["//leaklint"],
        check: None,
    }
}
