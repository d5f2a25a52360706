//! Explaining a divergence, in four steps, each in its own file:
//!
//! 1. `replay.rs`: replay the case up to the invocation where the engines parted, and run
//!    that invocation again on each side, the compiler with its calls traced, the reference
//!    step by step;
//! 2. `calls.rs`: read each side's calls (each function's entry with its arguments, its exit
//!    with its results) and find the first call where they differ;
//! 3. `issue.rs`: run the instructions of that call alone, in both engines, to find the step
//!    that produced the first differing value or trap: its rule is at issue;
//!    `rank.rs`: take the reference's rule steps of that call, and rank the others as context;
//! 4. here: put it together with what each side observed.
//!
//! `lockstep diff` prints an [`Explanation`]; `lockstep report` writes it up.

mod calls;
pub mod issue;
mod rank;
mod replay;

pub use calls::{Call, Event};
pub use issue::{Cache, How, Issue, Kind, Numeric, Piece, Reduction};

use super::StoreDiff;
use super::case::Case;
use super::differential::Finding;
use crate::exec::machine::Outcome;
use crate::exec::trace::TraceStep;
use crate::rules::Rule;
use crate::runtime::{Error, Val};

/// What a report says about a divergence.
pub struct Explanation {
    pub finding: Finding,
    pub kind: Kind,
    /// Each side's outcome of the diverging invocation (empty for an instantiation).
    pub reference: String,
    pub compiler: String,
    /// The reference's outcome, as a script asserts it.
    pub expected: Option<Expected>,
    /// The first diverging call, when the divergence was in an invocation.
    pub call: Option<Call>,
    /// The reference's steps in that call (its own and its callees'), the last of them.
    pub steps: Vec<TraceStep>,
    /// The step that produced the first differing value or trap, and its rule.
    pub issue: Option<Issue>,
    /// The rules at issue: the issue's rule, then the numeric function that defines its
    /// result, if any.
    pub rules: Vec<Rule>,
    /// The compiler's trap's rule, where it trapped and the reference did not trap so.
    pub compiler_rule: Option<Rule>,
    /// The rest: the rules the call applied in its own steps, and the traps' rules not at
    /// issue, the most recent first.
    pub context: Vec<Rule>,
    /// Where the stores differ after the diverging invocation.
    pub store: Vec<StoreDiff>,
    /// The invocations made before the diverging one (on which the engines agreed).
    pub prior: Vec<(String, Vec<Val>)>,
}

/// The reference's outcome of an invocation.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Values(Vec<Val>),
    Trap { message: String, rule: Rule },
}

/// How many of the reference's steps an explanation keeps.
pub const STEPS: usize = 60;

/// Explain a finding of [`super::differential::differential`] on the same case.
pub fn explain(case: &Case, finding: &Finding) -> Explanation {
    explain_with(case, finding, &mut Cache::default())
}

/// [`explain`], with the instructions already run alone remembered in `cache`.
pub fn explain_with(case: &Case, finding: &Finding, cache: &mut Cache) -> Explanation {
    // At instantiation the finding itself says what differs; there is no call to trace.
    let Some((name, args)) = &finding.invocation else { return unexplained(finding) };
    let Some(replay) = replay::replay(case, name, args) else { return unexplained(finding) };
    let (reference, reference_trap) = reference_outcome(&replay.reference.outcome);
    let (compiler, compiler_trap) = compiler_outcome(&replay.compiler.outcome);
    let expected = match &replay.reference.outcome {
        Ok(Some(Outcome::Values(vs))) => Some(Expected::Values(vs.clone())),
        Ok(Some(Outcome::Trap(t))) => Some(Expected::Trap { message: t.message.clone(), rule: t.rule }),
        _ => None,
    };
    let kind = kind(&replay);
    let (call, span) = calls::first_diverging(&replay, &case.module, args);
    let window = rank::window(replay.reference.steps, &span);
    let store = &replay.referee.reference.store;
    let search = issue::Search { case, store, window: &window, reference_trap, prior: &replay.prior };
    let issue =
        issue::find(&search, cache).or_else(|| issue::fallback(case, &window, span.depth, reference_trap));
    let mut rules: Vec<Rule> = issue.iter().map(|i| i.rule).collect();
    if let Some(r) = issue.as_ref().and_then(|i| i.numeric.as_ref()).and_then(|n| n.rule) {
        rules.push(r);
    }
    let compiler_rule = compiler_trap.filter(|r| Some(*r) != reference_trap);
    let traps = reference_trap.into_iter().chain(compiler_rule).collect();
    Explanation {
        finding: finding.clone(),
        kind,
        reference,
        compiler,
        expected,
        call: Some(call),
        context: rank::context(&rules, traps, &window, span.depth),
        rules,
        compiler_rule,
        issue,
        steps: rank::last(window, STEPS),
        store: replay.store,
        prior: replay.prior,
    }
}

/// The kind of difference: in the outcome (a trap on either side, or values), or else in
/// the store.
fn kind(replay: &replay::Replay) -> Kind {
    match (&replay.reference.outcome, &replay.compiler.outcome) {
        (Ok(Some(Outcome::Values(a))), Ok(b)) => {
            let b: Vec<Val> = b.iter().map(|v| calls::reference_val(&replay.referee, *v)).collect();
            if *a == b { Kind::Store } else { Kind::Value }
        }
        (Ok(Some(Outcome::Trap(t))), Err(Error::Trap { message, rule }))
            if t.message == *message && Some(t.rule) == *rule =>
        {
            Kind::Store
        }
        _ => Kind::Trap,
    }
}

/// The explanation of a finding with no call to trace: the finding alone.
fn unexplained(finding: &Finding) -> Explanation {
    Explanation {
        finding: finding.clone(),
        kind: if finding.invocation.is_none() { Kind::Instantiation } else { Kind::Trap },
        reference: String::new(),
        compiler: String::new(),
        expected: None,
        call: None,
        steps: Vec::new(),
        issue: None,
        rules: Vec::new(),
        compiler_rule: None,
        context: Vec::new(),
        store: Vec::new(),
        prior: Vec::new(),
    }
}

/// What the reference observed, and the rule of its trap if it trapped.
fn reference_outcome(outcome: &Result<Option<Outcome>, String>) -> (String, Option<Rule>) {
    match outcome {
        Ok(Some(Outcome::Values(vs))) => (show(vs), None),
        Ok(Some(Outcome::Trap(t))) => (format!("trap \"{}\" [{}]", t.message, t.rule.id()), Some(t.rule)),
        Ok(Some(Outcome::Limit(l))) => (format!("{l:?} limit reached"), None),
        Ok(Some(Outcome::Exception(a))) => (format!("exception ref.exn:{a}"), None),
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
