//! Per-parameter effect summaries: what a function may do with the value of each of its
//! parameters (sends on it, receives from it, drops, stores, spawns, returns, cancels it,
//! passes it on to another function of the crate, or something leaklint cannot follow).
//!
//! Two steps. [`ParamEffects::of_body`] reads one body's def-use facts (the parameter's
//! binding, the bindings it moves or is cloned into, and their uses), per file in parallel.
//! [`resolve`] then follows the pass-on edges over the crate's call graph, bottom-up to a
//! fixpoint (a union of finite sets: it ends, also on recursion). A pass-on edge whose
//! callee the crate index cannot resolve makes the parameter [`Effects::UNKNOWN`].

use super::HashMap;
use std::fmt;

use super::catalog::{value_method, EndpointOp, ValueMethod};
use super::flow::{BindingId, Body, LoopKind, Use, UseKind};
use super::index::{CrateIndex, FnRef};

/// A set of effects on one parameter's value (a small bit set).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Effects(u16);

impl Effects {
    pub const NONE: Effects = Effects(0);
    /// Sends on it (an endpoint).
    pub const SENDS: Effects = Effects(1);
    /// Receives from it in a loop, or iterates it until every sender is gone.
    pub const RECV_LOOP: Effects = Effects(1 << 1);
    /// Receives from it (or awaits it) a bounded number of times.
    pub const RECV_BOUNDED: Effects = Effects(1 << 2);
    /// Drops or closes it: `drop(p)`, `p.close()`, or the end of the function's scope.
    pub const DROPS: Effects = Effects(1 << 3);
    /// Stores it into a struct value the function builds (`Self { tx, .. }`).
    pub const STORES_STRUCT: Effects = Effects(1 << 4);
    /// Stores it into a field of `self` (`self.tx = tx`).
    pub const STORES_SELF: Effects = Effects(1 << 5);
    /// Keeps it elsewhere: a collection, a leak (`mem::forget`, `Box::leak`).
    pub const STORES_ELSEWHERE: Effects = Effects(1 << 6);
    /// Moves it into spawned work (a thread or task).
    pub const SPAWNS: Effects = Effects(1 << 7);
    /// Returns it.
    pub const RETURNS: Effects = Effects(1 << 8);
    /// Cancels it (a cancellation token: `cancel()`, `drop_guard()`).
    pub const CANCELS: Effects = Effects(1 << 9);
    /// Passes it on to another function of the crate (whose effects are included once
    /// resolved).
    pub const PASSES: Effects = Effects(1 << 10);
    /// Does something leaklint cannot follow: hands it to an unknown function, a method it
    /// does not know, a closure that is not spawned, a macro it cannot read, a borrow.
    pub const UNKNOWN: Effects = Effects(1 << 11);

    /// Any of the three stores.
    pub const STORES: Effects =
        Effects(Effects::STORES_STRUCT.0 | Effects::STORES_SELF.0 | Effects::STORES_ELSEWHERE.0);
    /// Everything after which the value (or a clone of it) may outlive the call.
    pub const KEEPS: Effects =
        Effects(Effects::STORES.0 | Effects::SPAWNS.0 | Effects::RETURNS.0 | Effects::UNKNOWN.0);

