//! Shrinking a diverging case to a smallest module and invocation that still diverge *the
//! same way*: the same kind of difference (value, trap, store) and the same rule at issue
//! ([`Signature`]), as [`super::explain`] finds them.
//!
//! The work is `wasm-shrink`'s (random size-reducing mutations of wasm-mutate, kept when the
//! predicate holds) with the referee as its predicate, around steps of ours that it lacks:
//!
//! 1. the invocations before the diverging one dropped, all or one by one;
//! 2. custom sections dropped;
//! 3. the instruction at issue *extracted*: the function that applies it alone to the
//!    reference's operands (which the explanation ran, [`super::explain::Piece`]), alone in a
//!    module or in the case's module, exported as `f`;
//! 4. every export but those invoked dropped, the diverging one renamed `f`;
//! 5. each instruction of straight-line code, with the instructions that compute its
//!    operands, replaced by the constant the reference computed for it, dropped, or replaced
//!    by one of its operands (`expr.rs`);
//! 6. `wasm-shrink`, the invocations fixed;
//! 7. the arguments replaced by simpler ones (0, 1, -1); then 5 to 7 again while that helps.
//!
//! Deterministic for a seed; bounded by a time and a number of tests of the predicate, after
//! which the smallest case so far is the result.

pub mod edit;
mod expr;

use super::case::{Case, front_end, func_type};
use super::differential::{Finding, differential};
use super::explain::{Cache, How, Kind, explain_with};
use crate::rules::Rule;
use crate::runtime::Val;
use crate::syntax::{ExternIdx, F32, F64, Instr, Module};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// How long and how hard to shrink.
#[derive(Clone, Debug)]
pub struct Options {
    /// The seed of wasm-shrink's choices.
    pub seed: u64,
    /// Stop after this long, with the smallest case so far.
    pub time: Duration,
    /// Stop after this many tests of the predicate.
    pub steps: u64,
    /// wasm-shrink's patience: failed attempts in a row before it stops.
    pub attempts: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options { seed: 42, time: Duration::from_secs(120), steps: 20_000, attempts: 1000 }
    }
}

/// What a shrunk case must keep of the original's divergence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub kind: Kind,
    pub rule: Option<Rule>,
    pub how: Option<How>,
}

impl std::fmt::Display for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} difference", self.kind.name())?;
        if let Some(r) = self.rule {
            write!(f, " at {}", r.id())?;
        }
        Ok(())
    }
}

/// A module and its invocations, the last of them the diverging one.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub wasm: Vec<u8>,
    pub invocations: Vec<(String, Vec<Val>)>,
}

/// The outcome of shrinking.
pub struct Shrunk {
    pub case: Case,
    pub finding: Finding,
    pub signature: Signature,
    pub stats: Stats,
}

#[derive(Clone, Debug)]
pub struct Stats {
    pub seed: u64,
    pub bytes_before: usize,
    pub bytes: usize,
    pub functions_before: usize,
    /// Functions defined in the shrunk module, and their instructions (without `end`s).
    pub functions: usize,
    pub instructions: usize,
    pub tests: u64,
    pub seconds: f64,
    /// Why shrinking stopped early, if it did: the time or the number of tests ran out.
    pub stopped: Option<String>,
}

/// The functions a module defines and their instructions, `end`s not counted.
pub fn size(module: &Module) -> (usize, usize) {
    let instrs = module.funcs.iter().map(|f| f.body.instrs.iter().filter(|i| **i != Instr::End).count());
    (module.funcs.len(), instrs.sum())
}

/// The signature of an explained divergence.
pub fn signature(e: &super::explain::Explanation) -> Signature {
    Signature { kind: e.kind, rule: e.issue.as_ref().map(|i| i.rule), how: e.issue.as_ref().map(|i| i.how) }
}

