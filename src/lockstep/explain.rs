//! Explaining a divergence: replay the case up to the invocation where the engines parted,
//! run that invocation again with the calls traced on both sides (each function's entry with
//! its arguments, its exit with its results), find the first call where they differ, and
//! take the reference's rule steps of that call. `lockstep diff` prints this; `lockstep
//! report` writes it up.

use super::fuzz::{Case, Finding, referee};
use crate::exec::machine::Outcome;
use crate::exec::trace::{TraceStep, trace};
use crate::jit::Traced;
use crate::rules::{self, Rule};
use crate::runtime::{Engine, Error, ExternVal, Ref, Val};

/// A call as one side saw it: the function (the reference's address), its arguments, and
/// its results if it returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Enter(u32, Vec<Val>),
    Exit(u32, Vec<Val>),
}

/// The first call the engines disagree on.
#[derive(Clone, Debug)]
pub struct Call {
    /// The function's index in its module, and its export name if it has one.
    pub func: u32,
    pub name: Option<String>,
    pub args: Vec<Val>,
    /// What each side saw next in this call: its exit with results, a call it made, or
    /// nothing (a trap ended it).
    pub reference: Option<Event>,
    pub compiler: Option<Event>,
}

/// What a report says about a divergence.
pub struct Explanation {
    pub finding: Finding,
    /// Each side's outcome of the diverging invocation (empty for an instantiation).
    pub reference: String,
    pub compiler: String,
    /// The first diverging call, when the divergence was in an invocation.
    pub call: Option<Call>,
    /// The reference's steps in that call (its own and its callees'), the last of them.
    pub steps: Vec<TraceStep>,
    /// The rules at issue: the trap's rule on either side, then those the call applied in
    /// its own steps, most recent first.
    pub rules: Vec<Rule>,
}

/// How many of the reference's steps an explanation keeps.
pub const STEPS: usize = 60;

