//! `unbounded_channel`: any unbounded channel constructor, for teams that require
//! back-pressure.

use crate::diagnostic::{Finding, Label};
use crate::lints::LintContext;
use crate::model::catalog::{ChannelKind, Library};

declare_lint! {
    pub static UNBOUNDED_CHANNEL = unbounded_channel {
        group: Restriction,
        needles: &["$channel"],
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
            Library::Kanal => "kanal::bounded(CAPACITY)",
            Library::AsyncBroadcast => "async_broadcast::broadcast(CAPACITY)",
            Library::Postage => "postage::mpsc::channel(CAPACITY)",
            Library::Declared => "",
        };
        let (what, help) = if channel.ctor.library == Library::Declared {
            (
                format!("unbounded channel `{}` (declared in `[apis] channels`)", channel.ctor.path),
                "use a bounded channel of the same library, so that senders wait when the buffer is full (a bounded constructor can be declared with `kind = \"bounded\"`)".to_string(),
            )
        } else {
            (
                format!("unbounded {} channel", channel.ctor.library.name()),
                format!("use a bounded channel, `{bounded}`, so that senders wait when the buffer is full"),
            )
        };
        out.push(
            Finding::new(
                &UNBOUNDED_CHANNEL,
                format!("{what}: nothing slows the senders down when the receiver falls behind"),
                Label::new(channel.call, "unbounded channel created here"),
            )
            .help(help),
        );
    }
}
