// Block comments suppress as line comments do, and a comment that looks like a suppression
// but does not parse is reported (it silences nothing).
use std::sync::mpsc;

fn block_comment_after_code() {
    let (tx, _) = mpsc::channel::<u32>(); /* leaklint:allow(receiver_dropped) */
    let _ = tx.send(1);
}

fn spaced_block_comment_on_the_line_above() {
    /* leaklint: allow(receiver_dropped) -- the values are not needed */
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn block_comment_before_the_code() {
    /* leaklint:allow(receiver_dropped) */ let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn typo_in_allow() {
    // leaklint: alow(receiver_dropped)
    //~^ WARN unused_suppression
    let (tx, _) = mpsc::channel::<u32>(); //~ WARN receiver_dropped
    let _ = tx.send(1);
}

fn no_parentheses() {
    let (tx, _) = mpsc::channel::<u32>(); /* leaklint:allow receiver_dropped */
    //~^ WARN receiver_dropped
    //~^^ WARN unused_suppression
    let _ = tx.send(1);
}

// Near misses: prose that mentions leaklint is no suppression, and is not reported.
// leaklint: the linter we run in CI
/* see the leaklint:allow(..) comments above */
fn prose() {}
