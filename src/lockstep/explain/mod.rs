//! Explaining a divergence, in four steps, each in its own file:
//!
//! 1. `replay.rs`: replay the case up to the invocation where the engines parted, and run
//!    that invocation again on each side, the compiler with its calls traced, the reference
//!    step by step;
//! 2. `calls.rs`: read each side's calls (each function's entry with its arguments, its exit
//!    with its results) and find the first call where they differ;
//! 3. `rank.rs`: take the reference's rule steps of that call, and rank the rules at issue;
//! 4. here: put it together with what each side observed.
//!
//! `lockstep diff` prints an [`Explanation`]; `lockstep report` writes it up.

mod calls;
mod rank;
mod replay;

pub use calls::{Call, Event};

use super::case::Case;
use super::differential::Finding;
use crate::exec::machine::Outcome;
use crate::exec::trace::TraceStep;
use crate::rules::Rule;
use crate::runtime::{Error, Val};

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

/// Explain a finding of [`super::differential::differential`] on the same case.
pub fn explain(case: &Case, finding: &Finding) -> Explanation {
    // At instantiation the finding itself says what differs; there is no call to trace.
    let Some((name, args)) = &finding.invocation else { return unexplained(finding) };
    let Some(replay) = replay::replay(case, name, args) else { return unexplained(finding) };
    let (reference, reference_trap) = reference_outcome(&replay.reference.outcome);
    let (compiler, compiler_trap) = compiler_outcome(&replay.compiler.outcome);
    let (call, span) = calls::first_diverging(&replay, &case.module, args);
    let window = rank::window(replay.reference.steps, &span);
    let traps = reference_trap.into_iter().chain(compiler_trap).collect();
    Explanation {
        finding: finding.clone(),
        reference,
        compiler,
        call: Some(call),
        rules: rank::rules_at_issue(traps, &window, span.depth),
        steps: rank::last(window, STEPS),
    }
}

/// The explanation of a finding with no call to trace: the finding alone.
fn unexplained(finding: &Finding) -> Explanation {
    Explanation {
        finding: finding.clone(),
        reference: String::new(),
        compiler: String::new(),
        call: None,
        steps: Vec::new(),
        rules: Vec::new(),
    }
}

/// What the reference observed, and the rule of its trap if it trapped.
fn reference_outcome(outcome: &Result<Option<Outcome>, String>) -> (String, Option<Rule>) {
    match outcome {
        Ok(Some(Outcome::Values(vs))) => (show(vs), None),
        Ok(Some(Outcome::Trap(t))) => (format!("trap \"{}\" [{}]", t.message, t.rule.id()), Some(t.rule)),
        Ok(Some(Outcome::Limit(l))) => (format!("{l:?} limit reached"), None),
        Ok(None) => ("stopped".into(), None),
        Err(e) => (e.clone(), None),
    }
}

/// What the compiler observed, and the rule of its trap if it trapped with one.
fn compiler_outcome(outcome: &Result<Vec<Val>, Error>) -> (String, Option<Rule>) {
    match outcome {
        Ok(vs) => (show(vs), None),
        Err(Error::Trap { message, rule }) => {
            (format!("trap \"{message}\"{}", rule.map_or(String::new(), |r| format!(" [{}]", r.id()))), *rule)
        }
        Err(e) => (format!("{e:?}"), None),
    }
}

pub fn show(vs: &[Val]) -> String {
    format!("[{}]", vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "))
}
