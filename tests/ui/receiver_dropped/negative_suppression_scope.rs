//@ lints: unbounded_channel, unused_suppression
// Near misses of positive_suppression_scope.rs: the same code, each finding covered by a
// suppression that names its lint, its group or `all`. Every suppression is used.
use std::sync::mpsc;

fn both_lints_on_the_same_line() {
    let (tx, _) = mpsc::channel::<u32>(); // leaklint:allow(unbounded_channel, receiver_dropped)
    let _ = tx.send(1);
}

fn both_groups_on_the_line_above() {
    // leaklint:allow(restriction, suspicious)
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

#[cfg_attr(leaklint, allow(leaklint::unbounded_channel, leaklint::receiver_dropped))]
fn attribute_of_both_lints() {
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn each_line_its_own_comment() {
    let (tx, _) = mpsc::sync_channel::<u32>(1); // leaklint:allow(receiver_dropped)
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1); // leaklint:allow(receiver_dropped)
    let _ = tx.send(1);
}

// leaklint:allow(all)
fn all_above_an_item() {
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}

fn attribute_on_each_statement() {
    #[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
    #[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
    let (tx, _) = mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}

fn line_above_a_statement_over_several_lines() {
    // leaklint:allow(receiver_dropped)
    let (tx, _) =
        mpsc::sync_channel::<u32>(1);
    let _ = tx.send(1);
}
