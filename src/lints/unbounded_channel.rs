//! `unbounded_channel`: any unbounded channel constructor, for teams that require
//! back-pressure.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{ChannelKind, Library};

declare_lint! {
    pub static UNBOUNDED_CHANNEL = unbounded_channel {
        group: Restriction,
        needles: &["channel(", "unbounded("],
        check: Some(check),
    }
}

fn check(cx: &LintContext<'_>, out: &mut Vec<Finding>) {
    for channel in &cx.model.channels {
        if channel.kind != ChannelKind::Unbounded {
            continue;
        }
        let bounded = match channel.ctor.library {
            Library::Std => "std::sync::mpsc::sync_channel(CAPACITY)",
            Library::Tokio => "tokio::sync::mpsc::channel(CAPACITY)",
            Library::Crossbeam => "crossbeam_channel::bounded(CAPACITY)",
            Library::Flume => "flume::bounded(CAPACITY)",
            Library::AsyncChannel => "async_channel::bounded(CAPACITY)",
            Library::Futures => "futures::channel::mpsc::channel(CAPACITY)",
        };
        out.push(
            Finding::new(
                &UNBOUNDED_CHANNEL,
                format!("unbounded {} channel: nothing slows the senders down when the receiver falls behind", channel.ctor.library.name()),
                Label::new(channel.call, "unbounded channel created here"),
            )
            .help(format!("use a bounded channel, `{bounded}`, so that senders wait when the buffer is full")),
        );
    }
}
