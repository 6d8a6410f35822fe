//! Calls and method calls: spawns, channel constructors, timeouts, leakers and drops.

use syn::visit::Visit;
use syn::Expr;

use super::syntax::*;
use super::{Position, SpawnCall, Walker, CONSUMING, INSPECTING, PUSH_METHODS};
use crate::model::catalog::{self, EndpointOp};
use crate::model::channels::Slot;
use crate::model::flow::*;
use crate::model::tasks::CancelKind;

impl<'f> Walker<'f> {
    /// `recv.method(args)`: endpoint operations, method spawns, timeouts, pushes into collections.
    pub(super) fn walk_method_call(&mut self, m: &syn::ExprMethodCall, role: Position) {
        let method = m.method.to_string();
        let call = self.span_of(m);
        let inspected = std::mem::take(&mut self.inspected);
        let awaited = std::mem::take(&mut self.awaited);
        // `tx.send(x).is_err()`: the inner call's result is inspected.
        if INSPECTING.contains(&method.as_str()) {
            self.inspected = true;
        }
        // `rx.iter().sum()`: receives until every sender is gone.
        if CONSUMING.contains(&method.as_str()) {
            if let Some(rx) = self.recv_loop_receiver(&m.receiver, false) {
                if matches!(
                    catalog::endpoint_op(first_method(&m.receiver).unwrap_or("")),
                    EndpointOp::IntoIter
                ) {
                    self.add_recv_loop(rx, call, call, None, None);
                }
            }
        }
        self.note_stop_check(&method, &m.receiver, call);
        if self.catalog.is_spawn_method(&method) {
            if let Some((on_drop, thread)) = self.method_spawn_kind(&m.receiver, &method) {
                let callee = format!("{}.{method}", receiver_name(&m.receiver));
                let callee_span = self.span(m.method.span());
                let how = SpawnCall {
                    callee,
                    callee_span,
                    call,
                    on_drop,
                    thread,
                };
                let at = work_arg_index(&m.args).unwrap_or(0);
                self.record_work(how, m.args.iter().nth(at), at, &role, false);
                self.note_pool_join(&m.receiver, call);
            }
        }
        if method == "build" {
            self.note_http_client_build(&m.receiver, call);
        }
        self.note_timed_chain(&method, &m.receiver);
        if matches!(strip_parens(&m.receiver), Expr::MethodCall(_))
            && !INSPECTING.contains(&method.as_str())
        {
            self.inspected = false;
        }
        // `x.unwrap()`, `x.expect(..)` pass the value on: the receiver is used as the
        // whole call is.
        let receiver_role = if matches!(method.as_str(), "unwrap" | "expect")
            && !matches!(strip_parens(&m.receiver), Expr::Path(_))
        {
            role
        } else {
            let handed = match &role {
                Position::CallArg(_, Some(written), arg) if method == "clone" => {
                    Some((written.clone(), *arg))
                }
                _ => None,
            };
            Position::Receiver {
                method: method.clone(),
                call,
                inspected,
                awaited,
                handed,
            }
        };
        let timeout = matches!(method.as_str(), "timeout" | "timeout_at");
        if timeout {
            self.record_cancellable(CancelKind::Timeout, &m.receiver, call);
        }
        self.in_timeout += timeout as usize;
        self.visit_with(&m.receiver, receiver_role);
        self.in_timeout -= timeout as usize;
        self.inspected = false;
        let into = self.binding_of(&m.receiver);
        for (i, arg) in m.args.iter().enumerate() {
            let role = if PUSH_METHODS.contains(&method.as_str()) {
                Position::Pushed(into)
            } else {
                Position::CallArg(None, None, i)
            };
            self.visit_with(arg, role);
        }
    }