/// Shrink a case that diverges, keeping its signature; `progress` hears of each step.
pub fn shrink(case: &Case, options: &Options, progress: &mut dyn FnMut(&str)) -> Result<Shrunk, String> {
    let finding = differential(case).ok_or("the engines agree on this case: nothing to shrink")?;
    let mut cache = Cache::default();
    let e = explain_with(case, &finding, &mut cache);
    let wanted = signature(&e);
    progress(&format!("the case: {} bytes, {}", case.wasm.len(), wanted));
    cache.focus = wanted.rule.filter(|_| wanted.how == Some(How::Isolated));
    let invocations: Vec<(String, Vec<Val>)> = match &finding.invocation {
        Some(target) => {
            let before = case.invocations.iter().take_while(|i| *i != target);
            before.cloned().chain([target.clone()]).collect()
        }
        None => Vec::new(),
    };
    // The instruction at issue, extracted: the explanation's smaller modules, then the
    // instruction alone, or in the case's module; exported as `f`.
    let mut extracted = Vec::new();
    if let Some(issue) = &e.issue {
        let isolate = super::explain::issue::ISOLATE;
        let rename = |n: &str| (n == isolate).then(|| "f".to_string());
        let assemble = |text: &str| {
            let wasm = super::case::assemble(text).ok()?;
            edit::without_custom_sections(&wasm)
        };
        for r in &issue.reductions {
            if let Some(wasm) = assemble(&r.module)
                && let Some(wasm) = edit::with_exports(&wasm, rename)
            {
                extracted.push(Candidate { wasm, invocations: vec![("f".into(), r.args.clone())] });
            }
        }
        if let Some(piece) = &issue.piece
            && let Some(wasm) = assemble(&piece.module)
        {
            if let Some(alone) = edit::with_exports(&wasm, rename) {
                extracted
                    .push(Candidate { wasm: alone, invocations: vec![("f".into(), piece.args.clone())] });
            }
            if !piece.standalone && invocations.len() > 1 {
                let prior = &invocations[..invocations.len() - 1];
                let keep = |n: &str| match n == isolate {
                    true => Some("f".to_string()),
                    false => prior.iter().any(|(p, _)| p == n).then(|| n.to_string()),
                };
                if let Some(wasm) = edit::with_exports(&wasm, keep) {
                    let mut invocations = prior.to_vec();
                    invocations.push(("f".into(), piece.args.clone()));
                    extracted.push(Candidate { wasm, invocations });
                }
            }
        }
    }
    let judge = |c: &Case| {
        let Some(f) = differential(c) else { return false };
        match &f.invocation {
            None => wanted.kind == Kind::Instantiation,
            Some(target) => {
                c.invocations.last() == Some(target) && signature(&explain_with(c, &f, &mut cache)) == wanted
            }
        }
    };
    let start = Candidate { wasm: case.wasm.clone(), invocations };
    let mut run = Run::new(options, judge, progress);
    let best = run.reduce(start, extracted)?;
    let module = front_end(&best.wasm)?;
    let (functions, instructions) = size(&module);
    let stats = Stats {
        seed: options.seed,
        bytes_before: case.wasm.len(),
        bytes: best.wasm.len(),
        functions_before: case.module.funcs.len(),
        functions,
        instructions,
        tests: run.tests,
        seconds: run.started.elapsed().as_secs_f64(),
        stopped: run.stopped.clone(),
    };
    (run.progress)(&format!(
        "done: {} bytes (from {}), {functions} function(s), {instructions} instruction(s); {} tests in {:.1} s{}",
        stats.bytes,
        stats.bytes_before,
        stats.tests,
        stats.seconds,
        stats.stopped.as_ref().map_or(String::new(), |s| format!(" (stopped: {s})"))
    ));
    let case = Case { wasm: best.wasm, module: Rc::new(module), invocations: best.invocations };
    let finding = differential(&case).ok_or("the shrunk case no longer diverges")?;
    // Shrinking ran alone only the instructions that apply the rule at issue; the whole
    // explanation says whether an earlier one differs now.
    let now = signature(&super::explain::explain(&case, &finding));
    if now != wanted {
        (run.progress)(&format!("note: the shrunk case explained in full shows a {now}, not a {wanted}"));
    }
    Ok(Shrunk { case, finding, signature: wanted, stats })
}

/// Why a test was refused: the budget is spent.
struct Stop(String);

/// One shrinking run: the budget, the predicate, and what it has tested.
pub struct Run<'a, J: FnMut(&Case) -> bool> {
    options: &'a Options,
    judge: J,
    progress: &'a mut dyn FnMut(&str),
    started: Instant,
    pub tests: u64,
    pub stopped: Option<String>,
}

impl<'a, J: FnMut(&Case) -> bool> Run<'a, J> {
    pub fn new(options: &'a Options, judge: J, progress: &'a mut dyn FnMut(&str)) -> Self {
        Run { options, judge, progress, started: Instant::now(), tests: 0, stopped: None }
    }

    /// Whether a candidate is a case that diverges the same way; `Err` once the budget is
    /// spent.
    fn test(&mut self, c: &Candidate) -> Result<bool, Stop> {
        if self.tests >= self.options.steps {
            return Err(Stop(format!("{} tests", self.options.steps)));
        }
        if self.started.elapsed() >= self.options.time {
            return Err(Stop(format!("{} s", self.options.time.as_secs_f64())));
        }
        self.tests += 1;
        let Ok(module) = front_end(&c.wasm) else { return Ok(false) };
        if !invocations_fit(&module, &c.invocations) {
            return Ok(false);
        }
        let case = Case { wasm: c.wasm.clone(), module: Rc::new(module), invocations: c.invocations.clone() };
        Ok((self.judge)(&case))
    }

