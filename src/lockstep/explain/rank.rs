//! What an explanation shows of the reference's run: the window of its steps in the first
//! diverging call, the last of them, and the context of the rules at issue, ranked.

use super::calls::Span;
use crate::exec::trace::TraceStep;
use crate::rules::Rule;

/// The steps of the span, each with the number of calls open at it.
pub(super) fn window(steps: Vec<(TraceStep, usize)>, span: &Span) -> Vec<(TraceStep, usize)> {
    steps.into_iter().filter(|(s, _)| s.step >= span.from && s.step <= span.until).collect()
}

/// The last `n` steps of a window.
pub(super) fn last(window: Vec<(TraceStep, usize)>, n: usize) -> Vec<TraceStep> {
    let skip = window.len().saturating_sub(n);
    window.into_iter().skip(skip).map(|(s, _)| s).collect()
}

/// The context of the rules at issue: the other rules the call applied in its own steps
/// (at `depth`) and the traps' rules not at issue, each once, the most recent first; of
/// them, those that compute before those that move values and control.
pub(super) fn context(
    at_issue: &[Rule],
    traps: Vec<Rule>,
    window: &[(TraceStep, usize)],
    depth: usize,
) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    let own = window.iter().rev().filter(|(_, d)| *d == depth).map(|(s, _)| s.rule);
    for r in traps.into_iter().chain(own) {
        if !at_issue.contains(&r) && !rules.contains(&r) {
            rules.push(r);
        }
    }
    rules.sort_by_key(|r| plumbing(*r));
    rules
}

/// Whether a rule only moves values or control (locals, labels, frames, calls), so that a
/// wrong result is less likely its doing than an operator's.
pub(super) fn plumbing(r: Rule) -> bool {
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
