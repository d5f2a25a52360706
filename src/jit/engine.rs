//! The compiler as an engine behind the seam of `runtime::engine`: its store, invocation
//! through the entry trampoline, and what the referee reads of the store. Instantiation is
//! [`super::instantiate`]; the functions compiled code calls, [`super::builtins`].

use super::builtins::host_call;
use super::codegen::{Bounds, Options};
use super::isa::{Isa, Level};
use super::memory::WasmStack;
use super::runtime::*;
use super::runtime::{Global, Table};
use super::stubs::{Stubs, stubs};
use crate::rules::{self, Rule};
use crate::runtime::{
    Addrs, Config, Engine, Error, ExternVal, HostFunc, InstanceId, Ref, Relaxed, Resource, Val,
};
use crate::syntax::*;
use std::collections::HashMap;
use std::rc::Rc;

/// The compiler's engine: its store and the machinery to run code. Its entities are boxed
/// because compiled code and contexts hold their addresses, which must not move as the
/// vectors grow.
#[allow(clippy::vec_box)]
pub struct Jit {
    pub(super) config: Config,
    pub(super) options: Options,
    /// Whether memories get a guard region: where accesses rely on it, and under a planted
    /// bounds bug too, whose wrong bound must fault there (a trap the referee reports), not
    /// reach the next mapping.
    pub(super) guard_memories: bool,
    pub(super) runtime: Box<Runtime>,
    pub(super) stack: WasmStack,
    pub(super) stubs: &'static Stubs,
    pub(super) funcs: Vec<Box<FuncRef>>,
    pub(super) func_types: Vec<Rc<FuncType>>,
    pub(super) tables: Vec<Box<Table>>,
    pub(super) mems: Vec<Box<Memory>>,
    pub(super) globals: Vec<Box<Global>>,
    pub(super) instances: Vec<Box<Instance>>,
    pub(super) hosts: Vec<Box<Host>>,
    /// The engine's canonical number of each function type (for `call_indirect`).
    pub(super) type_ids: HashMap<FuncType, u64>,
    pub(super) canon: crate::valid::canon::Types,
    /// The instructions compiled code uses, and the relaxed operators' results it gives.
    pub(super) isa: Isa,
    pub(super) relaxed: Relaxed,
    /// Keep the code of the last module compiled for the next engine on this thread that
    /// instantiates the same module ([`Jit::keep_code`]).
    pub(super) keep_code: bool,
}

/// Words of a context are read by code; the addresses in them stay valid as long as the
/// store does, since every entity is boxed and never freed before the engine.
impl Jit {
    pub fn new(config: Config, bounds: Bounds) -> Jit {
        // The planted bounds bugs live in the explicit checks.
        use super::mutants::{Mutant, active};
        let guard_memories = bounds == Bounds::GuardPages;
        let bounds = if active(Mutant::BoundsOffByOne) || active(Mutant::Mem1BoundOfMem0) {
            Bounds::Checks
        } else {
            bounds
        };
        let stubs = stubs(host_call);
        let stack = WasmStack::new(64 << 20);
        let options = Options {
            bounds,
            fuel: config.fuel.is_some() || config.interruptible,
            interruptible: config.interruptible,
            count_frames: config.max_call_depth.is_some(),
            trace_calls: false,
            threads: 1,
        };
        let isa = Isa::host();
        Jit {
            isa,
            relaxed: isa.relaxed(config.relaxed),
            config,
            options,
            guard_memories,
            runtime: Box::new(Runtime::default()),
            stack,
            stubs,
            funcs: Vec::new(),
            func_types: Vec::new(),
            tables: Vec::new(),
            mems: Vec::new(),
            globals: Vec::new(),
            instances: Vec::new(),
            hosts: Vec::new(),
            type_ids: HashMap::new(),
            canon: crate::valid::canon::Types::new(),
            keep_code: false,
        }
    }

    /// Keep the code of the last module this engine compiles, on this thread, for the next
    /// engine that instantiates the same module (the same `Rc`) for the same target, which
    /// then compiles nothing: the fuzz target's referee runs one module case after case, in
    /// engines of their own, while only the arguments change. Off by default: an engine that
    /// runs its module once would keep a copy of its code for nothing.
    pub fn keep_code(&mut self) {
        self.keep_code = true;
    }

    /// The relaxed operators' results of the code this engine compiles: one assignment of
    /// their parameters, the configuration's where it asks for the deterministic profile's,
    /// x86's elsewhere ([`Isa::relaxed`]).
    pub fn relaxed(&self) -> Relaxed {
        self.relaxed
    }

    /// Compile modules instantiated from now on for at most `level` of the instruction set.
    pub fn lower_isa(&mut self, level: Level) {
        self.isa = self.isa.lowered(level);
        self.relaxed = self.isa.relaxed(self.config.relaxed);
    }

