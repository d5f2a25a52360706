//! Running a differential case ([`super::case`]) through the referee: the configuration both
//! engines run under, and the first divergence, if any. This is the body of the fuzz target
//! `differential`; `lockstep diff` and `lockstep report` run it too, then explain what it
//! found ([`super::explain`]).

use super::Referee;
use super::case::Case;
use crate::jit::Bounds;
use crate::runtime::{Config, Engine, Error, ExternVal, Val};

/// Fuel for every invocation, counted the same way by both engines (function entries and
/// loop iterations): enough for real work, and a bound on generated infinite loops.
pub const FUEL: u64 = 2_000;

/// Where the engines parted: which invocation (or instantiation), and what each observed.
#[derive(Clone, Debug)]
pub struct Finding {
    /// `None` for instantiation.
    pub invocation: Option<(String, Vec<Val>)>,
    pub what: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match &self.invocation {
            None => write!(f, "instantiation: {}", self.what),
            Some((name, args)) => {
                let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
                write!(f, "invoke \"{name}\" {}: {}", args.join(" "), self.what)
            }
        }
    }
}

/// The referee the fuzzer and the reports use: both engines under [`FUEL`], and memories
/// and tables that grow to 32 MiB and 100,000 elements at most (`memory.grow` and
/// `table.grow` fail beyond, as the spec allows), so that a case stays small. Its compiler
/// keeps the last module's code for the next case on the same module (`Jit::keep_code`).
pub fn referee() -> Referee {
    let config = Config {
        fuel: Some(FUEL),
        max_memory: 512 * crate::syntax::PAGE_SIZE,
        max_table_elements: 100_000,
        ..Config::default()
    };
    let mut referee = Referee::new(config, Bounds::GuardPages);
    referee.jit.keep_code();
    referee
}

/// Run a case through the referee: the first divergence, or `None` when the engines agreed
/// (or could not be compared: a limit reached on one side only, a module they refuse).
pub fn differential(case: &Case) -> Option<Finding> {
    let mut referee = referee();
    let inst = match referee.instantiate(&case.module, &[]) {
        Ok(inst) => inst,
        Err(Error::Divergence(what)) => return Some(Finding { invocation: None, what }),
        Err(_) => return None,
    };
    for (name, args) in &case.invocations {
        let Some(ExternVal::Func(f)) = referee.export(inst, name) else { continue };
        match referee.invoke(f, args) {
            Err(Error::Divergence(what)) => {
                return Some(Finding { invocation: Some((name.clone(), args.clone())), what });
            }
            // The stores may differ from here on: stop comparing.
            Err(Error::Unsupported(_)) => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lockstep::case::{case, rng::xorshift_bytes};

    /// The cases the fuzzer starts from, probes and wasm-smith modules, their memories
    /// filled or not: the engines agree on each (a divergence here is a compiler bug, or a
    /// case the referee cannot compare).
    #[test]
    fn generated_cases_agree() {
        let mut x = 0x0123_4567_89ab_cdefu64;
        let mut run = 0;
        for i in 0..1000u32 {
            let mut data = xorshift_bytes(&mut x, 512);
            data[0] = if i % 3 == 0 { (i as u8 / 3) & 8 } else { data[0] };
            let Some(case) = case(&data) else { continue };
            run += 1;
            if let Some(finding) = differential(&case) {
                panic!("case {i}: {finding}");
            }
        }
        assert!(run > 900, "{run} cases");
    }
}