    fn say(&mut self, best: &Candidate, how: &str) {
        let message = format!(
            "{} bytes, {} invocation(s) ({how}; test {}, {:.1} s)",
            best.wasm.len(),
            best.invocations.len(),
            self.tests,
            self.started.elapsed().as_secs_f64()
        );
        (self.progress)(&message);
    }

    /// Try `c`; keep it as `best` if it holds and `better` says so.
    fn attempt(&mut self, best: &mut Candidate, c: Candidate, how: &str) -> Result<bool, Stop> {
        if c != *best && self.test(&c)? {
            *best = c;
            self.say(best, how);
            return Ok(true);
        }
        Ok(false)
    }

    /// Shrink `start` (which must hold), trying the `extracted` candidates on the way.
    pub fn reduce(&mut self, start: Candidate, extracted: Vec<Candidate>) -> Result<Candidate, String> {
        match self.test(&start) {
            Ok(true) => {}
            Ok(false) => return Err("the case does not diverge the same way when run again".into()),
            Err(Stop(s)) => return Err(format!("no budget to test the case ({s})")),
        }
        let mut best = start;
        if let Err(Stop(s)) = self.steps(&mut best, extracted) {
            self.stopped = Some(s);
            (self.progress)("stopped: the budget is spent");
        }
        Ok(best)
    }

    fn steps(&mut self, best: &mut Candidate, extracted: Vec<Candidate>) -> Result<(), Stop> {
        // 1. Invocations before the diverging one: none, else one fewer at a time.
        if best.invocations.len() > 1 {
            let target = best.invocations.last().cloned().into_iter().collect();
            let c = Candidate { wasm: best.wasm.clone(), invocations: target };
            if !self.attempt(best, c, "invocations before the diverging one dropped")? {
                let mut i = 0;
                while i + 1 < best.invocations.len() {
                    let mut invocations = best.invocations.clone();
                    invocations.remove(i);
                    let c = Candidate { wasm: best.wasm.clone(), invocations };
                    if !self.attempt(best, c, "an invocation dropped")? {
                        i += 1;
                    }
                }
            }
        }
        // 2. Custom sections.
        if let Some(wasm) = edit::without_custom_sections(&best.wasm) {
            let c = Candidate { wasm, invocations: best.invocations.clone() };
            self.attempt(best, c, "custom sections dropped")?;
        }
        // 3. The instruction at issue, extracted: the smallest candidate that holds.
        let mut smallest: Option<Candidate> = None;
        for c in extracted {
            let limit = smallest.as_ref().unwrap_or(best).wasm.len();
            if c.wasm.len() < limit && self.test(&c)? {
                smallest = Some(c);
            }
        }
        if let Some(c) = smallest {
            *best = c;
            self.say(best, "the instruction at issue extracted");
        }
        // 4. Exports that are not invoked; the diverging one named `f`.
        if !best.invocations.is_empty() {
            let target = best.invocations.last().unwrap().0.clone();
            let invoked: Vec<String> = best.invocations.iter().map(|i| i.0.clone()).collect();
            let rename = !invoked.iter().any(|n| n == "f") || target == "f";
            let keep = |n: &str| match n == target && rename {
                true => Some("f".to_string()),
                false => invoked.iter().any(|i| i == n).then(|| n.to_string()),
            };
            if let Some(wasm) = edit::with_exports(&best.wasm, keep) {
                let mut invocations = best.invocations.clone();
                for (n, _) in invocations.iter_mut() {
                    if *n == target && rename {
                        *n = "f".into();
                    }
                }
                self.attempt(best, Candidate { wasm, invocations }, "exports not invoked dropped")?;
            }
        }
        // 5, 6 and 7: instructions' operands, wasm-shrink, simpler arguments, while that
        // changes something.
        for _ in 0..3 {
            let before = best.clone();
            self.expressions(best)?;
            self.wasm_shrink(best)?;
            self.simpler_arguments(best)?;
            if *best == before {
                break;
            }
        }
        Ok(())
    }