    /// Trace the entries and exits of the functions of modules instantiated from now on.
    pub fn trace_calls(&mut self, on: bool) {
        self.options.trace_calls = on;
    }

    /// The calls traced since the last time, as (function address, values) at each entry
    /// (its arguments) and exit (its results).
    pub fn take_calls(&mut self) -> Vec<(Traced, u32, Vec<Val>)> {
        let events = std::mem::take(&mut self.runtime.calls);
        events
            .into_iter()
            .map(|e| {
                let (kind, func, words) = match e {
                    CallEvent::Enter { func, args } => (Traced::Enter, func, args),
                    CallEvent::Exit { func, results } => (Traced::Exit, func, results),
                };
                let ty = &self.func_types[func as usize];
                let types = if kind == Traced::Enter { &ty.params } else { &ty.results };
                debug_assert_eq!(words.len(), area_layout(types).1 as usize);
                // SAFETY: the words are the area of values of these types.
                (kind, func, unsafe { read_area(types, words.as_ptr()) })
            })
            .collect()
    }

    pub(super) fn type_id(&mut self, ty: &FuncType) -> u64 {
        let n = self.type_ids.len() as u64;
        *self.type_ids.entry(ty.clone()).or_insert(n)
    }

    /// What every context of this engine holds.
    pub(super) fn header(&mut self) -> VmCtx {
        VmCtx::new(&mut *self.runtime, self.stack.limit(), self.stubs.landing)
    }

    /// A value's bits as the store holds them: a word, or for a `v128` two ([`word_val`]).
    fn word(&self, v: Val) -> u128 {
        match v {
            Val::I32(i) => i as u128,
            Val::I64(i) => i as u128,
            Val::F32(z) => z.0 as u128,
            Val::F64(z) => z.0 as u128,
            Val::V128(v) => v.to_u128(),
            Val::Ref(Ref::Null(_)) => 0,
            Val::Ref(Ref::Func(a)) => &*self.funcs[a as usize] as *const FuncRef as u128,
            Val::Ref(Ref::Extern(n)) => n as u128 + 1,
            // GC, exception and `any` host references: the compiler refuses every module
            // whose types could hold one, so none reaches it.
            Val::Ref(_) => 0,
        }
    }

    /// Run a function of the store on the wasm stack: arguments in, results out, or the trap.
    pub(super) fn call(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        let ty = self.func_types[func as usize].clone();
        if args.len() != ty.params.len() || !args.iter().zip(ty.params.iter()).all(|(v, t)| v.has_type(*t)) {
            let message = format!("arguments do not match the function type {ty}");
            return Err(Error::Trap { message, rule: Some(rules::EMBED_FUNC_INVOKE) });
        }
        let words = area_layout(&ty.params).1.max(area_layout(&ty.results).1) as usize;
        let words = words.max(ARG_GPRS.len());
        let area = (words * 8).div_ceil(16) * 16;
        let sp = self.stack.top().wrapping_sub(area);
        let bits: Vec<u128> = args.iter().map(|v| self.word(*v)).collect();
        // SAFETY: `sp` lies in the wasm stack, 16-byte aligned, with room for `words` words.
        unsafe { write_area(&ty.params, &bits, sp as *mut u64) };
        let f = &*self.funcs[func as usize];
        let (code, ctx) = (f.code, f.ctx);
        self.runtime.trap = 0;
        self.runtime.fuel = self.config.fuel.unwrap_or(u64::MAX);
        self.runtime.frames_left = self.config.max_call_depth.map_or(u64::MAX, |d| d as u64);
        // SAFETY: the entry trampoline runs compiled code of this store on its stack; the
        // code keeps to the store's entities, reached through `ctx`.
        let trapped = unsafe { (self.stubs.entry)(ctx, code, sp) };
        if trapped != 0 {
            return Err(self.trap());
        }
        // The first result, an integer or a reference, is in `rax` alone.
        if ty.results.first().is_some_and(|t| !matches!(t, ValType::F32 | ValType::F64 | ValType::V128)) {
            // SAFETY: as above.
            unsafe { *(sp as *mut u64) = self.runtime.result0 };
        }
        // SAFETY: as above; the callee wrote its other results there.
        Ok(unsafe { read_area(&ty.results, sp as *const u64) })
    }

    /// The trap the runtime recorded, as the reference raises it: same message, same rule.
    fn trap(&self) -> Error {
        self.trap_of(self.runtime.trap, self.runtime.trap_arg)
    }

