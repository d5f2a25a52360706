//! The referee: an engine that drives the reference and the compiler side by side and
//! compares everything they can observe after every instantiation and invocation: results,
//! traps (message and rule), and every global, memory byte and table entry of the store.
//! Any difference is an [`Error::Divergence`] that shows both sides, so `lockstep wast
//! --engine lockstep` needs no runner of its own.
//!
//! The two stores allocate independently; the referee's addresses name pairs of addresses,
//! one per side, formed where the spec orders them: a module instance's functions, tables,
//! memories and globals, imports first.
//!
//! NaNs: where an operator's result is a NaN the spec lets it return any member of
//! `nans_N`, canonical or arithmetic NaNs of either sign (4.3.1), and the compiler returns
//! the one x86's instructions make. The referee runs the reference with the same choice
//! ([`NanChoice::X86`]), a member of the same set, so that NaN bits compare exactly wherever
//! they flow (into integers by `reinterpret`, into memory): every value is compared bit for
//! bit, and a compiler NaN outside the allowed set is a divergence.
//!
//! Relaxed vector operators: the spec lets an implementation fix each of their global
//! parameters (`R_fmadd`, ...) to one of its alternatives. The compiler's choices are one such
//! assignment ([`Jit::relaxed`]: the configuration's deterministic profile where it asks for
//! it, x86's natural results elsewhere), and the reference runs under the same, so that these
//! results too compare exactly.
//!
//! Resources: where one side runs out of stack or fuel and the other does not, the outcome
//! is inconclusive (the spec lets exhaustion happen anywhere), and is reported as such.
//!
//! Differential testing drives the referee, one module per step: [`case`] makes a case from
//! a fuzzer's bytes (a wasm-smith module or a probe, and the invocations to make);
//! [`differential`] runs it through the referee and returns the first divergence; [`explain`]
//! replays that with both sides traced, to find the first call they disagree on and the
//! spec's rules at issue; [`report`] writes it up as a bug report.

pub mod case;
pub mod differential;
pub mod explain;
pub mod report;

use crate::exec::Reference;
use crate::jit::{Bounds, Jit};
use crate::runtime::{Addrs, Config, Engine, Error, ExternVal, HostFunc, InstanceId, NanChoice, Ref, Val};
use crate::syntax::{FuncType, GlobalType, MemType, Module, TableType};
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

/// The referee and the two engines it drives.
pub struct Referee {
    pub reference: Reference,
    pub jit: Jit,
    pub(crate) funcs: Pairs,
    tables: Pairs,
    mems: Pairs,
    globals: Pairs,
    instances: Vec<(InstanceId, InstanceId)>,
}

/// The referee's addresses of one kind: each names a pair (reference, compiler).
#[derive(Default)]
pub(crate) struct Pairs {
    pub(crate) pairs: Vec<(u32, u32)>,
    of_reference: HashMap<u32, u32>,
}

impl Pairs {
    fn pair(&mut self, a: u32, b: u32) -> u32 {
        if let Some(&x) = self.of_reference.get(&a) {
            return x;
        }
        let x = self.pairs.len() as u32;
        self.pairs.push((a, b));
        self.of_reference.insert(a, x);
        x
    }

    pub(crate) fn get(&self, x: u32) -> (u32, u32) {
        self.pairs[x as usize]
    }

    /// The reference's address paired with the compiler's `b`.
    pub(crate) fn of_compiler(&self, b: u32) -> Option<u32> {
        self.pairs.iter().find(|p| p.1 == b).map(|p| p.0)
    }

    fn holds(&self, a: u32, b: u32) -> bool {
        self.of_reference.get(&a).is_some_and(|x| self.pairs[*x as usize].1 == b)
    }
}

impl Referee {
    pub fn new(config: Config, bounds: Bounds) -> Referee {
        Referee::with(config, Jit::new(config, bounds))
    }

    /// The referee of this compiler (compiling for a lower instruction set, say).
    pub fn with(config: Config, jit: Jit) -> Referee {
        // The compiler's relaxed results are one assignment of the relaxed parameters: the
        // reference runs under the same, so that they compare exactly.
        let relaxed = jit.relaxed();
        Referee {
            reference: Reference::new(Config { nans: NanChoice::X86, relaxed, ..config }),
            jit,
            funcs: Pairs::default(),
            tables: Pairs::default(),
            mems: Pairs::default(),
            globals: Pairs::default(),
            instances: Vec::new(),
        }
    }

