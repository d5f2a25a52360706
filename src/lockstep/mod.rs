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
//! Resources: both engines count the same call depth in frames, the same fuel and the same
//! limits on memories and tables. Where a resource runs out on one side only, or on both
//! but part way through work the other did not do (the reference fills memory byte by
//! byte, the compiler charges the whole fill first), the outcome is inconclusive (the spec
//! lets exhaustion happen anywhere), and is reported as such. The stores may then differ in
//! whatever that invocation could reach, so from then on the referee *taints* every entity
//! that existed, and every instance that imports a tainted one: their differences, and the
//! outcomes of invocations of tainted functions, are inconclusive too, never divergences.
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
pub mod shrink;

use crate::exec::Reference;
use crate::jit::{Bounds, Jit};
use crate::runtime::{Addrs, Config, Engine, Error, ExternVal, HostFunc, InstanceId, NanChoice, Ref, Val};
use crate::syntax::{FuncType, GlobalType, MemType, Module, TableType};
use std::collections::HashMap;
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

/// The referee's addresses of one kind: each names a pair (reference, compiler), and
/// whether it is tainted.
#[derive(Default)]
pub(crate) struct Pairs {
    pub(crate) pairs: Vec<(u32, u32)>,
    of_reference: HashMap<u32, u32>,
    tainted: Vec<bool>,
}

impl Pairs {
    fn pair(&mut self, a: u32, b: u32) -> u32 {
        if let Some(&x) = self.of_reference.get(&a) {
            return x;
        }
        let x = self.pairs.len() as u32;
        self.pairs.push((a, b));
        self.tainted.push(false);
        self.of_reference.insert(a, x);
        x
    }

    fn taint_all(&mut self) {
        self.tainted.fill(true);
    }

    fn taint(&mut self, x: u32) {
        self.tainted[x as usize] = true;
    }

    fn is_tainted(&self, x: u32) -> bool {
        self.tainted[x as usize]
    }

