//! The case run again: instantiated, the invocations before the diverging one made as the
//! referee made them, then the diverging one on each side apart: the compiler with its calls
//! traced, the reference step by step.

use super::calls::{self, Event, ReferenceCalls};
use crate::exec::machine::Outcome;
use crate::exec::trace::{TraceStep, trace};
use crate::lockstep::case::Case;
use crate::lockstep::differential::referee;
use crate::lockstep::{Referee, StoreDiff};
use crate::runtime::{Engine, Error, ExternVal, Val};

/// The diverging invocation as each side ran it.
pub(super) struct Replay {
    /// The referee after it: its reference's store holds the functions the calls name.
    pub referee: Referee,
    /// The invoked function, as the reference's store names it.
    pub func: u32,
    pub reference: ReferenceRun,
    pub compiler: CompilerRun,
    /// The invocations made before the diverging one.
    pub prior: Vec<(String, Vec<Val>)>,
    /// Where the stores differ after the diverging invocation.
    pub store: Vec<StoreDiff>,
}

/// The reference's run: its outcome, its calls with the step each happened at, and every
/// step with the number of calls open at it.
pub(super) struct ReferenceRun {
    pub outcome: Result<Option<Outcome>, String>,
    pub calls: Vec<(Event, u64)>,
    pub steps: Vec<(TraceStep, usize)>,
}

/// The compiler's run: its outcome and its calls.
pub(super) struct CompilerRun {
    pub outcome: Result<Vec<Val>, Error>,
    pub calls: Vec<Event>,
}

/// Replay `case` up to the invocation of `name` with `args`, and run that on each side.
/// `None`: the module did not instantiate, or exports no such function.
pub(super) fn replay(case: &Case, name: &str, args: &[Val]) -> Option<Replay> {
    let mut r = referee();
    r.jit.trace_calls(true);
    let inst = r.instantiate(&case.module, &[]).ok()?;
    let mut prior = Vec::new();
    for (n, a) in &case.invocations {
        if n == name && a == args {
            break;
        }
        if let Some(ExternVal::Func(f)) = r.export(inst, n) {
            let _ = r.invoke(f, a);
            prior.push((n.clone(), a.clone()));
        }
    }
    let Some(ExternVal::Func(f)) = r.export(inst, name) else { return None };
    let (a, b) = r.funcs.get(f);
    let compiler = run_compiler(&mut r, b, args);
    let reference = run_reference(&mut r, a, args);
    let store = r.store_differences();
    Some(Replay { referee: r, func: a, reference, compiler, prior, store })
}

/// The compiler's side: its outcome and its calls, named as the reference names them.
fn run_compiler(r: &mut Referee, b: u32, args: &[Val]) -> CompilerRun {
    let jit_args: Vec<Val> = args.iter().map(|v| r.sides(*v).1).collect();
    r.jit.take_calls();
    let outcome = r.jit.invoke(b, &jit_args);
    let traced = r.jit.take_calls();
    CompilerRun { outcome, calls: calls::compiler_calls(r, traced) }
}

/// The reference's side, step by step.
fn run_reference(r: &mut Referee, a: u32, args: &[Val]) -> ReferenceRun {
    let mut calls = ReferenceCalls::new(&r.reference.store);
    let mut steps = Vec::new();
    let config = r.reference.config;
    let outcome = trace(&mut r.reference.store, config, a, args, |step| {
        let open = calls.observe(step);
        steps.push((step.clone(), open));
        true
    });
    ReferenceRun { outcome, calls: calls.events, steps }
}