/// Explain a finding of [`super::fuzz::differential`] on the same case.
pub fn explain(case: &Case, finding: &Finding) -> Explanation {
    let mut explanation = Explanation {
        finding: finding.clone(),
        reference: String::new(),
        compiler: String::new(),
        call: None,
        steps: Vec::new(),
        rules: Vec::new(),
    };
    // At instantiation the finding itself says what differs; there is no call to trace.
    let Some((name, args)) = &finding.invocation else { return explanation };
    let mut r = referee();
    r.jit.trace_calls(true);
    let Ok(inst) = r.instantiate(&case.module, &[]) else { return explanation };
    for (n, a) in &case.invocations {
        if n == name && a == args {
            break;
        }
        if let Some(ExternVal::Func(f)) = r.export(inst, n) {
            let _ = r.invoke(f, a);
        }
    }
    let Some(ExternVal::Func(f)) = r.export(inst, name) else { return explanation };
    let (a, b) = r.funcs.get(f);
    let jit_args: Vec<Val> = args.iter().map(|v| r.sides(*v).1).collect();

    // The compiler's side: its outcome and its calls, named as the reference names them.
    r.jit.take_calls();
    let compiled = r.jit.invoke(b, &jit_args);
    let theirs: Vec<Event> = r
        .jit
        .take_calls()
        .into_iter()
        .map(|(kind, func, vals)| {
            let func = r.funcs.of_compiler(func).unwrap_or(u32::MAX);
            let vals = vals.into_iter().map(|v| reference_val(&r, v)).collect();
            if kind == Traced::Enter { Event::Enter(func, vals) } else { Event::Exit(func, vals) }
        })
        .collect();

    // The reference's side, step by step.
    let params: Vec<(usize, usize)> =
        r.reference.store.funcs.iter().map(|f| (f.ty.params.len(), f.ty.results.len())).collect();
    let mut ours: Vec<(Event, u64)> = Vec::new();
    let mut steps: Vec<(TraceStep, usize)> = Vec::new();
    let mut open: Vec<u32> = Vec::new();
    let config = r.reference.config;
    let outcome = trace(&mut r.reference.store, config, a, args, |step| {
        if step.rule == rules::STEP_READ__CALL_REF_FUNC {
            if let Some(Val::Ref(Ref::Func(g))) = step.consumed.last() {
                let n = params[*g as usize].0.min(step.consumed.len() - 1);
                let args = step.consumed[step.consumed.len() - 1 - n..step.consumed.len() - 1].to_vec();
                open.push(*g);
                ours.push((Event::Enter(*g, args), step.step));
            }
        }
        steps.push((step.clone(), open.len()));
        if step.rule == rules::STEP_PURE__FRAME_VALS || step.rule == rules::STEP_PURE__RETURN_FRAME {
            if let Some(g) = open.pop() {
                let n = params[g as usize].1.min(step.produced.len());
                ours.push((Event::Exit(g, step.produced[step.produced.len() - n..].to_vec()), step.step));
            }
        }
        if step.rule == rules::STEP_PURE__TRAP_FRAME {
            open.pop();
        }
        true
    });
    explanation.reference = match &outcome {
        Ok(Some(Outcome::Values(vs))) => show(vs),
        Ok(Some(Outcome::Trap(t))) => {
            explanation.rules.push(t.rule);
            format!("trap \"{}\" [{}]", t.message, t.rule.id())
        }
        Ok(Some(Outcome::Limit(l))) => format!("{l:?} limit reached"),
        Ok(None) => "stopped".into(),
        Err(e) => e.clone(),
    };
    explanation.compiler = match &compiled {
        Ok(vs) => show(vs),
        Err(Error::Trap { message, rule }) => {
            explanation.rules.extend(rule.iter().copied());
            format!("trap \"{message}\"{}", rule.map_or(String::new(), |r| format!(" [{}]", r.id())))
        }
        Err(e) => format!("{e:?}"),
    };

    // The first event where the two sides part, and the call open there.
    let i = (0..ours.len().max(theirs.len()))
        .find(|&i| !matches!((ours.get(i), theirs.get(i)), (Some((e, _)), Some(f)) if e.agrees(f)))
        .unwrap_or(ours.len().saturating_sub(1));
    let mut stack: Vec<(u32, Vec<Val>, u64)> = Vec::new();
    for (e, step) in &ours[..i.min(ours.len())] {
        match e {
            Event::Enter(g, args) => stack.push((*g, args.clone(), *step)),
            Event::Exit(..) => {
                stack.pop();
            }
        }
    }
    let exiting = matches!(ours.get(i), Some((Event::Exit(..), _)));
    let (g, args, from) = match (exiting, stack.last()) {
        (_, Some(top)) => top.clone(),
        (_, None) => (a, args.clone(), 0),
    };
    let until = ours.get(i).map_or(u64::MAX, |e| e.1);
    let depth = stack.len().max(1);
    let code = crate::exec::modules::code_of(&r.reference.store, g);
    explanation.call = Some(Call {
        func: code.as_ref().map_or(g, |c| c.func),
        name: case.module.exports.iter().find_map(|e| match (e.desc, &code) {
            (crate::syntax::ExternIdx::Func(x), Some(c)) if x == c.func => Some(e.name.clone()),
            _ => None,
        }),
        args,
        reference: ours.get(i).map(|e| e.0.clone()),
        compiler: theirs.get(i).cloned(),
    });
    let window: Vec<(TraceStep, usize)> =
        steps.into_iter().filter(|(s, _)| s.step >= from && s.step <= until).collect();
    let traps = explanation.rules.len();
    for (s, d) in window.iter().rev() {
        if *d == depth && !explanation.rules.contains(&s.rule) {
            explanation.rules.push(s.rule);
        }
    }
    // After the traps' rules, those that compute before those that move values and control.
    explanation.rules[traps..].sort_by_key(|r| plumbing(*r));
    let skip = window.len().saturating_sub(STEPS);
    explanation.steps = window.into_iter().skip(skip).map(|(s, _)| s).collect();
    explanation
}

/// Whether a rule only moves values or control (locals, labels, frames, calls), so that a
/// wrong result is less likely its doing than an operator's.
fn plumbing(r: Rule) -> bool {
    let id = r.id();
    [
        "local.",
        "global.get",
        "global.set",
        "label-vals",
        "frame-vals",
        "call_ref-func",
        "/call",
        "/block",
        "/loop",
        "/br-",
        "/br_if-",
        "/drop",
        "/nop",
        "/return-",
        "/trap-",
        "/const",
    ]
    .iter()
    .any(|p| id.contains(p))
}

/// A value of the compiler's, as the reference names it.
fn reference_val(r: &super::Referee, v: Val) -> Val {
    match v {
        Val::Ref(Ref::Func(b)) => Val::Ref(Ref::Func(r.funcs.of_compiler(b).unwrap_or(b))),
        v => v,
    }
}

pub fn show(vs: &[Val]) -> String {
    format!("[{}]", vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "))
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