    const NAMES: [(Effects, &'static str); 12] = [
        (Effects::SENDS, "sends"),
        (Effects::RECV_LOOP, "recv-loop"),
        (Effects::RECV_BOUNDED, "recv"),
        (Effects::DROPS, "drops"),
        (Effects::STORES_STRUCT, "stores-struct"),
        (Effects::STORES_SELF, "stores-self"),
        (Effects::STORES_ELSEWHERE, "stores-elsewhere"),
        (Effects::SPAWNS, "spawns"),
        (Effects::RETURNS, "returns"),
        (Effects::CANCELS, "cancels"),
        (Effects::PASSES, "passes"),
        (Effects::UNKNOWN, "unknown"),
    ];

    /// The effects of both sets.
    pub const fn union(self, other: Effects) -> Effects {
        Effects(self.0 | other.0)
    }

    /// The effects of `self` that are not in `other`.
    pub const fn without(self, other: Effects) -> Effects {
        Effects(self.0 & !other.0)
    }

    /// Whether every effect of `other` is in `self`.
    pub fn contains(self, other: Effects) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `self` and `other` share an effect.
    pub fn intersects(self, other: Effects) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for Effects {
    type Output = Effects;
    fn bitor(self, rhs: Effects) -> Effects {
        Effects(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Effects {
    fn bitor_assign(&mut self, rhs: Effects) {
        self.0 |= rhs.0;
    }
}

impl fmt::Display for Effects {
    /// The effects' names joined by `+` (`sends+drops`), or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Effects::NAMES
            .iter()
            .filter(|(e, _)| self.contains(*e))
            .map(|(_, n)| *n)
            .collect();
        if names.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&names.join("+"))
        }
    }
}

/// Where a parameter's value is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreSite {
    /// `self.field = p`.
    SelfField(String),
    /// `Type { field: p }` (`ty`: the struct's name as written, `Self` resolved, when known),
    /// or `value.field = p`.
    StructField { ty: Option<String>, field: String },
    /// `v.push(p)`, `map.insert(k, p)`.
    Collection,
    /// `mem::forget(p)`, `Box::leak(..)`.
    Leaked,
}

impl fmt::Display for StoreSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreSite::SelfField(field) => write!(f, "self.{field}"),
            StoreSite::StructField { ty, field } => {
                write!(f, "{}.{field}", ty.as_deref().unwrap_or("_"))
            }
            StoreSite::Collection => f.write_str("collection"),
            StoreSite::Leaked => f.write_str("leaked"),
        }
    }
}

/// A call that passes the parameter's value on to a function: the callee's path as the
/// body writes it (resolved through `use` items) and the argument's position (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassOn {
    pub callee: String,
    pub arg: usize,
}

/// The effects one function's own body has on one parameter, before any callee is
/// followed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamEffects {
    pub local: Effects,
    pub stored: Vec<StoreSite>,
    pub passed: Vec<PassOn>,
}

/// The local effect summaries of a function's parameters.
#[derive(Clone, Debug, Default)]
pub struct ParamSummaries {
    /// The function takes `self` (the first argument of a `Type::method(v, ..)` call).
    pub takes_self: bool,
    /// One per parameter, counted without `self` (as `FnItem::params`).
    pub params: Vec<ParamEffects>,
}

/// How many bindings a parameter's value is followed through (moves and clones).
const MAX_FOLLOWED: usize = 32;

impl ParamEffects {
    /// The local effects of each of `params` (names; `_` for patterns) in function body
    /// `body` (parameters are the first bindings of context 0 with their names). An `async
    /// fn` returns a future that holds its parameters until it completes or is dropped:
    /// they are [`Effects::RETURNS`] whatever the body does.
    pub fn of_body(body: &Body, params: &[String]) -> Vec<ParamEffects> {
        params
            .iter()
            .map(|p| {
                let mut out = ParamEffects::default();
                if body.is_async {
                    out.local |= Effects::RETURNS;
                }
                match body
                    .bindings
                    .iter()
                    .position(|b| b.ctx == 0 && &b.name == p)
                {
                    Some(b) => out.follow(body, b, &mut Vec::new()),
                    None => out.local |= Effects::UNKNOWN,
                }
                out
            })
            .collect()
    }