    /// The pairs to compare: the untainted ones, with their referee addresses.
    fn clean(&self) -> impl Iterator<Item = (usize, (u32, u32))> + '_ {
        self.pairs.iter().copied().enumerate().filter(|(x, _)| !self.tainted[*x])
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
        // Both count frames, to the same depth, so that deep recursion compares.
        let config = Config { max_call_depth: Some(config.call_depth()), ..config };
        Referee::with(config, Jit::new(config, bounds))
    }

    /// The referee of this compiler (compiling for a lower instruction set, say), which must
    /// have been made with the same `config`.
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
        let diffs = self.store_differences();
        if diffs.is_empty() {
            return Ok(());
        }
        let shown: Vec<String> = diffs.iter().map(|d| d.to_string()).collect();
        Err(Error::Divergence(shown.join("; ")))
    }

    /// Where the two stores differ: each global that differs, and for each memory and table
    /// its size or its first differing byte or element.
    pub fn store_differences(&self) -> Vec<StoreDiff> {
        let mut diffs = Vec::new();
        for (x, (a, b)) in self.globals.clean() {
            let (u, v) = (self.reference.global_read(a), self.jit.global_read(b));
            if !self.agree(u, v) {
                diffs.push(StoreDiff::Global { global: x as u32, reference: u, compiler: v });
            }
        }
        for (x, (a, b)) in self.mems.clean() {
            let (u, v) = (self.reference.mem_bytes(a), self.jit.mem_bytes(b));
            if crate::runtime::pages::same_bytes(u, v) {
                continue;
            } else if u.len() != v.len() {
                diffs.push(StoreDiff::MemSize { mem: x as u32, reference: u.len(), compiler: v.len() });
            } else if let Some(i) = u.iter().zip(v).position(|(p, q)| p != q) {
                diffs.push(StoreDiff::MemByte { mem: x as u32, at: i, reference: u[i], compiler: v[i] });
            }
        }
        for (x, (a, b)) in self.tables.clean() {
            let (u, v) = (self.reference.table_refs(a), self.jit.table_refs(b));
            if u.len() != v.len() {
                diffs.push(StoreDiff::TableSize { table: x as u32, reference: u.len(), compiler: v.len() });
            } else if let Some(i) = (0..u.len()).find(|&i| !self.agree(Val::Ref(u[i]), Val::Ref(v[i]))) {
                let (p, q) = (Val::Ref(u[i]), Val::Ref(v[i]));
                diffs.push(StoreDiff::TableElem { table: x as u32, at: i, reference: p, compiler: q });
            }
        }
        diffs
    }

    /// The outcome both sides agree on, or the divergence; inconclusive where a resource
    /// ran out or what ran was `tainted`. A resource that ran out on either side taints the
    /// store.
    #[allow(clippy::too_many_arguments)]
    fn judge<T, U>(
        &mut self,
        a: Result<T, Error>,
        b: Result<U, Error>,
        tainted: bool,
        agree: impl Fn(&Self, &T, &U) -> bool,
        show: impl Fn(&T) -> String,
        show_b: impl Fn(&U) -> String,
    ) -> Result<(T, U), Error> {
        let exhausted = exhausted(a.as_ref().err()) || exhausted(b.as_ref().err());
        if exhausted {
            self.taint_all();
        }
        match (a, b) {
            (Err(Error::Unsupported(r)), _) | (_, Err(Error::Unsupported(r))) => Err(Error::Unsupported(r)),
            (Ok(x), Ok(y)) if agree(self, &x, &y) => Ok((x, y)),
            (Err(e), Err(f)) if same_error(&e, &f) => Err(e),
            (x, y) => {
                let x = x.as_ref().map_or_else(show_error, show);
                let y = y.as_ref().map_or_else(show_error, show_b);
                if exhausted || tainted {
                    return Err(inconclusive(format!("reference {x}, compiler {y}")));
                }
                Err(Error::Divergence(format!("reference {x}, compiler {y}")))
            }
        }
    }

    /// The outcome, unless the stores now differ: a divergence comes first (inconclusive
    /// where what ran was `tainted`).
    fn and_store<T>(&self, outcome: Result<T, Error>, tainted: bool) -> Result<T, Error> {
        if matches!(outcome, Err(Error::Divergence(_) | Error::Unsupported(_))) {
            return outcome;
        }
        match self.compare_store() {
            Err(Error::Divergence(what)) if tainted => Err(inconclusive(what)),
            Err(e) => Err(e),
            Ok(()) => outcome,
        }
    }

    /// Taint every entity the stores hold now.
    fn taint_all(&mut self) {
        self.funcs.taint_all();
        self.tables.taint_all();
        self.mems.taint_all();
        self.globals.taint_all();
    }

    /// Whether an external value is tainted.
    fn is_tainted(&self, e: ExternVal) -> bool {
        match e {
            ExternVal::Func(x) => self.funcs.is_tainted(x),
            ExternVal::Table(x) => self.tables.is_tainted(x),
            ExternVal::Mem(x) => self.mems.is_tainted(x),
            ExternVal::Global(x) => self.globals.is_tainted(x),
            ExternVal::Tag(_) => false,
        }
    }

    /// Taint an instance's entities: it imports a tainted one, so it can reach what may
    /// differ.
    fn taint_instance(&mut self, instance: InstanceId) {
        let addrs = self.instance_addrs(instance);
        addrs.funcs.iter().for_each(|x| self.funcs.taint(*x));
        addrs.tables.iter().for_each(|x| self.tables.taint(*x));
        addrs.mems.iter().for_each(|x| self.mems.taint(*x));
        addrs.globals.iter().for_each(|x| self.globals.taint(*x));
    }
}

/// One place where the two stores differ after an instantiation or invocation. Globals,
/// memories and tables are numbered as the referee pairs them: for a module instantiated
/// alone, as the module numbers them.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreDiff {
    Global { global: u32, reference: Val, compiler: Val },
    MemSize { mem: u32, reference: usize, compiler: usize },
    MemByte { mem: u32, at: usize, reference: u8, compiler: u8 },
    TableSize { table: u32, reference: usize, compiler: usize },
    TableElem { table: u32, at: usize, reference: Val, compiler: Val },
}

