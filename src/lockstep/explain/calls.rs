//! Calls, as each side saw them, and the first where the sides part. The compiler reports its
//! calls itself (its call tracing); the reference's are read off its steps: a call entered
//! by `call_ref-func`, left by `frame-vals` or `return-frame`, or ended by `trap-frame`.

use super::replay::Replay;
use super::show;
use crate::exec::modules::code_of;
use crate::exec::runtime::Store;
use crate::exec::trace::TraceStep;
use crate::jit::Traced;
use crate::lockstep::Referee;
use crate::rules;
use crate::runtime::{Ref, Val};
use crate::syntax::{ExternIdx, Module};

/// A call as one side saw it: the function (the reference's address), its arguments, and
/// its results if it returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Enter(u32, Vec<Val>),
    Exit(u32, Vec<Val>),
}

impl Event {
    /// The same event on both sides. A trace shows at most [`crate::exec::trace::SHOWN`]
    /// values a step, so the reference's list may be the tail of the compiler's.
    fn agrees(&self, other: &Event) -> bool {
        let tail = |a: &[Val], b: &[Val]| a.len() <= b.len() && b[b.len() - a.len()..] == *a;
        match (self, other) {
            (Event::Enter(f, a), Event::Enter(g, b)) | (Event::Exit(f, a), Event::Exit(g, b)) => {
                f == g && tail(a, b)
            }
            _ => false,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Event::Enter(g, args) => format!("calls function (store address {g}) with {}", show(args)),
            Event::Exit(_, results) => format!("returns {}", show(results)),
        }
    }
}

/// The first call the engines disagree on.
#[derive(Clone, Debug)]
pub struct Call {
    /// The function's index in its module, and its export name if it has one.
    pub func: u32,
    pub name: Option<String>,
    pub args: Vec<Val>,
    /// What each side saw next in this call: its exit with results, a call it made, or
    /// nothing (a trap ended it). Both nothing where every call and return agreed: the
    /// difference is in the store, or both trapped in this call.
    pub reference: Option<Event>,
    pub compiler: Option<Event>,
}

/// The reference's calls, read off its steps as they come.
pub(super) struct ReferenceCalls {
    /// Each function's number of parameters and of results, by store address.
    arity: Vec<(usize, usize)>,
    /// The calls entered and not yet left, innermost last.
    open: Vec<u32>,
    /// Each call event, with the number of the step it happened at.
    pub events: Vec<(Event, u64)>,
}

impl ReferenceCalls {
    pub fn new(store: &Store) -> ReferenceCalls {
        let arity = store.funcs.iter().map(|f| (f.ty.params.len(), f.ty.results.len())).collect();
        ReferenceCalls { arity, open: Vec::new(), events: Vec::new() }
    }

    /// Record the call `step` enters or leaves, if any; the number of calls open at the step
    /// (the one it enters counted, the one it leaves too).
    pub fn observe(&mut self, step: &TraceStep) -> usize {
        if step.rule == rules::STEP_READ__CALL_REF_FUNC {
            if let Some(Val::Ref(Ref::Func(g))) = step.consumed.last() {
                let n = self.arity[*g as usize].0.min(step.consumed.len() - 1);
                let args = step.consumed[step.consumed.len() - 1 - n..step.consumed.len() - 1].to_vec();
                self.open.push(*g);
                self.events.push((Event::Enter(*g, args), step.step));
            }
        }
        let open = self.open.len();
        if step.rule == rules::STEP_PURE__FRAME_VALS || step.rule == rules::STEP_PURE__RETURN_FRAME {
            if let Some(g) = self.open.pop() {
                let n = self.arity[g as usize].1.min(step.produced.len());
                self.events
                    .push((Event::Exit(g, step.produced[step.produced.len() - n..].to_vec()), step.step));
            }
        }
        if step.rule == rules::STEP_PURE__TRAP_FRAME {
            self.open.pop();
        }
        open
    }
}

/// The compiler's calls, with its functions and values named as the reference names them.
pub(super) fn compiler_calls(r: &Referee, traced: Vec<(Traced, u32, Vec<Val>)>) -> Vec<Event> {
    traced
        .into_iter()
        .map(|(kind, func, vals)| {
            let func = r.funcs.of_compiler(func).unwrap_or(u32::MAX);
            let vals = vals.into_iter().map(|v| reference_val(r, v)).collect();
            if kind == Traced::Enter { Event::Enter(func, vals) } else { Event::Exit(func, vals) }
        })
        .collect()
}

/// A value of the compiler's, as the reference names it.
pub(super) fn reference_val(r: &Referee, v: Val) -> Val {
    match v {
        Val::Ref(Ref::Func(b)) => Val::Ref(Ref::Func(r.funcs.of_compiler(b).unwrap_or(b))),
        v => v,
    }
}

/// Where the first diverging call ran among the reference's steps: those numbered
/// `from..=until`, and the number of calls open in its own steps.
pub(super) struct Span {
    pub from: u64,
    pub until: u64,
    pub depth: usize,
}

/// The first call the sides disagree on in `replay` (of the invocation with `args` of a
/// function of `module`), and where it ran: the call open at the first event where the two
/// sides part, or the invocation itself; where no event differs, the innermost call open at
/// the end (the one both trapped in), or the invocation.
pub(super) fn first_diverging(replay: &Replay, module: &Module, args: &[Val]) -> (Call, Span) {
    let (ours, theirs) = (&replay.reference.calls, &replay.compiler.calls);
    // Where every event agrees (both trapped in the same call, or the difference is in the
    // store), the call is the innermost one open at the end, to the end.
    let i = parting(ours, theirs);
    let stack = open_before(&ours[..i.unwrap_or(ours.len()).min(ours.len())]);
    let (g, args, from) = match stack.last() {
        Some(top) => top.clone(),
        None => (replay.func, args.to_vec(), 0),
    };
    let until = i.and_then(|i| ours.get(i)).map_or(u64::MAX, |e| e.1);
    let code = code_of(&replay.referee.reference.store, g);
    let call = Call {
        func: code.as_ref().map_or(g, |c| c.func),
        name: module.exports.iter().find_map(|e| match (e.desc, &code) {
            (ExternIdx::Func(x), Some(c)) if x == c.func => Some(e.name.clone()),
            _ => None,
        }),
        args,
        reference: i.and_then(|i| ours.get(i)).map(|e| e.0.clone()),
        compiler: i.and_then(|i| theirs.get(i)).cloned(),
    };
    (call, Span { from, until, depth: stack.len().max(1) })
}

/// The index of the first event where the two sides part, if they do.
fn parting(ours: &[(Event, u64)], theirs: &[Event]) -> Option<usize> {
    (0..ours.len().max(theirs.len()))
        .find(|&i| !matches!((ours.get(i), theirs.get(i)), (Some((e, _)), Some(f)) if e.agrees(f)))
}

/// The calls still open after `events`: each function, its arguments, and the step it was
/// entered at, innermost last.
fn open_before(events: &[(Event, u64)]) -> Vec<(u32, Vec<Val>, u64)> {
    let mut stack = Vec::new();
    for (e, step) in events {
        match e {
            Event::Enter(g, args) => stack.push((*g, args.clone(), *step)),
            Event::Exit(..) => {
                stack.pop();
            }
        }
    }
    stack
}