    /// Adds the effects of binding `b`'s uses, and of the bindings its value moves or is
    /// cloned into.
    fn follow(&mut self, body: &Body, b: BindingId, seen: &mut Vec<BindingId>) {
        if seen.contains(&b) {
            return;
        }
        if seen.len() >= MAX_FOLLOWED {
            self.local |= Effects::UNKNOWN;
            return;
        }
        seen.push(b);
        let binding = &body.bindings[b];
        let mut moved = false;
        for u in &binding.uses {
            if u.ctx != binding.ctx {
                moved |= u.kind.moves() || body.captured_by_move(u, binding.ctx);
                self.local |= if in_spawned_work(body, u) {
                    Effects::SPAWNS
                } else {
                    Effects::UNKNOWN
                };
                continue;
            }
            moved |= u.kind.moves();
            self.use_effect(body, b, u, seen);
        }
        if body.recv_loops.iter().any(|rl| rl.receiver == b) {
            self.local |= Effects::RECV_LOOP;
        }
        // `let t2 = tx.clone();`, `let child = token.child_token();`, `let t = tx;`.
        for (id, other) in body.bindings.iter().enumerate() {
            if other.from == Some(b) && same_value_or_derived(body, b, other) {
                self.follow(body, id, seen);
            }
        }
        if !moved {
            self.local |= Effects::DROPS;
        }
    }

    fn use_effect(&mut self, body: &Body, b: BindingId, u: &Use, seen: &mut Vec<BindingId>) {
        let e = match &u.kind {
            UseKind::Method {
                name, op, handed, ..
            } => return self.method_effect(body, b, u, (name, *op), handed),
            UseKind::Await => Effects::RECV_BOUNDED,
            UseKind::ForLoop => Effects::RECV_LOOP,
            UseKind::Drop { .. } => Effects::DROPS,
            UseKind::Leak { .. } => self.store(StoreSite::Leaked, Effects::STORES_ELSEWHERE),
            UseKind::MovedTo(to) => return self.follow(body, *to, seen),
            UseKind::CallArg {
                written: Some(callee),
                arg,
                ..
            } => self.pass(callee, *arg),
            UseKind::Returned => Effects::RETURNS,
            UseKind::StoredSelfField(field) => {
                self.store(StoreSite::SelfField(field.clone()), Effects::STORES_SELF)
            }
            UseKind::StoredStruct { ty, field } => self.store(
                StoreSite::StructField {
                    ty: ty.clone(),
                    field: field.clone(),
                },
                Effects::STORES_STRUCT,
            ),
            UseKind::Pushed { .. } => self.store(StoreSite::Collection, Effects::STORES_ELSEWHERE),
            UseKind::LetUnderscore => Effects::NONE,
            // A borrow may be cloned or cancelled through; a macro, a call leaklint cannot
            // resolve, any other by-value position: unknown.
            UseKind::CallArg { written: None, .. }
            | UseKind::Borrow
            | UseKind::BorrowMut
            | UseKind::Macro
            | UseKind::Other => Effects::UNKNOWN,
        };
        self.local |= e;
    }

    fn method_effect(
        &mut self,
        body: &Body,
        b: BindingId,
        u: &Use,
        (name, op): (&str, EndpointOp),
        handed: &Option<(String, usize)>,
    ) {
        let in_loop = || {
            body.loops_around(u.span)
                .any(|l| matches!(l.kind, LoopKind::Loop | LoopKind::While))
        };
        let e = match (op, value_method(name)) {
            (EndpointOp::Send, _) => Effects::SENDS,
            (EndpointOp::Recv, _) if in_loop() => Effects::RECV_LOOP,
            (EndpointOp::Recv | EndpointOp::RecvBounded | EndpointOp::IterBounded, _) => {
                Effects::RECV_BOUNDED
            }
            (EndpointOp::IntoIter, _) if name.starts_with("into_") => Effects::UNKNOWN,
            (EndpointOp::IntoIter, _) => Effects::RECV_LOOP,
            (EndpointOp::Close, _) => Effects::DROPS,
            (EndpointOp::Clone, _) | (_, Some(ValueMethod::Derives)) => {
                self.derived(body, b, u, handed)
            }
            (_, Some(ValueMethod::Cancels)) => Effects::CANCELS,
            (_, Some(ValueMethod::Reads)) => Effects::NONE,
            (_, None) => Effects::UNKNOWN,
        };
        self.local |= e;
    }