    /// A value of the referee as each side knows it.
    pub(crate) fn sides(&self, v: Val) -> (Val, Val) {
        match v {
            Val::Ref(Ref::Func(x)) => {
                let (a, b) = self.funcs.get(x);
                (Val::Ref(Ref::Func(a)), Val::Ref(Ref::Func(b)))
            }
            v => (v, v),
        }
    }

    /// A value of the reference as the referee names it.
    fn ours(&self, v: Val) -> Val {
        match v {
            Val::Ref(Ref::Func(a)) => Val::Ref(Ref::Func(self.funcs.of_reference[&a])),
            v => v,
        }
    }

    fn extern_sides(&self, e: ExternVal) -> (ExternVal, ExternVal) {
        match e {
            ExternVal::Func(x) => {
                let (a, b) = self.funcs.get(x);
                (ExternVal::Func(a), ExternVal::Func(b))
            }
            ExternVal::Table(x) => {
                let (a, b) = self.tables.get(x);
                (ExternVal::Table(a), ExternVal::Table(b))
            }
            ExternVal::Mem(x) => {
                let (a, b) = self.mems.get(x);
                (ExternVal::Mem(a), ExternVal::Mem(b))
            }
            ExternVal::Global(x) => {
                let (a, b) = self.globals.get(x);
                (ExternVal::Global(a), ExternVal::Global(b))
            }
            tag => (tag, tag),
        }
    }

    /// Whether the compiler's value `b` is the reference's `a`: the same bits, the same
    /// function (as the pairs have it), or both null.
    fn agree(&self, a: Val, b: Val) -> bool {
        match (a, b) {
            (Val::Ref(Ref::Null(_)), Val::Ref(Ref::Null(_))) => true,
            (Val::Ref(Ref::Func(x)), Val::Ref(Ref::Func(y))) => self.funcs.holds(x, y),
            (a, b) => a == b,
        }
    }

