//@ lints: receiver_dropped, recv_without_sender
// Every suppression form silences the finding it covers; none of these lines may report
// `receiver_dropped`, and only the suppressions marked UNUSED below are reported.
use std::sync::mpsc;

fn same_line() {
    let (tx, _) = mpsc::channel::<u32>(); // leaklint:allow(receiver_dropped)
    let _ = tx.send(1);
}

fn line_above_with_space_dash_and_reason() {
    // leaklint: allow(receiver-dropped) -- the values are not needed here
    let (tx, _) =
        mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn line_above_covers_the_whole_statement() {
    // leaklint:allow(receiver_dropped)
    let pair = {
        let (tx, _) = mpsc::channel::<u32>();
        let _ = tx.send(1);
        tx
    };
    drop(pair);
}

#[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
fn attribute_on_a_function() {
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

struct S;

#[cfg_attr(leaklint, allow(leaklint::suspicious))]
impl S {
    fn attribute_on_an_impl_with_a_group(&self) {
        let (tx, _) = mpsc::channel::<u32>();
        let _ = tx.send(1);
    }
}

fn attribute_on_a_statement() {
    #[cfg_attr(leaklint, allow(leaklint::receiver_dropped))]
    let (tx, _) = mpsc::channel::<u32>();
    let _ = tx.send(1);
}

fn unused_ones() {
    // leaklint:allow(receiver_dropped) -- UNUSED: nothing to silence on the next line //~ WARN unused_suppression
    let x = 1;
    let y = x + 1; // leaklint:allow(no_such_lint) -- UNUSED: unknown lint //~ WARN unused_suppression
    println!("{y}");
}

#[cfg_attr(leaklint, allow(leaklint::recv_without_sender))] // UNUSED //~ WARN unused_suppression
fn unused_attribute() {}