    /// A value made from the parameter (`p.clone()`, `p.child_token()`): bound by a `let`
    /// (followed through the binding, in [`ParamEffects::follow`]), handed to a path call (a
    /// pass-on), or anything else (unknown).
    fn derived(
        &mut self,
        body: &Body,
        b: BindingId,
        u: &Use,
        handed: &Option<(String, usize)>,
    ) -> Effects {
        let bound = body
            .bindings
            .iter()
            .any(|o| o.from == Some(b) && o.stmt.start <= u.span.start && u.span.end <= o.stmt.end);
        match handed {
            _ if bound => Effects::NONE,
            Some((callee, arg)) => self.pass(callee, *arg),
            None => Effects::UNKNOWN,
        }
    }

    fn store(&mut self, site: StoreSite, e: Effects) -> Effects {
        if !self.stored.contains(&site) {
            self.stored.push(site);
        }
        e
    }

    fn pass(&mut self, callee: &str, arg: usize) -> Effects {
        let p = PassOn {
            callee: callee.to_string(),
            arg,
        };
        if !self.passed.contains(&p) {
            self.passed.push(p);
        }
        Effects::PASSES
    }
}

/// Whether use `u` lies inside the work of one of the body's spawn calls.
/// Whether binding `other` (recorded as made from `b`) holds `b`'s value or one derived
/// from it (`let t = tx;`, `let t2 = tx.clone();`, `let child = token.child_token();`),
/// not a result computed from it (`let ok = tx.send(0).is_ok();`).
fn same_value_or_derived(body: &Body, b: BindingId, other: &super::flow::Binding) -> bool {
    body.bindings[b].uses.iter().any(|u| {
        let inside = other.stmt.start <= u.span.start && u.span.end <= other.stmt.end;
        inside
            && match &u.kind {
                UseKind::MovedTo(_) => true,
                UseKind::Method { name, op, .. } => {
                    *op == EndpointOp::Clone
                        || matches!(value_method(name), Some(ValueMethod::Derives))
                }
                _ => false,
            }
    })
}

fn in_spawned_work(body: &Body, u: &Use) -> bool {
    body.spawns
        .iter()
        .any(|s| s.work.is_some() && s.call.start <= u.span.start && u.span.end <= s.call.end)
}

/// The effects of every parameter of every function of `index`, with the pass-on edges
/// followed to a fixpoint: a parameter passed to `g` as argument `j` has `g`'s effects on
/// its parameter `j` too. An edge whose callee is not one function of the crate with that
/// parameter makes the parameter [`Effects::UNKNOWN`].
pub fn resolve(index: &CrateIndex) -> HashMap<FnRef, Vec<Effects>> {
    let mut effects: HashMap<FnRef, Vec<Effects>> = HashMap::default();
    // (caller, its parameter, callee, the callee's parameter)
    let mut edges: Vec<(FnRef, usize, FnRef, usize)> = Vec::new();
    for f in index.fns() {
        let item = index.item(f);
        let mut row = Vec::with_capacity(item.summary.params.params.len());
        for (i, p) in item.summary.params.params.iter().enumerate() {
            let mut e = p.local;
            for pass in &p.passed {
                match index.param_of_call(f.file, item.body, &pass.callee, pass.arg) {
                    Some((g, j)) => edges.push((f, i, g, j)),
                    None => e |= Effects::UNKNOWN,
                }
            }
            row.push(e);
        }
        effects.insert(f, row);
    }
    // Effects only grow and there are finitely many: this ends.
    let mut changed = true;
    while changed {
        changed = false;
        for &(f, i, g, j) in &edges {
            let add = effects[&g][j];
            let cur = &mut effects.get_mut(&f).expect("every fn has a row")[i];
            if !cur.contains(add) {
                *cur |= add;
                changed = true;
            }
        }
    }
    effects
}
