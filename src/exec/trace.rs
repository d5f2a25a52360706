//! Traces: every step of a run, with the rule it applied, the instruction at the head, and
//! the operand values the step consumed and produced. This is what a bug report quotes.

use super::machine::{Halt, Machine, Next, Outcome};
use super::modules;
use super::runtime::Store;
use crate::rules::Rule;
use crate::runtime::{Addr, Config, Ref, Val};

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
    /// The type of each structure and array among them, as the current module names it:
    /// `ref.struct:3 : type 2` (`deftype N` for a type the module does not name).
    pub types: Vec<String>,
}

/// What [`TraceStep::types`] says of the GC references among `vals`.
fn heap_types<const T: bool>(m: &Machine<'_, T>, vals: &[Val]) -> Vec<String> {
    let mut shown = Vec::new();
    for v in vals {
        let ty = match v {
            Val::Ref(Ref::Struct(a)) => m.store.structs.get(*a as usize).map(|s| s.ty),
            Val::Ref(Ref::Array(a)) => m.store.arrays.get(*a as usize).map(|s| s.ty),
            _ => None,
        };
        let Some(ty) = ty else { continue };
        let name = match m.inst().deftypes.iter().position(|&d| d == ty) {
            Some(y) => format!("type {y}"),
            None => format!("deftype {}", ty.0),
        };
        let line = format!("{v} : {name}");
        if !shown.contains(&line) {
            shown.push(line);
        }
    }
    shown
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
        let consumed = before[low - base..].to_vec();
        let produced: Vec<Val> =
            m.vals[low.min(m.vals.len())..].iter().rev().take(SHOWN).rev().map(|s| s.val()).collect();
        let types = heap_types(&m, &[&consumed[..], &produced[..]].concat());
        let step = TraceStep {
            step: n,
            rule,
            instr,
            func: (from_code && f != u32::MAX).then_some(f),
            offset: offset.filter(|_| from_code && f != u32::MAX),
            consumed,
            produced,
            types,
        };
        if !each(&step) {
            return Ok(None);
        }
    }
}
