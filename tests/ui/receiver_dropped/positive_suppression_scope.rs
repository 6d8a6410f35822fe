//@ lints: unbounded_channel, unused_suppression
// Suppression scope: each suppression silences what it names, where it stands, and nothing
// else. Every finding left outside a suppression's reach is reported.
use std::sync::mpsc;

fn allow_of_another_lint_on_the_same_line() {
    let (tx, _) = mpsc::channel::<u32>(); // leaklint:allow(unbounded_channel) //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn allow_of_another_group_on_the_line_above() {
    // leaklint:allow(restriction)
    let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

#[cfg_attr(leaklint, allow(leaklint::unbounded_channel))]
fn attribute_of_another_lint() {
    let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn same_line_covers_its_line_only() {
    let (tx, _) = mpsc::channel::<u32>(); // leaklint:allow(receiver_dropped, unbounded_channel)
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn same_line_does_not_reach_the_line_above() {
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1); // leaklint:allow(receiver_dropped) //~ WARN unused_suppression
}

fn line_above_covers_the_next_statement_only() {
    // leaklint:allow(receiver_dropped)
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

// leaklint:allow(receiver_dropped)
fn line_above_an_item_covers_that_item() {
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}

fn but_not_the_item_after_it() {
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

#[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
fn attribute_covers_its_function() {
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}

fn not_the_function_after_it() {
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn attribute_on_a_statement_covers_that_statement_only() {
    #[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

struct S;

impl S {
    #[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
    fn attribute_on_a_method(&self) {
        let (tx, _) = mpsc::sync_channel::<u32>(1);
        let _ = tx.send(1);
    }

    fn the_next_method(&self) {
        let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
        let _ = tx.send(1);
    }
}

fn a_comment_that_is_not_a_suppression() {
    // leaklint:deny(receiver_dropped) and leaklint:allow are not suppressions
    let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = tx.send(1);
    let s = "// leaklint:allow(receiver_dropped)"; let (tx, _) = mpsc::sync_channel::<u32>(1); //~ WARN receiver_dropped
    let _ = (s, tx.send(1));
}