    fn agree_all(&self, a: &[Val], b: &[Val]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| self.agree(*x, *y))
    }

    /// Pair the entities of two instances of the same module, position by position.
    fn pair_instances(&mut self, a: InstanceId, b: InstanceId) -> InstanceId {
        let (x, y) = (self.reference.instance_addrs(a), self.jit.instance_addrs(b));
        for (p, q) in x.funcs.iter().zip(&y.funcs) {
            self.funcs.pair(*p, *q);
        }
        for (p, q) in x.tables.iter().zip(&y.tables) {
            self.tables.pair(*p, *q);
        }
        for (p, q) in x.mems.iter().zip(&y.mems) {
            self.mems.pair(*p, *q);
        }
        for (p, q) in x.globals.iter().zip(&y.globals) {
            self.globals.pair(*p, *q);
        }
        self.instances.push((a, b));
        self.instances.len() as u32 - 1
    }

    /// Every global, memory byte and table entry the two stores share, compared.
    fn compare_store(&self) -> Result<(), Error> {
        let mut diffs = String::new();
        for (x, &(a, b)) in self.globals.pairs.iter().enumerate() {
            let (u, v) = (self.reference.global_read(a), self.jit.global_read(b));
            if !self.agree(u, v) {
                let _ = write!(diffs, "global {x}: reference {u}, compiler {v}; ");
            }
        }
        for (x, &(a, b)) in self.mems.pairs.iter().enumerate() {
            let (u, v) = (self.reference.mem_bytes(a), self.jit.mem_bytes(b));
            if u == v {
                continue;
            } else if u.len() != v.len() {
                let _ =
                    write!(diffs, "memory {x}: reference {} bytes, compiler {} bytes; ", u.len(), v.len());
            } else if let Some(i) = u.iter().zip(v).position(|(p, q)| p != q) {
                let _ =
                    write!(diffs, "memory {x} at {i:#x}: reference {:#04x}, compiler {:#04x}; ", u[i], v[i]);
            }
        }
        for (x, &(a, b)) in self.tables.pairs.iter().enumerate() {
            let (u, v) = (self.reference.table_refs(a), self.jit.table_refs(b));
            if u.len() != v.len() {
                let _ = write!(diffs, "table {x}: reference {} elements, compiler {}; ", u.len(), v.len());
            } else if let Some(i) = (0..u.len()).find(|&i| !self.agree(Val::Ref(u[i]), Val::Ref(v[i]))) {
                let (p, q) = (Val::Ref(u[i]), Val::Ref(v[i]));
                let _ = write!(diffs, "table {x}[{i}]: reference {p}, compiler {q}; ");
            }
        }
        if diffs.is_empty() { Ok(()) } else { Err(Error::Divergence(diffs.trim_end_matches("; ").into())) }
    }

    /// The outcome both sides agree on, or the divergence.
    fn judge<T, U>(
        &self,
        a: Result<T, Error>,
        b: Result<U, Error>,
        agree: impl Fn(&T, &U) -> bool,
        show: impl Fn(&T) -> String,
        show_b: impl Fn(&U) -> String,
    ) -> Result<(T, U), Error> {
        match (a, b) {
            (Err(Error::Unsupported(r)), _) | (_, Err(Error::Unsupported(r))) => Err(Error::Unsupported(r)),
            (Ok(x), Ok(y)) if agree(&x, &y) => Ok((x, y)),
            (Err(e), Err(f)) if same_error(&e, &f) => Err(e),
            (x, y) => {
                let exhausted = exhausted(x.as_ref().err()) || exhausted(y.as_ref().err());
                let x = x.as_ref().map_or_else(show_error, show);
                let y = y.as_ref().map_or_else(show_error, show_b);
                if exhausted {
                    return Err(Error::Unsupported(format!("inconclusive: reference {x}, compiler {y}")));
                }
                Err(Error::Divergence(format!("reference {x}, compiler {y}")))
            }
        }
    }

    /// The outcome, unless the stores now differ: a divergence comes first.
    fn and_store<T>(&self, outcome: Result<T, Error>) -> Result<T, Error> {
        if matches!(outcome, Err(Error::Divergence(_) | Error::Unsupported(_))) {
            return outcome;
        }
        self.compare_store()?;
        outcome
    }
}

/// Whether an outcome is a resource running out. The spec lets exhaustion happen anywhere,
/// and the engines' limits differ (frames counted against bytes of stack): where one side
/// ran out, the comparison is inconclusive, not a divergence.
fn exhausted(e: Option<&Error>) -> bool {
    matches!(e, Some(Error::Trap { message, .. }) if message == "call stack exhausted" || message == "fuel exhausted")
}

/// Two errors agree when they are the same outcome: the same message, and the same rule.
fn same_error(e: &Error, f: &Error) -> bool {
    match (e, f) {
        (Error::Trap { message: m, rule: r }, Error::Trap { message: n, rule: s }) => m == n && r == s,
        (Error::Link { message: m, .. }, Error::Link { message: n, .. }) => m == n,
        _ => false,
    }
}

fn show_error(e: &Error) -> String {
    match e {
        Error::Trap { message, rule } => {
            format!("trap \"{message}\"{}", rule.map_or(String::new(), |r| format!(" [{}]", r.id())))
        }
        Error::Link { message, .. } => format!("link error \"{message}\""),
        Error::Unsupported(r) | Error::Divergence(r) => r.clone(),
    }
}

