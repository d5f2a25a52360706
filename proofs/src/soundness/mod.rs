//! The appendix's soundness theorems as checks on the reference's configurations.
//!
//! *Preservation*: a well-typed configuration steps to a well-typed one. [`config_ok`]
//! checks the parts of `Config_ok` (appendix, "Soundness") that a configuration of the
//! refocused machine shows: the store (`Store_ok`: every global, table and memory instance
//! holds what its type allows), every frame's locals (`Frame_ok`, `Localval_ok`), and, where
//! the next instruction is one of the function's code, the operand stack of the innermost
//! frame against the types the validator assigns there (`Instrs_ok2`, `Val_ok`, `Ref_ok`).
//! *Progress*: [`progress`] runs an invocation one step at a time; a step that panics, or a
//! machine that stops with what is neither a trap nor values of the function's result
//! types, is stuck. Each failure cites the judgment that does not hold.

mod config;
mod store;
mod values;

pub use config::{Typing, config_ok};
pub use store::store_ok;
pub use values::val_ok;

use lockstep::exec::machine::{Halt, Machine, Outcome};
use lockstep::exec::modules;
use lockstep::exec::runtime::Store;
use lockstep::rules::{self, Rule};
use lockstep::runtime::{Addr, Config, Val};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A judgment that does not hold of a configuration, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub judgment: Rule,
    pub message: String,
}

impl Violation {
    pub fn new(judgment: Rule, message: impl Into<String>) -> Violation {
        Violation { judgment, message: message.into() }
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} fails: {} ({})", self.judgment, self.message, self.judgment.url())
    }
}

/// What checking one invocation found: how it ended and how many steps were checked.
#[derive(Debug)]
pub struct Checked {
    pub outcome: Outcome,
    pub steps: u64,
}

/// Invoke `func` with `args` in the reference, checking [`config_ok`] before the first step
/// and after every step (preservation), and that every step applies a rule or ends in a
/// terminal configuration (progress).
pub fn progress(
    store: &mut Store,
    config: Config,
    typing: &Typing,
    func: Addr,
    args: &[Val],
) -> Result<Checked, Violation> {
    let results = store.funcs[func as usize].ty.results.clone();
    let seq = modules::invoke_seq(store, func, args).map_err(|e| Violation::new(rules::CONFIG_OK, e))?;
    let mut m = Machine::<false>::new(store, config, 0, seq);
    let mut steps = 0;
    loop {
        config_ok(&m, typing).map_err(|v| after(v, steps))?;
        match catch_unwind(AssertUnwindSafe(|| m.step())) {
            Ok(Ok(_)) => steps += 1,
            Ok(Err(halt)) => return terminal(&mut m, halt, &results, steps),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
                let message =
                    format!("stuck after {steps} steps: no rule applies ({})", why.unwrap_or_default());
                return Err(Violation::new(rules::CONFIG_OK, message));
            }
        }
    }
}

fn after(v: Violation, steps: u64) -> Violation {
    Violation { message: format!("after step {steps}: {}", v.message), ..v }
}

/// The machine stopped: a terminal configuration is a trap, or values of the invoked
/// function's result types (`Val_ok` each); a resource of the implementation may run out.
fn terminal(
    m: &mut Machine<'_, false>,
    halt: Halt,
    results: &[lockstep::syntax::ValType],
    steps: u64,
) -> Result<Checked, Violation> {
    let outcome = m.outcome(halt);
    if let Outcome::Values(vals) = &outcome {
        if vals.len() != results.len() {
            let message = format!(
                "stuck after {steps} steps: {} values where the function returns {}",
                vals.len(),
                results.len()
            );
            return Err(Violation::new(rules::CONFIG_OK, message));
        }
        for (v, t) in vals.iter().zip(results) {
            val_ok(m.store, *v, *t).map_err(|v| after(v, steps))?;
        }
    }
    Ok(Checked { outcome, steps })
}
