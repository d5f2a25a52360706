//! The numerics of both engines against the spec's over exact arithmetic
//! (`lockstep_proofs::numerics`): every scalar operator, and the vector ones in the
//! reference, on edge-biased operands with quickcheck; the unary `f32` operators and the
//! `f32 -> i32` truncations on every one of the 2^32 operands (`#[ignore]`d: run with
//! `cargo test --release -p lockstep-proofs -- --ignored`), and on a stride of them with the
//! edge values in every run. A NaN result passes if it is in the spec's set `nans_N{z*}`; the
//! reference is run with both of its NaN choices (the deterministic profile's and x86's).
//! See README.md for the counts and times.

mod edges;
mod engines;
mod ops;

use std::cell::RefCell;
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use lockstep::runtime::{NanChoice, Val};
use lockstep::syntax::{F32, Instr};
use quickcheck::{Arbitrary, Gen, QuickCheck, TestResult};

use engines::Compiled;
use ops::{Family, Op, Outcome, show_result, show_val};

const FAMILIES: [Family; 4] = [Family::Int, Family::Float, Family::Conversion, Family::Vector];

/// Cases per operator in each property (a tenth in a debug build, which is about ten times
/// slower).
const CASES_PER_SCALAR_OP: u64 = if cfg!(debug_assertions) { 2_000 } else { 20_000 };
const CASES_PER_VECTOR_OP: u64 = if cfg!(debug_assertions) { 200 } else { 2_000 };

/// The operators checked on all 2^32 operands.
const EXHAUSTIVE: [&str; 12] = [
    "f32.abs",
    "f32.neg",
    "f32.sqrt",
    "f32.ceil",
    "f32.floor",
    "f32.trunc",
    "f32.nearest",
    "f64.promote_f32",
    "i32.trunc_f32_s",
    "i32.trunc_f32_u",
    "i32.trunc_sat_f32_s",
    "i32.trunc_sat_f32_u",
];

/// The stride of the smoke run over the 2^32 operands (a prime, so that the operands' low
/// bits take every value; a sixteenth of them in a debug build).
const SMOKE_STRIDE: u32 = if cfg!(debug_assertions) { 65537 } else { 4099 };

/// The indices (in [`ops::all`]) of a family's operators.
fn family(f: Family) -> &'static [usize] {
    static FAMS: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    let fams = FAMS.get_or_init(|| {
        FAMILIES
            .iter()
            .map(|&f| (0..ops::all().len()).filter(|&k| ops::all()[k].family == f).collect())
            .collect()
    });
    &fams[FAMILIES.iter().position(|&x| x == f).unwrap()]
}

/// The instruction the decoder made of each operator's name (for the reference).
fn instrs() -> &'static [Instr] {
    static INSTRS: OnceLock<Vec<Instr>> = OnceLock::new();
    INSTRS.get_or_init(|| {
        let all: Vec<&Op> = ops::all().iter().collect();
        engines::build(&all, &[]).instrs
    })
}

/// The scalar operators, which the compiler runs.
fn scalar_ops() -> Vec<&'static Op> {
    ops::all().iter().filter(|op| !op.is_vector()).collect()
}

thread_local! {
    /// This thread's compiled module of all scalar operators, with the exhaustive ones
    /// batched too.
    static COMPILED: RefCell<Option<Compiled>> = const { RefCell::new(None) };
}

/// Runs `f` on this thread's compiled module.
fn with_compiled<T>(f: impl FnOnce(&mut Compiled) -> T) -> T {
    COMPILED.with(|c| f(c.borrow_mut().get_or_insert_with(|| Compiled::new(&scalar_ops(), &EXHAUSTIVE))))
}

/// The index among [`scalar_ops`] of the operator at `k` in [`ops::all`].
fn compiled_index(k: usize) -> usize {
    static INDEX: OnceLock<Vec<Option<usize>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let scalar = scalar_ops();
        ops::all().iter().map(|op| scalar.iter().position(|o| std::ptr::eq(*o, op))).collect()
    });
    index[k].expect("a scalar operator")
}

fn call(op: &Op, args: &[Val]) -> String {
    format!("{}({})", op.label(), args.iter().map(show_val).collect::<Vec<_>>().join(", "))
}

/// The reference on operator `k`, under both NaN choices, against `expected`.
fn check_reference(k: usize, args: &[Val], expected: &Outcome) -> Result<(), String> {
    let op = &ops::all()[k];
    for nans in [NanChoice::Deterministic, NanChoice::X86] {
        let got = engines::reference(&instrs()[k], nans, engines::relaxed(op), args);
        expected.check(&got).map_err(|allowed| {
            format!(
                "reference ({nans:?} NaNs): {} = {}, but the spec allows {allowed}",
                call(op, args),
                show_result(&got)
            )
        })?;
    }
    Ok(())
}