fn show_vals(vs: &[Val]) -> String {
    format!("[{}]", vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "))
}

impl Engine for Referee {
    fn name(&self) -> &'static str {
        "lockstep"
    }

    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
        let (a, b): (Vec<_>, Vec<_>) = imports.iter().map(|e| self.extern_sides(*e)).unzip();
        let before = (self.reference.funcs_allocated(), self.jit.funcs_allocated());
        let x = self.reference.instantiate(module, &a);
        let y = self.jit.instantiate(module, &b);
        // A module's functions are allocated in order, and stay when instantiation fails
        // after allocation (their references may be in imported tables by then).
        let after = (self.reference.funcs_allocated(), self.jit.funcs_allocated());
        for (p, q) in (before.0..after.0).zip(before.1..after.1) {
            self.funcs.pair(p, q);
        }
        let instance = |_: &InstanceId| "an instance".to_string();
        let outcome =
            self.judge(x, y, |_, _| true, instance, instance).map(|(i, j)| self.pair_instances(i, j));
        self.and_store(outcome)
    }

    fn export(&self, instance: InstanceId, name: &str) -> Option<ExternVal> {
        let (a, _) = self.instances[instance as usize];
        Some(match self.reference.export(a, name)? {
            ExternVal::Func(a) => ExternVal::Func(self.funcs.of_reference[&a]),
            ExternVal::Table(a) => ExternVal::Table(self.tables.of_reference[&a]),
            ExternVal::Mem(a) => ExternVal::Mem(self.mems.of_reference[&a]),
            ExternVal::Global(a) => ExternVal::Global(self.globals.of_reference[&a]),
            tag => tag,
        })
    }

    fn invoke(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        let (a, b) = self.funcs.get(func);
        let (xs, ys): (Vec<_>, Vec<_>) = args.iter().map(|v| self.sides(*v)).unzip();
        let x = self.reference.invoke(a, &xs);
        let y = self.jit.invoke(b, &ys);
        let show = |v: &Vec<Val>| show_vals(v);
        let outcome = self.judge(x, y, |x, y| self.agree_all(x, y), show, show);
        let (values, _) = self.and_store(outcome)?;
        Ok(values.into_iter().map(|v| self.ours(v)).collect())
    }

    fn global_read(&self, global: u32) -> Val {
        self.ours(self.reference.global_read(self.globals.get(global).0))
    }

    fn instance_addrs(&self, instance: InstanceId) -> Addrs {
        let a = self.reference.instance_addrs(self.instances[instance as usize].0);
        let ours = |p: &Pairs, xs: Vec<u32>| xs.into_iter().map(|x| p.of_reference[&x]).collect();
        Addrs {
            funcs: ours(&self.funcs, a.funcs),
            tables: ours(&self.tables, a.tables),
            mems: ours(&self.mems, a.mems),
            globals: ours(&self.globals, a.globals),
        }
    }

    fn funcs_allocated(&self) -> u32 {
        self.funcs.pairs.len() as u32
    }

    fn mem_bytes(&self, mem: u32) -> &[u8] {
        self.reference.mem_bytes(self.mems.get(mem).0)
    }

    fn table_refs(&self, table: u32) -> Vec<Ref> {
        let refs = self.reference.table_refs(self.tables.get(table).0);
        refs.into_iter()
            .map(|r| match self.ours(Val::Ref(r)) {
                Val::Ref(r) => r,
                _ => unreachable!("a reference stays one"),
            })
            .collect()
    }

    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal {
        let (ExternVal::Func(a), ExternVal::Func(b)) =
            (self.reference.alloc_func(ty.clone(), code.clone()), self.jit.alloc_func(ty, code))
        else {
            unreachable!("func_alloc allocates a function")
        };
        ExternVal::Func(self.funcs.pair(a, b))
    }

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> ExternVal {
        let (Val::Ref(p), Val::Ref(q)) = self.sides(Val::Ref(init)) else { unreachable!("a reference") };
        let (ExternVal::Table(a), ExternVal::Table(b)) =
            (self.reference.alloc_table(ty, p), self.jit.alloc_table(ty, q))
        else {
            unreachable!("table_alloc allocates a table")
        };
        ExternVal::Table(self.tables.pair(a, b))
    }

    fn alloc_mem(&mut self, ty: MemType) -> ExternVal {
        let (ExternVal::Mem(a), ExternVal::Mem(b)) = (self.reference.alloc_mem(ty), self.jit.alloc_mem(ty))
        else {
            unreachable!("mem_alloc allocates a memory")
        };
        ExternVal::Mem(self.mems.pair(a, b))
    }

    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal {
        let (p, q) = self.sides(value);
        let (ExternVal::Global(a), ExternVal::Global(b)) =
            (self.reference.alloc_global(ty, p), self.jit.alloc_global(ty, q))
        else {
            unreachable!("global_alloc allocates a global")
        };
        ExternVal::Global(self.globals.pair(a, b))
    }
}