    /// `f(args)`: channel constructors, spawns (catalogued or inferred wrappers), leakers, drops, timeouts.
    pub(super) fn walk_call(&mut self, c: &syn::ExprCall, role: Position) {
        let awaited = std::mem::take(&mut self.awaited);
        let callee = match &*c.func {
            Expr::Path(p) if p.qself.is_none() => self.resolver.resolve(&p.path),
            _ => None,
        };
        let call = self.span_of(c);
        // A constructor outside `let (tx, rx) = ..`: a channel whose endpoints are not
        // followed (still seen by lints about the constructor itself).
        if self.let_ctor != Some(call) {
            if let Some(ctor) = callee.as_deref().and_then(|p| self.catalog.channel_ctor(p)) {
                self.record_channel(ctor, call, Slot::Unbound, Slot::Unbound);
            }
        }
        self.let_ctor = None;
        if let Some(leaker) = callee.as_deref().and_then(catalog::leaker) {
            self.record_leak(leaker, call, c.args.first());
        }
        if let Some(spawn) = callee.as_deref().and_then(|p| self.catalog.spawn_fn(p)) {
            let written = expr_path_text(&c.func);
            let callee_span = self.span_of(&c.func);
            let how = SpawnCall {
                callee: written,
                callee_span,
                call,
                on_drop: spawn.on_drop,
                thread: spawn.thread,
            };
            // The work: the first closure or async block (a declared helper such as
            // `spawn_named(name, || ..)`), else the first argument.
            let at = work_arg_index(&c.args)
                .or_else(|| self.fn_arg_index(None, &c.args))
                .unwrap_or(0);
            self.record_work(how, c.args.iter().nth(at), at, &role, false);
        } else if let Some(at) = work_arg_index(&c.args)
            .or_else(|| self.param_arg_index(&c.args))
            .or_else(|| self.fn_arg_index(callee.as_deref(), &c.args))
        {
            let how = SpawnCall {
                callee: expr_path_text(&c.func),
                callee_span: self.span_of(&c.func),
                call,
                on_drop: catalog::OnDrop::Detach,
                thread: false,
            };
            self.record_work(how, c.args.iter().nth(at), at, &role, true);
        }
        if matches!(
            callee.as_deref(),
            Some("std::process::exit" | "std::process::abort")
        ) {
            self.record_exit(Exit::Return(call), None);
        }
        let timeout = callee.as_deref().is_some_and(catalog::is_timeout_fn);
        if let Some(path) = callee
            .as_deref()
            .filter(|p| self.catalog.is_call_of_interest(p))
            .filter(|_| !self.timed_roots.contains(&call))
        {
            let ctx = self.ctx;
            let in_timeout = self.in_timeout > 0;
            if let Some(body) = self.body_mut() {
                body.calls.push(CallSite {
                    path: path.to_string(),
                    span: call,
                    ctx,
                    awaited,
                    in_timeout,
                });
            }
        }
        self.visit_expr(&c.func);
        let arg_role = match callee.as_deref() {
            Some(p) if catalog::is_drop_fn(p) => Position::Drop(call),
            Some(p) => match catalog::leaker(p) {
                Some(leaker) => Position::Leak(leaker, call),
                // Wrapping a value (`Some(x)`, `Box::new(x)`, `Arc::new(x)`) keeps the
                // role of the wrapper.
                None if is_wrapper(p) => role.clone(),
                None => Position::CallArg(callee.clone(), self.written_path(&c.func), 0),
            },
            None if is_wrapper_name(&c.func) => role.clone(),
            None => Position::CallArg(None, self.written_path(&c.func), 0),
        };
        if let (Some(future), true) = (c.args.last(), timeout && c.args.len() == 2) {
            self.record_cancellable(CancelKind::Timeout, future, call);
        }
        self.in_timeout += timeout as usize;
        // A wrapper (`Some(x)`) passes its own role on; a call's own arguments are counted.
        let own_args = match callee.as_deref() {
            Some(p) => !is_wrapper(p),
            None => !is_wrapper_name(&c.func),
        };
        for (i, arg) in c.args.iter().enumerate() {
            let role = match &arg_role {
                Position::CallArg(callee, written, _) if own_args => {
                    Position::CallArg(callee.clone(), written.clone(), i)
                }
                other => other.clone(),
            };
            self.visit_with(arg, role);
        }
        self.in_timeout -= timeout as usize;
    }
}

impl Walker<'_> {
    /// The path a call names as written (`helper`, `Self::new`, `crate::a::f`), for the
    /// crate index to resolve; `None` for a call of anything but a plain path, or of a
    /// local binding (a closure).
    fn written_path(&self, func: &Expr) -> Option<String> {
        match strip_parens(func) {
            Expr::Path(p) if p.qself.is_none() => {
                let local = p
                    .path
                    .get_ident()
                    .is_some_and(|i| self.lookup_ident(i).is_some());
                (!local).then(|| path_text(&p.path))
            }
            _ => None,
        }
    }
}