    /// The reductions of `expr`: each instruction of each body, from the last, materialized,
    /// dropped or passed through, where the case still holds.
    fn expressions(&mut self, best: &mut Candidate) -> Result<(), Stop> {
        let case = |c: &Candidate| {
            let module = front_end(&c.wasm).ok()?;
            Some(Case { wasm: c.wasm.clone(), module: Rc::new(module), invocations: c.invocations.clone() })
        };
        let Some(mut current) = case(best) else { return Ok(()) };
        let mut values = expr::values(&current);
        for k in 0..current.module.funcs.len() {
            let mut i = current.module.funcs[k].body.instrs.len();
            while i > 0 {
                i -= 1;
                for wasm in expr::reductions(&current, &values, k, i) {
                    let c = Candidate { wasm, invocations: best.invocations.clone() };
                    if self.attempt(best, c, "an instruction and its operands reduced")? {
                        let Some(next) = case(best) else { return Ok(()) };
                        current = next;
                        values = expr::values(&current);
                        i = (i + 1).min(current.module.funcs[k].body.instrs.len());
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// wasm-shrink with this run's predicate, the invocations fixed.
    fn wasm_shrink(&mut self, best: &mut Candidate) -> Result<(), Stop> {
        let invocations = best.invocations.clone();
        let mut smallest = best.clone();
        let mut stop: Option<Stop> = None;
        let shrink =
            wasm_shrink::WasmShrink::default().attempts(self.options.attempts).seed(self.options.seed);
        let result = shrink.run(best.wasm.clone(), |wasm: &[u8]| {
            let c = Candidate { wasm: wasm.to_vec(), invocations: invocations.clone() };
            match self.test(&c) {
                Ok(true) => {
                    if c.wasm.len() < smallest.wasm.len() {
                        smallest = c;
                        self.say(&smallest, "wasm-shrink");
                    }
                    Ok(true)
                }
                Ok(false) => Ok(false),
                Err(s) => {
                    let message = s.0.clone();
                    stop = Some(s);
                    Err(std::io::Error::other(message).into())
                }
            }
        });
        if let (Err(e), None) = (&result, &stop) {
            (self.progress)(&format!("wasm-shrink stopped: {e}"));
        }
        *best = smallest;
        stop.map_or(Ok(()), Err)
    }

    /// The diverging invocation's arguments, each replaced by a simpler one (0, 1, -1) where
    /// the case still holds; whether any was.
    fn simpler_arguments(&mut self, best: &mut Candidate) -> Result<bool, Stop> {
        let Some(last) = best.invocations.len().checked_sub(1) else { return Ok(false) };
        let mut changed = false;
        for i in 0..best.invocations[last].1.len() {
            let v = best.invocations[last].1[i];
            for simpler in simpler(v) {
                let mut c = best.clone();
                c.invocations[last].1[i] = simpler;
                if self.attempt(best, c, &format!("argument {} is {simpler}", i + 1))? {
                    changed = true;
                    break;
                }
            }
        }
        Ok(changed)
    }
}

/// Values simpler than `v` of its type, the simplest first: 0, 1, -1.
fn simpler(v: Val) -> Vec<Val> {
    let rank = |v: &Val| match v {
        Val::I32(0) | Val::I64(0) => 0,
        Val::I32(1) | Val::I64(1) => 1,
        Val::I32(u32::MAX) | Val::I64(u64::MAX) => 2,
        Val::F32(z) if z.0 == 0 => 0,
        Val::F64(z) if z.0 == 0 => 0,
        Val::F32(z) if z.0 == 1f32.to_bits() => 1,
        Val::F64(z) if z.0 == 1f64.to_bits() => 1,
        Val::F32(z) if z.0 == (-1f32).to_bits() => 2,
        Val::F64(z) if z.0 == (-1f64).to_bits() => 2,
        _ => 3,
    };
    let candidates = match v {
        Val::I32(_) => vec![Val::I32(0), Val::I32(1), Val::I32(u32::MAX)],
        Val::I64(_) => vec![Val::I64(0), Val::I64(1), Val::I64(u64::MAX)],
        Val::F32(_) => {
            vec![Val::F32(F32(0)), Val::F32(F32(1f32.to_bits())), Val::F32(F32((-1f32).to_bits()))]
        }
        Val::F64(_) => {
            vec![Val::F64(F64(0)), Val::F64(F64(1f64.to_bits())), Val::F64(F64((-1f64).to_bits()))]
        }
        _ => vec![],
    };
    candidates.into_iter().filter(|c| rank(c) < rank(&v)).collect()
}

/// Whether each invocation names an exported function whose parameters its arguments fit.
fn invocations_fit(module: &Module, invocations: &[(String, Vec<Val>)]) -> bool {
    invocations.iter().all(|(name, args)| {
        let Some(export) = module.exports.iter().find(|e| e.name == *name) else { return false };
        let ExternIdx::Func(x) = export.desc else { return false };
        let Some(ty) = func_type(module, x) else { return false };
        ty.params.len() == args.len() && args.iter().zip(ty.params.iter()).all(|(v, t)| v.has_type(*t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Reference;
    use crate::exec::trace::trace;
    use crate::runtime::{Config, Engine, ExternVal};

    /// A module with more than the difference needs: functions, exports, a global, a memory
    /// and data, and an invocation before the one that matters.
    const CASE: &str = r#"(module
      (global $g (mut i32) (i32.const 3))
      (memory 1)
      (data (i32.const 16) "hello, world")
      (func $helper (param i32) (result i32) (i32.add (local.get 0) (global.get $g)))
      (func (export "other") (result i32) (global.set $g (i32.const 5)) (i32.const 5))
      (func (export "unused") (param f64) (result f64) (f64.sqrt (local.get 0)))
      (func (export "main") (param i32) (result i32)
        (local i32)
        (local.set 1 (call $helper (local.get 0)))
        (i32.store (i32.const 0) (local.get 1))
        (i32.mul (i32.rem_s (i32.load (i32.const 0)) (i32.const 4)) (i32.const 3))))"#;

    /// The planted difference, a stand-in for the referee on a compiler with the bug
    /// `rem_s_sign`: the reference applies `i32.rem_s` to a negative dividend and a divisor
    /// other than 1 and -1 in the last invocation.
    fn planted(case: &Case) -> bool {
        let mut r = Reference::new(Config { fuel: Some(1000), ..Config::default() });
        let Ok(inst) = r.instantiate(&case.module, &[]) else { return false };
        let Some(((name, args), before)) = case.invocations.split_last() else { return false };
        for (n, a) in before {
            if let Some(ExternVal::Func(f)) = r.export(inst, n) {
                let _ = r.invoke(f, a);
            }
        }
        let Some(ExternVal::Func(f)) = r.export(inst, name) else { return false };
        let mut found = false;
        let _ = trace(&mut r.store, r.config, f, args, |s| {
            if s.rule == crate::rules::STEP_PURE__BINOP_VAL
                && s.instr == "i32.rem_s"
                && let [Val::I32(a), Val::I32(b)] = s.consumed[..]
            {
                found |= (a as i32) < 0 && b != 1 && b != u32::MAX;
            }
            true
        });
        found
    }

    fn shrunk(seed: u64) -> Candidate {
        let wasm = super::super::case::assemble(CASE).unwrap();
        let invocations =
            vec![("other".to_string(), vec![]), ("main".to_string(), vec![Val::I32((-10i32) as u32)])];
        let options = Options { seed, ..Options::default() };
        let mut heard = Vec::new();
        let mut progress = |m: &str| heard.push(m.to_string());
        let mut run = Run::new(&options, planted, &mut progress);
        let best = run.reduce(Candidate { wasm, invocations }, Vec::new()).unwrap();
        assert!(heard.iter().any(|m| m.contains("wasm-shrink")), "{heard:?}");
        best
    }

    /// Shrinking a planted difference: one function of a few instructions is left, invoked
    /// alone as `f`, and the difference is still there; the same seed, the same result.
    #[test]
    fn shrinks_a_planted_difference() {
        let best = shrunk(7);
        let module = front_end(&best.wasm).unwrap();
        let (functions, instructions) = size(&module);
        let text = wasmprinter::print_bytes(&best.wasm).unwrap();
        assert_eq!(functions, 1, "{text}");
        assert!(instructions <= 8, "{instructions} instructions:\n{text}");
        assert_eq!(best.invocations.len(), 1, "{:?}", best.invocations);
        assert_eq!(best.invocations[0].0, "f");
        assert!(module.globals.is_empty() && module.datas.is_empty(), "{text}");
        let case =
            Case { wasm: best.wasm.clone(), module: Rc::new(module), invocations: best.invocations.clone() };
        assert!(planted(&case));
        assert_eq!(shrunk(7), best, "deterministic for a seed");
    }

    #[test]
    fn simpler_values() {
        assert_eq!(simpler(Val::I32(7)), [Val::I32(0), Val::I32(1), Val::I32(u32::MAX)]);
        assert_eq!(simpler(Val::I32(u32::MAX)), [Val::I32(0), Val::I32(1)]);
        assert_eq!(simpler(Val::I64(0)), []);
        assert_eq!(simpler(Val::F32(F32(1f32.to_bits()))), [Val::F32(F32(0))]);
    }
}