/// The compiler on operator `k` against `expected`.
fn check_compiler(k: usize, args: &[Val], expected: &Outcome) -> Result<(), String> {
    let op = &ops::all()[k];
    let got = with_compiled(|c| c.invoke(compiled_index(k), args));
    expected.check(&got).map_err(|allowed| {
        format!("compiler: {} = {}, but the spec allows {allowed}", call(op, args), show_result(&got))
    })
}

static NEXT: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

/// One operator of family `F` (an index into [`FAMILIES`]) and its operands. The operators
/// are taken in turn, so each gets the same number of cases.
#[derive(Clone)]
struct Case<const F: usize> {
    op: usize,
    args: Vec<Val>,
}

impl<const F: usize> fmt::Debug for Case<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&call(&ops::all()[self.op], &self.args))
    }
}

impl<const F: usize> Arbitrary for Case<F> {
    fn arbitrary(g: &mut Gen) -> Self {
        let ops = family(FAMILIES[F]);
        let op = ops[NEXT[F].fetch_add(1, Ordering::Relaxed) % ops.len()];
        Case { op, args: edges::args(g, &ops::all()[op].params) }
    }
}

fn verdict(r: Result<(), String>) -> TestResult {
    match r {
        Ok(()) => TestResult::passed(),
        Err(m) => TestResult::error(m),
    }
}

fn reference_agrees<const F: usize>(c: Case<F>) -> TestResult {
    let expected = (ops::all()[c.op].exact)(&c.args);
    verdict(check_reference(c.op, &c.args, &expected))
}

fn compiler_agrees<const F: usize>(c: Case<F>) -> TestResult {
    let expected = (ops::all()[c.op].exact)(&c.args);
    verdict(check_compiler(c.op, &c.args, &expected))
}

/// Runs a property on `per_op` cases for each operator of family `F` (or `QUICKCHECK_TESTS`
/// cases in all, where that is set).
fn run<const F: usize>(per_op: u64, prop: fn(Case<F>) -> TestResult) {
    let n = per_op * family(FAMILIES[F]).len() as u64;
    let mut qc = QuickCheck::new();
    if std::env::var_os("QUICKCHECK_TESTS").is_none() {
        qc = qc.tests(n).max_tests(n);
    }
    qc.quickcheck(prop);
}

const INT: usize = 0;
const FLOAT: usize = 1;
const CONVERSION: usize = 2;
const VECTOR: usize = 3;

#[test]
fn reference_integer_operators() {
    run::<INT>(CASES_PER_SCALAR_OP, reference_agrees::<INT>);
}

#[test]
fn reference_float_operators() {
    run::<FLOAT>(CASES_PER_SCALAR_OP, reference_agrees::<FLOAT>);
}

#[test]
fn reference_conversions() {
    run::<CONVERSION>(CASES_PER_SCALAR_OP, reference_agrees::<CONVERSION>);
}

#[test]
fn reference_vector_operators() {
    run::<VECTOR>(CASES_PER_VECTOR_OP, reference_agrees::<VECTOR>);
}

#[test]
fn compiler_integer_operators() {
    run::<INT>(CASES_PER_SCALAR_OP, compiler_agrees::<INT>);
}

#[test]
fn compiler_float_operators() {
    run::<FLOAT>(CASES_PER_SCALAR_OP, compiler_agrees::<FLOAT>);
}

#[test]
fn compiler_conversions() {
    run::<CONVERSION>(CASES_PER_SCALAR_OP, compiler_agrees::<CONVERSION>);
}

/// The first failures of a sweep, and how many there were.
#[derive(Default)]
struct Failures {
    count: u64,
    first: Vec<String>,
}

impl Failures {
    fn add(&mut self, m: String) {
        self.count += 1;
        if self.first.len() < 8 {
            self.first.push(m);
        }
    }

    fn merge(&mut self, other: Failures) {
        self.count += other.count;
        for m in other.first {
            if self.first.len() < 8 {
                self.first.push(m);
            }
        }
    }
}