    /// The trap of a code ([`trap_code`]) and its argument.
    pub(super) fn trap_of(&self, code: u64, arg: u64) -> Error {
        let kind = Trap::from_code(code & 0xffff);
        let rule = match kind {
            Trap::MemoryOob if code >> 16 == 0 => self.fault_rule(arg as usize),
            _ => Some(Rule::from_index((code >> 16) as u16)),
        };
        let message = match kind {
            Trap::Unreachable => "unreachable".into(),
            Trap::DivideByZero => "integer divide by zero".into(),
            Trap::Overflow => "integer overflow".into(),
            Trap::InvalidConversion => "invalid conversion to integer".into(),
            Trap::MemoryOob => "out of bounds memory access".into(),
            Trap::TableOob => "out of bounds table access".into(),
            Trap::UndefinedElement => format!("undefined element {}", arg as u32),
            Trap::UninitializedElement => format!("uninitialized element {}", arg as u32),
            Trap::IndirectCallTypeMismatch => "indirect call type mismatch".into(),
            Trap::StackExhausted => return Error::exhausted(Resource::CallStack),
            Trap::FuelExhausted => return Error::exhausted(Resource::Fuel),
            Trap::Interrupted => return Error::exhausted(Resource::Time),
            Trap::HostTrap => "host function trapped".into(),
        };
        Error::Trap { message, rule }
    }

    /// The rule of the memory access at a faulting address: the module's table of accesses.
    fn fault_rule(&self, pc: usize) -> Option<Rule> {
        self.instances.iter().filter_map(|i| i.code.as_ref()).find_map(|(code, faults)| {
            let base = code.at(0) as usize;
            let offset = pc.checked_sub(base)? as u32;
            faults.rule_at(offset)
        })
    }
}

/// A failed allocation: the resource, and what was asked.
pub(super) fn exhausted(resource: Resource, what: String) -> Error {
    Error::Exhausted { resource, message: format!("{}: {what}", resource.message()) }
}

/// Whether a traced event is a function's entry or its exit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Traced {
    Enter,
    Exit,
}

impl Engine for Jit {
    fn name(&self) -> &'static str {
        "jit"
    }

    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
        super::instantiate::instantiate(self, module, imports)
    }

    fn export(&self, instance: InstanceId, name: &str) -> Option<ExternVal> {
        let inst = self.instances.get(instance as usize)?;
        inst.exports.iter().find(|(n, _)| n == name).map(|(_, e)| *e)
    }

    fn invoke(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        self.call(func, args)
    }

    fn global_read(&self, global: u32) -> Val {
        let g = &self.globals[global as usize];
        word_val(g.ty.val, *g.cell)
    }

    fn instance_addrs(&self, instance: InstanceId) -> Addrs {
        self.instances[instance as usize].addrs.clone()
    }

    fn funcs_allocated(&self) -> u32 {
        self.funcs.len() as u32
    }

    fn mem_bytes(&self, mem: u32) -> &[u8] {
        self.mems[mem as usize].mem.bytes()
    }

    fn table_refs(&self, table: u32) -> Vec<Ref> {
        let t = &self.tables[table as usize];
        let ty = ValType::Ref(t.ty.elem);
        t.elems
            .iter()
            .map(|w| match word_val(ty, *w as u128) {
                Val::Ref(r) => r,
                _ => unreachable!("a reference type"),
            })
            .collect()
    }

    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal {
        let ty = Rc::new(ty);
        let type_id = self.type_id(&ty);
        let ctx = Box::new(HostCtx { header: self.header(), host: std::ptr::null() });
        let mut host = Box::new(Host { ctx, ty: ty.clone(), code });
        let data: *const Host = &*host;
        host.ctx.host = data;
        let addr = self.funcs.len() as u64;
        self.funcs.push(Box::new(FuncRef {
            code: self.stubs.host as *const u8,
            ctx: &mut host.ctx.header,
            type_id,
            addr,
        }));
        self.func_types.push(ty);
        self.hosts.push(host);
        ExternVal::Func(addr as u32)
    }

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> Result<ExternVal, Error> {
        let w = self.word(Val::Ref(init)) as u64;
        let table = Table::alloc(ty, w, &self.config, &mut self.runtime.usage)
            .map_err(|what| exhausted(Resource::Table, what))?;
        self.tables.push(Box::new(table));
        Ok(ExternVal::Table(self.tables.len() as u32 - 1))
    }

    /// A host memory: behind a guard region, or where the host lacks the address space,
    /// without (the modules that import it then check bounds).
    fn alloc_mem(&mut self, ty: MemType) -> Result<ExternVal, Error> {
        let (config, usage) = (&self.config, &mut self.runtime.usage);
        let mem = Memory::alloc(ty, self.guard_memories, config, usage)
            .or_else(|_| Memory::alloc(ty, false, config, usage))
            .map_err(|what| exhausted(Resource::Memory, what))?;
        self.mems.push(Box::new(mem));
        Ok(ExternVal::Mem(self.mems.len() as u32 - 1))
    }

    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal {
        let w = self.word(value);
        self.globals.push(Box::new(Global { ty, cell: Box::new(w) }));
        ExternVal::Global(self.globals.len() as u32 - 1)
    }
}
