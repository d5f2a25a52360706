//! Traces: every step of a run, with the rule it applied, the instruction at the head, and
//! the operand values the step consumed and produced. This is what a bug report quotes.

use super::machine::{Halt, Machine, Next, Outcome};
use super::modules;
use super::runtime::Store;
use crate::rules::Rule;
use crate::runtime::{Addr, Config, Val};

/// One step of a trace.
#[derive(Clone, Debug)]
pub struct TraceStep {
    /// The step's number, from 1.
    pub step: u64,
    pub rule: Rule,
    /// The instruction at the head of the configuration.
    pub instr: String,
    /// The function whose code the instruction belongs to, and its byte offset there;
    /// `None` for instructions that reduction itself put at the head.
    pub func: Option<u32>,
    pub offset: Option<u32>,
    /// The operand values the step took (at most the top [`SHOWN`]) and those it left.
    pub consumed: Vec<Val>,
    pub produced: Vec<Val>,
}

/// How many operand values a trace shows on either side of a step.
pub const SHOWN: usize = 16;

/// Invoke `func` with `args`, calling `each` after every step; `None` when `each` stopped
/// it (by returning false) before the end.
pub fn trace(
    store: &mut Store,
    config: Config,
    func: Addr,
    args: &[Val],
    mut each: impl FnMut(&TraceStep) -> bool,
) -> Result<Option<Outcome>, String> {
    let seq = modules::invoke_seq(store, func, args)?;
    let mut m = Machine::<true>::new(store, config, 0, seq);
    let mut n = 0;
    loop {
        if m.next == Next::None {
            let code = m.code.clone();
            m.settle(&code);
        }
        let len = m.vals.len();
        let base = len.saturating_sub(SHOWN);
        let before: Vec<Val> = m.vals[base..].iter().map(|s| s.val()).collect();
        let instr = m.head();
        let from_code = m.admin.is_empty() && m.next == Next::None;
        let (f, offset) = (m.code.func, m.code.offsets.get(m.pc).copied());
        let rule = match m.step() {
            Ok(rule) => rule,
            Err(halt @ (Halt::Done | Halt::Limit(_))) => return Ok(Some(m.outcome(halt))),
        };
        n += 1;
        // A call takes its arguments as the callee's first locals: they were consumed.
        let low = if rule == crate::rules::STEP_READ__CALL_REF_FUNC { m.low.min(m.locals) } else { m.low };
        let low = low.max(base);
        let step = TraceStep {
            step: n,
            rule,
            instr,
            func: (from_code && f != u32::MAX).then_some(f),
            offset: offset.filter(|_| from_code && f != u32::MAX),
            consumed: before[low - base..].to_vec(),
            produced: m.vals[low.min(m.vals.len())..]
                .iter()
                .rev()
                .take(SHOWN)
                .rev()
                .map(|s| s.val())
                .collect(),
        };
        if !each(&step) {
            return Ok(None);
        }
    }
}