/// The unary `f32` operator `k` on the operands with bits `base + j * stride`, `j < count <=
/// 2^16`, in both engines: the compiler runs a batch of them in one call (the operands it
/// traps on one call each).
fn sweep(k: usize, base: u32, stride: u32, count: u32, failures: &mut Failures) {
    let op = &ops::all()[k];
    let bits = |j: u32| base.wrapping_add(j.wrapping_mul(stride));
    let arg = |j: u32| [Val::F32(F32(bits(j)))];
    let expected: Vec<Outcome> = (0..count).map(|j| (op.exact)(&arg(j))).collect();
    for j in 0..count {
        if let Err(m) = check_reference(k, &arg(j), &expected[j as usize]) {
            failures.add(m);
        }
    }
    let size = if op.result == ops::Ty::F64 { 8 } else { 4 };
    let ck = compiled_index(k);
    let mut j = 0;
    while j < count {
        if matches!(expected[j as usize], Outcome::Trap(_)) {
            if let Err(m) = check_compiler(k, &arg(j), &expected[j as usize]) {
                failures.add(m);
            }
            j += 1;
            continue;
        }
        let run =
            (j..count).take_while(|&i| !matches!(expected[i as usize], Outcome::Trap(_))).count() as u32;
        let results = with_compiled(|c| c.batch(ck, bits(j), stride, run, size));
        for (i, r) in results.into_iter().enumerate() {
            let i = j + i as u32;
            let got = Ok(match op.result {
                ops::Ty::F32 => Val::F32(F32(r as u32)),
                ops::Ty::F64 => Val::F64(lockstep::syntax::F64(r)),
                ops::Ty::I32 => Val::I32(r as u32),
                t => panic!("{t:?}"),
            });
            if let Err(allowed) = expected[i as usize].check(&got) {
                failures.add(format!(
                    "compiler (batched): {} = {}, but the spec allows {allowed}",
                    call(op, &arg(i)),
                    show_result(&got)
                ));
            }
        }
        j += run;
    }
}

fn report(name: &str, inputs: u64, failures: Failures) {
    assert!(
        failures.count == 0,
        "{name}: {} of {inputs} operands disagree with the spec; the first:\n{}",
        failures.count,
        failures.first.join("\n")
    );
}

/// The smoke run: every operator of [`EXHAUSTIVE`] on every [`SMOKE_STRIDE`]th operand and on
/// the edge values of `f32` (with their neighbours), in both engines.
#[test]
fn f32_unary_operators_on_a_stride_and_the_edges() {
    let edges = edges::float_edges(32);
    let steps = (1u64 << 32).div_ceil(u64::from(SMOKE_STRIDE));
    for name in EXHAUSTIVE {
        let k = ops::all().iter().position(|op| op.name == name).unwrap();
        let mut failures = Failures::default();
        let mut done = 0u64;
        while done < steps {
            let count = (steps - done).min(1 << 16) as u32;
            sweep(k, (done * u64::from(SMOKE_STRIDE)) as u32, SMOKE_STRIDE, count, &mut failures);
            done += u64::from(count);
        }
        for &z in &edges {
            sweep(k, z as u32, 0, 1, &mut failures);
        }
        report(name, steps + edges.len() as u64, failures);
    }
}

/// Every one of the 2^32 operands of `name`, in both engines, on all cores.
fn exhaustive(name: &str) {
    let k = ops::all().iter().position(|op| op.name == name).unwrap();
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let failures = std::sync::Mutex::new(Failures::default());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut mine = Failures::default();
                loop {
                    let chunk = next.fetch_add(1, Ordering::Relaxed);
                    if chunk >= 1 << 16 {
                        break;
                    }
                    sweep(k, (chunk as u32) << 16, 1, 1 << 16, &mut mine);
                    if chunk % 4096 == 4095 {
                        eprintln!("{name}: {}/16 in {:.0?}", (chunk + 1) / 4096, start.elapsed());
                    }
                }
                failures.lock().unwrap().merge(mine);
            });
        }
    });
    eprintln!("{name}: 2^32 operands in {:.1?} on {threads} threads", start.elapsed());
    report(name, 1 << 32, failures.into_inner().unwrap());
}

macro_rules! exhaustive {
    ($($test:ident: $name:expr;)*) => {$(
        #[test]
        #[ignore = "2^32 operands: minutes; run with --release -- --ignored"]
        fn $test() {
            exhaustive($name);
        }
    )*};
}

exhaustive! {
    exhaustive_f32_abs: "f32.abs";
    exhaustive_f32_neg: "f32.neg";
    exhaustive_f32_sqrt: "f32.sqrt";
    exhaustive_f32_ceil: "f32.ceil";
    exhaustive_f32_floor: "f32.floor";
    exhaustive_f32_trunc: "f32.trunc";
    exhaustive_f32_nearest: "f32.nearest";
    exhaustive_f64_promote_f32: "f64.promote_f32";
    exhaustive_i32_trunc_f32_s: "i32.trunc_f32_s";
    exhaustive_i32_trunc_f32_u: "i32.trunc_f32_u";
    exhaustive_i32_trunc_sat_f32_s: "i32.trunc_sat_f32_s";
    exhaustive_i32_trunc_sat_f32_u: "i32.trunc_sat_f32_u";
}