impl std::fmt::Display for StoreDiff {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            StoreDiff::Global { global, reference, compiler } => {
                write!(f, "global {global}: reference {reference}, compiler {compiler}")
            }
            StoreDiff::MemSize { mem, reference, compiler } => {
                write!(f, "memory {mem}: reference {reference} bytes, compiler {compiler} bytes")
            }
            StoreDiff::MemByte { mem, at, reference, compiler } => {
                write!(f, "memory {mem} at {at:#x}: reference {reference:#04x}, compiler {compiler:#04x}")
            }
            StoreDiff::TableSize { table, reference, compiler } => {
                write!(f, "table {table}: reference {reference} elements, compiler {compiler}")
            }
            StoreDiff::TableElem { table, at, reference, compiler } => {
                write!(f, "table {table}[{at}]: reference {reference}, compiler {compiler}")
            }
        }
    }
}

/// Whether an outcome is a resource running out. The spec lets exhaustion happen anywhere:
/// where one side ran out, the comparison is inconclusive, not a divergence.
fn exhausted(e: Option<&Error>) -> bool {
    matches!(e, Some(Error::Exhausted { .. }))
}

/// An inconclusive comparison: a skip that says what was seen.
fn inconclusive(what: String) -> Error {
    Error::Unsupported(format!("inconclusive: {what}"))
}

/// Two errors agree when they are the same outcome: the same message, and the same rule.
fn same_error(e: &Error, f: &Error) -> bool {
    match (e, f) {
        (Error::Trap { message: m, rule: r }, Error::Trap { message: n, rule: s }) => m == n && r == s,
        (Error::Link { message: m, .. }, Error::Link { message: n, .. }) => m == n,
        (Error::Exhausted { resource: r, .. }, Error::Exhausted { resource: s, .. }) => r == s,
        (Error::Exception(_), Error::Exception(_)) => true,
        _ => false,
    }
}

fn show_error(e: &Error) -> String {
    match e {
        Error::Trap { message, rule } => {
            format!("trap \"{message}\"{}", rule.map_or(String::new(), |r| format!(" [{}]", r.id())))
        }
        Error::Link { message, .. } => format!("link error \"{message}\""),
        Error::Exhausted { message, .. } => message.clone(),
        Error::Exception(what) => format!("exception {what}"),
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
        // The compiler first: what it refuses, it refuses before it changes its store, and
        // then the reference does not run it either, so that the two stores stay alike (an
        // active segment of a module run on one side only would write into a table both
        // share). The reference runs all the compiler does.
        let y = self.jit.instantiate(module, &b);
        if let Err(Error::Unsupported(reason)) = y {
            return Err(Error::Unsupported(reason));
        }
        let x = self.reference.instantiate(module, &a);
        // A module's functions are allocated in order, and stay when instantiation fails
        // after allocation (their references may be in imported tables by then).
        let after = (self.reference.funcs_allocated(), self.jit.funcs_allocated());
        for (p, q) in (before.0..after.0).zip(before.1..after.1) {
            self.funcs.pair(p, q);
        }
        let tainted = imports.iter().any(|e| self.is_tainted(*e));
        let instance = |_: &InstanceId| "an instance".to_string();
        let outcome = self
            .judge(x, y, tainted, |_, _, _| true, instance, instance)
            .map(|(i, j)| self.pair_instances(i, j));
        if let (Ok(instance), true) = (&outcome, tainted) {
            self.taint_instance(*instance);
        }
        self.and_store(outcome, tainted)
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
        let tainted = self.funcs.is_tainted(func);
        let show = |v: &Vec<Val>| show_vals(v);
        let outcome = self.judge(x, y, tainted, |r, x, y| r.agree_all(x, y), show, show);
        let (values, _) = self.and_store(outcome, tainted)?;
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

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> Result<ExternVal, Error> {
        let (Val::Ref(p), Val::Ref(q)) = self.sides(Val::Ref(init)) else { unreachable!("a reference") };
        match (self.reference.alloc_table(ty, p)?, self.jit.alloc_table(ty, q)?) {
            (ExternVal::Table(a), ExternVal::Table(b)) => Ok(ExternVal::Table(self.tables.pair(a, b))),
            _ => unreachable!("table_alloc allocates a table"),
        }
    }

    fn alloc_mem(&mut self, ty: MemType) -> Result<ExternVal, Error> {
        match (self.reference.alloc_mem(ty)?, self.jit.alloc_mem(ty)?) {
            (ExternVal::Mem(a), ExternVal::Mem(b)) => Ok(ExternVal::Mem(self.mems.pair(a, b))),
            _ => unreachable!("mem_alloc allocates a memory"),
        }
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
