//! The compiler as an engine behind the seam of `runtime::engine`: its store, instantiation
//! (compile, allocate, initialise, as the spec's `instantiate` does), invocation through the
//! entry trampoline, and the runtime functions compiled code calls.

use super::codegen::{self, Bounds, Builtins, Compiled, Env, Options, trap_code};
use super::memory::{CodeMemory, WasmStack};
use super::runtime::*;
use super::runtime::{Global, Table};
use super::stubs::{Stubs, stubs};
use crate::rules::{self, Rule};
use crate::runtime::{Addrs, Config, Engine, Error, ExternVal, HostFunc, InstanceId, Ref, Val};
use crate::syntax::*;
use std::collections::HashMap;
use std::rc::Rc;

/// The compiler's engine: its store and the machinery to run code.
pub struct Jit {
    config: Config,
    options: Options,
    runtime: Box<Runtime>,
    stack: WasmStack,
    stubs: &'static Stubs,
    funcs: Vec<Box<FuncRef>>,
    func_types: Vec<Rc<FuncType>>,
    tables: Vec<Box<Table>>,
    mems: Vec<Box<Memory>>,
    globals: Vec<Box<Global>>,
    instances: Vec<Box<Instance>>,
    hosts: Vec<Box<Host>>,
    /// The engine's canonical number of each function type (for `call_indirect`).
    type_ids: HashMap<FuncType, u64>,
}

/// Words of a context are read by code; the addresses in them stay valid as long as the
/// store does, since every entity is boxed and never freed before the engine.
impl Jit {
    pub fn new(config: Config, bounds: Bounds) -> Jit {
        // The planted bounds bug lives in the explicit checks.
        let bounds = if super::mutants::active(super::mutants::Mutant::BoundsOffByOne) {
            Bounds::Checks
        } else {
            bounds
        };
        let stubs = stubs(host_call);
        let stack = WasmStack::new(64 << 20).expect("mapping the wasm stack");
        let fuel = config.fuel;
        Jit {
            config,
            options: Options { bounds, fuel: fuel.is_some(), trace_calls: false },
            runtime: Box::new(Runtime { fuel: fuel.unwrap_or(u64::MAX), ..Runtime::default() }),
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
        }
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
                (kind, func, types.iter().zip(words).map(|(t, w)| self.val(*t, w)).collect())
            })
            .collect()
    }

    fn type_id(&mut self, ty: &FuncType) -> u64 {
        let n = self.type_ids.len() as u64;
        *self.type_ids.entry(ty.clone()).or_insert(n)
    }

    /// What every context of this engine holds.
    fn header(&mut self) -> VmCtx {
        VmCtx::new(&mut *self.runtime, self.stack.limit(), self.stubs.landing)
    }

    /// A value as a word of the store.
    fn word(&self, v: Val) -> u64 {
        match v {
            Val::I32(i) => i as u64,
            Val::I64(i) => i,
            Val::F32(z) => z.0 as u64,
            Val::F64(z) => z.0,
            Val::V128(_) => 0,
            Val::Ref(Ref::Null(_)) => 0,
            Val::Ref(Ref::Func(a)) => &*self.funcs[a as usize] as *const FuncRef as u64,
            Val::Ref(Ref::Extern(n)) => n as u64 + 1,
        }
    }

    /// A word of the store as a value of type `t`.
    fn val(&self, t: ValType, w: u64) -> Val {
        word_val(t, w)
    }

    /// Run a function of the store on the wasm stack: arguments in, results out, or the trap.
    fn call(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        let ty = self.func_types[func as usize].clone();
        if args.len() != ty.params.len() || !args.iter().zip(ty.params.iter()).all(|(v, t)| v.has_type(*t)) {
            let message = format!("arguments do not match the function type {ty}");
            return Err(Error::Trap { message, rule: Some(rules::EMBED_FUNC_INVOKE) });
        }
        let words = ty.params.len().max(ty.results.len());
        let area = (words * 8).div_ceil(16) * 16;
        let sp = self.stack.top().wrapping_sub(area);
        for (i, v) in args.iter().enumerate() {
            // SAFETY: `sp` lies in the wasm stack, with room for `words` words.
            unsafe { (sp as *mut u64).add(i).write(self.word(*v)) };
        }
        let f = &*self.funcs[func as usize];
        let (code, ctx) = (f.code, f.ctx);
        self.runtime.trap = 0;
        if let Some(fuel) = self.config.fuel {
            self.runtime.fuel = fuel;
        }
        // SAFETY: the entry trampoline runs compiled code of this store on its stack; the
        // code keeps to the store's entities, reached through `ctx`.
        let trapped = unsafe { (self.stubs.entry)(ctx, code, sp) };
        if trapped != 0 {
            return Err(self.trap());
        }
        Ok(ty
            .results
            .iter()
            .enumerate()
            .map(|(j, t)| {
                // SAFETY: as above; the callee wrote its results there.
                let w = unsafe { (sp as *const u64).add(j).read() };
                self.val(*t, w)
            })
            .collect())
    }

    /// The trap the runtime recorded, as the reference raises it: same message, same rule.
    fn trap(&self) -> Error {
        let code = self.runtime.trap;
        let arg = self.runtime.trap_arg;
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
            Trap::StackExhausted => "call stack exhausted".into(),
            Trap::FuelExhausted => return Error::Trap { message: "fuel exhausted".into(), rule: None },
            Trap::HostTrap => "host function trapped".into(),
        };
        Error::Trap { message, rule }
    }

    /// The rule of the memory access at a faulting address: the module's table of accesses.
    fn fault_rule(&self, pc: usize) -> Option<Rule> {
        self.instances.iter().filter_map(|i| i.code.as_ref()).find_map(|(code, faults)| {
            let base = code.at(0) as usize;
            let offset = pc.checked_sub(base)? as u32;
            faults.binary_search_by_key(&offset, |f| f.0).ok().map(|k| faults[k].1)
        })
    }
}

/// Whether a traced event is a function's entry or its exit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Traced {
    Enter,
    Exit,
}

/// A word as a value of type `t`.
fn word_val(t: ValType, w: u64) -> Val {
    match t {
        ValType::I32 => Val::I32(w as u32),
        ValType::I64 => Val::I64(w),
        ValType::F32 => Val::F32(F32(w as u32)),
        ValType::F64 => Val::F64(F64(w)),
        ValType::Ref(rt) if w == 0 => Val::Ref(Ref::Null(rt.heap)),
        ValType::Ref(rt) if is_extern(rt) => Val::Ref(Ref::Extern((w - 1) as u32)),
        // SAFETY: a non-null function reference word is the address of a live FuncRef.
        ValType::Ref(_) => Val::Ref(Ref::Func(unsafe { (*(w as *const FuncRef)).addr } as u32)),
        ValType::V128 | ValType::Bot => Val::I32(0),
    }
}

fn is_extern(rt: RefType) -> bool {
    matches!(rt.heap, HeapType::Abs(AbsHeapType::Extern | AbsHeapType::NoExtern))
}

impl Engine for Jit {
    fn name(&self) -> &'static str {
        "jit"
    }

    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
        instantiate(self, module, imports)
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
        self.val(g.ty.val, *g.cell)
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
            .map(|w| match word_val(ty, *w) {
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

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> ExternVal {
        let w = self.word(Val::Ref(init));
        self.tables.push(Box::new(Table::new(ty, w)));
        ExternVal::Table(self.tables.len() as u32 - 1)
    }

    fn alloc_mem(&mut self, ty: MemType) -> ExternVal {
        self.mems.push(Box::new(Memory::new(ty).expect("mapping a linear memory")));
        ExternVal::Mem(self.mems.len() as u32 - 1)
    }

    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal {
        let w = self.word(value);
        self.globals.push(Box::new(Global { ty, cell: Box::new(w) }));
        ExternVal::Global(self.globals.len() as u32 - 1)
    }
}

/// Read arguments from the caller's area, run the host function, write its results back.
extern "C" fn host_call(ctx: *mut VmCtx, area: *mut u64) -> u64 {
    // SAFETY: the host trampoline passes the context of a host FuncRef, a HostCtx, and the
    // caller's area, which holds max(params, results) words.
    unsafe {
        let host = &*(*ctx.cast::<HostCtx>()).host;
        let args: Vec<Val> =
            host.ty.params.iter().enumerate().map(|(i, t)| word_val(*t, *area.add(i))).collect();
        match (host.code)(&args) {
            Ok(results) => {
                for (j, v) in results.iter().enumerate() {
                    let w = match *v {
                        Val::I32(i) => i as u64,
                        Val::I64(i) => i,
                        Val::F32(z) => z.0 as u64,
                        Val::F64(z) => z.0,
                        Val::Ref(Ref::Extern(n)) => n as u64 + 1,
                        _ => 0,
                    };
                    area.add(j).write(w);
                }
                0
            }
            Err(_) => trap_code(Trap::HostTrap, rules::EXEC_INVOKE_HOST),
        }
    }
}

// ----- Instantiation -----

/// What the reference refuses, the compiler refuses too, with its own prefix.
fn unsupported(what: &str) -> Error {
    Error::Unsupported(format!("unsupported by the compiler: {what}"))
}

/// Compile every function of a validated module: what `lockstep compile` times.
pub fn compile(module: &Module, options: Options) -> Result<Compiled, Error> {
    let types = func_types(module)?;
    let mut funcs: Vec<&FuncType> = module.imported_funcs().map(|x| types[x as usize]).collect();
    funcs.extend(module.funcs.iter().map(|f| types[f.ty as usize]));
    let mut globals: Vec<GlobalType> = module.imported_globals().collect();
    globals.extend(module.globals.iter().map(|g| g.ty));
    let builtins = builtins();
    let env = Env {
        module,
        types,
        funcs,
        imported_funcs: module.imported_funcs().count() as u32,
        globals,
        options,
        builtins: &builtins,
    };
    codegen::compile(&env).map_err(|e| unsupported(e.0))
}

/// The module's types, all of them function types (GC is not compiled).
fn func_types(module: &Module) -> Result<Vec<&FuncType>, Error> {
    module
        .types
        .iter()
        .flat_map(|r| r.0.iter())
        .map(|st| match &st.comp {
            CompType::Func(ft) => Ok(ft),
            _ => Err(unsupported("gc")),
        })
        .collect()
}

fn instantiate(jit: &mut Jit, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
    let types = func_types(module)?;
    check_imports(jit, module, &types, imports)?;
    let Compiled { code, funcs: entries, faults } = compile(module, jit.options)?;
    let code = CodeMemory::new(&code).map_err(|e| Error::Unsupported(format!("mapping code: {e}")))?;
    let id = jit.instances.len() as u32;

    // The instance, as far as allocation goes: imports, then its own entities in order.
    let type_ids: Box<[u64]> = types.iter().map(|t| jit.type_id(t)).collect();
    let mut inst = Box::new(Instance {
        ctx: Context::new(jit.header(), 0),
        funcs: Box::new([]),
        tables: Box::new([]),
        mems: Box::new([]),
        type_ids,
        table_objs: Vec::new(),
        mem_objs: Vec::new(),
        elems: Vec::new(),
        datas: Vec::new(),
        config: jit.config,
        exports: Vec::new(),
        addrs: Addrs::default(),
        func_types: Vec::new(),
        code: None,
    });
    let (mut f_addrs, mut t_addrs, mut m_addrs, mut g_addrs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ext in imports {
        match *ext {
            ExternVal::Func(a) => f_addrs.push(a),
            ExternVal::Table(a) => t_addrs.push(a),
            ExternVal::Mem(a) => m_addrs.push(a),
            ExternVal::Global(a) => g_addrs.push(a),
            ExternVal::Tag(_) => return Err(unsupported("exceptions")),
        }
    }
    inst.ctx = Context::new(jit.header(), g_addrs.len() + module.globals.len());
    let ctx_ptr = inst.ctx.as_ptr();
    for (i, func) in module.funcs.iter().enumerate() {
        let ty = Rc::new(types[func.ty as usize].clone());
        let type_id = jit.type_id(&ty);
        let addr = jit.funcs.len() as u64;
        let code_ptr = code.at(entries[i]);
        jit.funcs.push(Box::new(FuncRef { code: code_ptr, ctx: ctx_ptr, type_id, addr }));
        jit.func_types.push(ty);
        f_addrs.push(addr as u32);
    }
    inst.funcs = f_addrs.iter().map(|a| &*jit.funcs[*a as usize] as *const FuncRef).collect();
    inst.ctx.header().funcs = inst.funcs.as_ptr();
    inst.ctx.header().type_ids = inst.type_ids.as_ptr();
    for (i, a) in g_addrs.iter().enumerate() {
        inst.ctx.set_global(i, &mut *jit.globals[*a as usize].cell);
    }
    // Globals, in order, each initial value seeing the globals before it.
    for global in &module.globals {
        let w = eval_const(jit, &inst, &global.init)?;
        let mut g = Box::new(Global { ty: global.ty, cell: Box::new(w) });
        inst.ctx.set_global(g_addrs.len(), &mut *g.cell);
        g_addrs.push(jit.globals.len() as u32);
        jit.globals.push(g);
    }
    for mem in &module.mems {
        let m = Memory::new(mem.ty).map_err(|e| Error::Unsupported(format!("mapping a memory: {e}")))?;
        m_addrs.push(jit.mems.len() as u32);
        jit.mems.push(Box::new(m));
    }
    for table in &module.tables {
        let init = eval_const(jit, &inst, &table.init)?;
        t_addrs.push(jit.tables.len() as u32);
        jit.tables.push(Box::new(Table::new(table.ty, init)));
    }
    inst.mem_objs = m_addrs.iter().map(|a| &mut *jit.mems[*a as usize] as *mut Memory).collect();
    inst.table_objs = t_addrs.iter().map(|a| &mut *jit.tables[*a as usize] as *mut Table).collect();
    inst.mems = m_addrs.iter().map(|a| jit.mems[*a as usize].desc()).collect();
    inst.tables = t_addrs.iter().map(|a| &mut *jit.tables[*a as usize].desc as *mut TableDesc).collect();
    inst.ctx.header().mems = inst.mems.as_ptr();
    inst.ctx.header().tables = inst.tables.as_ptr();
    if let Some(&desc) = inst.mems.first() {
        inst.ctx.header().mem0_desc = desc;
        // SAFETY: the descriptor belongs to a memory of the store.
        inst.ctx.header().mem0_base = unsafe { (*desc).base };
    }
    for elem in &module.elems {
        let refs = elem.init.iter().map(|e| eval_const(jit, &inst, e)).collect::<Result<Vec<_>, _>>()?;
        inst.elems.push(refs);
    }
    inst.datas = module.datas.iter().map(|d| d.init.clone()).collect();
    inst.ctx.header().instance = &mut *inst;
    inst.exports = module
        .exports
        .iter()
        .map(|e| {
            let ext = match e.desc {
                ExternIdx::Func(x) => ExternVal::Func(f_addrs[x as usize]),
                ExternIdx::Table(x) => ExternVal::Table(t_addrs[x as usize]),
                ExternIdx::Mem(x) => ExternVal::Mem(m_addrs[x as usize]),
                ExternIdx::Global(x) => ExternVal::Global(g_addrs[x as usize]),
                ExternIdx::Tag(x) => ExternVal::Tag(x),
            };
            (e.name.clone(), ext)
        })
        .collect();
    inst.func_types = f_addrs.iter().map(|a| jit.func_types[*a as usize].clone()).collect();
    inst.addrs = Addrs { funcs: f_addrs.clone(), tables: t_addrs, mems: m_addrs, globals: g_addrs };
    inst.code = Some((code, faults));
    jit.instances.push(inst);
    initialize(jit, id, module, &f_addrs)?;
    Ok(id)
}

/// `Externaddr_ok` and `Externtype_sub`, as the reference checks them.
fn check_imports(
    jit: &Jit,
    module: &Module,
    types: &[&FuncType],
    imports: &[ExternVal],
) -> Result<(), Error> {
    let c = crate::valid::Context::new(crate::Spec::V3);
    let sub = |t1, t2| crate::valid::matching::valtype_sub(&c, t1, t2);
    let limits_sub = |actual: Limits, min: u64, want: Limits| {
        min >= want.min && want.max.is_none_or(|m| actual.max.is_some_and(|a| a <= m))
    };
    for (import, ext) in module.imports.iter().zip(imports) {
        let ok = match (&import.desc, *ext) {
            (ExternType::Func(x), ExternVal::Func(a)) => *jit.func_types[a as usize] == *types[*x as usize],
            (ExternType::Table(tt), ExternVal::Table(a)) => {
                let t = &jit.tables[a as usize];
                let (t1, t2) = (ValType::Ref(t.ty.elem), ValType::Ref(tt.elem));
                t.ty.addr == tt.addr
                    && sub(t1, t2)
                    && sub(t2, t1)
                    && limits_sub(t.ty.limits, t.elems.len() as u64, tt.limits)
            }
            (ExternType::Mem(mt), ExternVal::Mem(a)) => {
                let m = &jit.mems[a as usize];
                m.ty.addr == mt.addr && limits_sub(m.ty.limits, m.pages(), mt.limits)
            }
            (ExternType::Global(gt), ExternVal::Global(a)) => {
                let actual = jit.globals[a as usize].ty;
                actual.mutable == gt.mutable
                    && sub(actual.val, gt.val)
                    && (!gt.mutable || sub(gt.val, actual.val))
            }
            _ => false,
        };
        if !ok {
            let message = format!("incompatible import type for \"{}\".\"{}\"", import.module, import.name);
            return Err(Error::Link { message, rule: rules::EXEC_INSTANTIATION });
        }
    }
    Ok(())
}

/// A constant expression's value as a word: `Eval_expr` over the constant instructions.
fn eval_const(jit: &Jit, inst: &Instance, expr: &Expr) -> Result<u64, Error> {
    let mut stack: Vec<u64> = Vec::new();
    for instr in expr.instrs.iter() {
        match instr {
            Instr::Const(n) => stack.push(n.bits()),
            Instr::RefNull(_) => stack.push(0),
            Instr::RefFunc(x) => stack.push(inst.funcs[*x as usize] as u64),
            // SAFETY: the context's globals are cells of the store.
            Instr::GlobalGet(x) => stack.push(unsafe { *inst.ctx.global(*x as usize) }),
            Instr::Binop(t, Binop::Int(op)) => {
                let (b, a) = (stack.pop().unwrap_or(0), stack.pop().unwrap_or(0));
                let r = match op {
                    IBinop::Add => a.wrapping_add(b),
                    IBinop::Sub => a.wrapping_sub(b),
                    _ => a.wrapping_mul(b),
                };
                stack.push(if *t == NumType::I32 { r as u32 as u64 } else { r });
            }
            Instr::End => {}
            _ => return Err(unsupported("this constant expression")),
        }
    }
    let _ = jit;
    stack.pop().ok_or_else(|| unsupported("an empty constant expression"))
}

/// The active segments in order, then the start function: what `$instantiate` runs. A
/// segment out of bounds traps, and what came before it stays.
fn initialize(jit: &mut Jit, id: u32, module: &Module, f_addrs: &[u32]) -> Result<(), Error> {
    for (i, elem) in module.elems.iter().enumerate() {
        match &elem.mode {
            ElemMode::Active(x, offset) => {
                let d = eval_const(jit, &jit.instances[id as usize], offset)?;
                let n = elem.init.len() as u64;
                let inst = &mut *jit.instances[id as usize];
                let code = table_init(inst, *x, i as u32, d, 0, n);
                if code != 0 {
                    return Err(trap_error(
                        code,
                        rules::STEP_READ__TABLE_INIT_OOB,
                        "out of bounds table access",
                    ));
                }
                inst.elems[i] = Vec::new();
            }
            ElemMode::Declare => jit.instances[id as usize].elems[i] = Vec::new(),
            ElemMode::Passive => {}
        }
    }
    for (i, data) in module.datas.iter().enumerate() {
        if let DataMode::Active(x, offset) = &data.mode {
            let d = eval_const(jit, &jit.instances[id as usize], offset)?;
            let inst = &mut *jit.instances[id as usize];
            let code = memory_init(inst, *x, i as u32, d, 0, data.init.len() as u64);
            if code != 0 {
                return Err(trap_error(
                    code,
                    rules::STEP_READ__MEMORY_INIT_OOB,
                    "out of bounds memory access",
                ));
            }
            inst.datas[i] = Box::new([]);
        }
    }
    if let Some(start) = module.start {
        jit.call(f_addrs[start.func as usize], &[])?;
    }
    Ok(())
}

fn trap_error(_code: u64, rule: Rule, message: &str) -> Error {
    Error::Trap { message: message.into(), rule: Some(rule) }
}

// ----- Runtime functions -----
//
// Called from compiled code with the System V convention, the instance's context first.
// They implement what the reference does in many steps (`memory.fill` byte by byte) in one
// go, with the same bounds checks first, so the outcome is the same.

/// The instance a context belongs to.
///
/// # Safety
/// `ctx` must be the context of a live instance.
unsafe fn instance<'a>(ctx: *mut VmCtx) -> &'a mut Instance {
    unsafe { &mut *(*ctx).instance }
}

fn oob(rule: Rule) -> u64 {
    trap_code(Trap::MemoryOob, rule)
}

fn table_oob(rule: Rule) -> u64 {
    trap_code(Trap::TableOob, rule)
}

fn mem<'a>(inst: &Instance, x: u32) -> &'a mut Memory {
    // SAFETY: the instance's memories are boxed in the store, which outlives the call.
    let p = inst.mem_objs[x as usize];
    unsafe { &mut *p }
}

fn table<'a>(inst: &Instance, x: u32) -> &'a mut Table {
    // SAFETY: as for memories.
    let p = inst.table_objs[x as usize];
    unsafe { &mut *p }
}

extern "C" fn memory_grow(ctx: *mut VmCtx, x: u64, delta: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let inst = unsafe { instance(ctx) };
    let config = inst.config;
    match mem(inst, x as u32).grow(delta as u32 as u64, &config) {
        Some(old) => old,
        None => u32::MAX as u64,
    }
}

extern "C" fn memory_fill(ctx: *mut VmCtx, x: u64, d: u64, val: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let bytes = mem(inst, x as u32).mem.bytes_mut();
    let (d, n) = (d as u32 as usize, n as u32 as usize);
    if d + n > bytes.len() {
        return oob(rules::STEP_READ__MEMORY_FILL_OOB);
    }
    bytes[d..d + n].fill(val as u8);
    0
}

extern "C" fn memory_copy(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let (dst, src) = (mem(inst, x as u32), mem(inst, y as u32));
    if d + n > dst.mem.bytes().len() || s + n > src.mem.bytes().len() {
        return oob(rules::STEP_READ__MEMORY_COPY_OOB);
    }
    if x == y {
        dst.mem.bytes_mut().copy_within(s..s + n, d);
    } else {
        let from = src.mem.bytes()[s..s + n].to_vec();
        dst.mem.bytes_mut()[d..d + n].copy_from_slice(&from);
    }
    0
}

fn memory_init(inst: &mut Instance, x: u32, y: u32, d: u64, s: u64, n: u64) -> u64 {
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let bytes = mem(inst, x).mem.bytes_mut();
    let data = &inst.datas[y as usize];
    if d + n > bytes.len() || s + n > data.len() {
        return oob(rules::STEP_READ__MEMORY_INIT_OOB);
    }
    bytes[d..d + n].copy_from_slice(&data[s..s + n]);
    0
}

extern "C" fn memory_init_c(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    memory_init(unsafe { instance(ctx) }, x as u32, y as u32, d, s, n)
}

extern "C" fn data_drop(ctx: *mut VmCtx, y: u64) -> u64 {
    // SAFETY: as above.
    unsafe { instance(ctx) }.datas[y as usize] = Box::new([]);
    0
}

extern "C" fn table_grow(ctx: *mut VmCtx, x: u64, init: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let config = inst.config;
    match table(inst, x as u32).grow(n as u32 as u64, init, &config) {
        Some(old) => old,
        None => u32::MAX as u64,
    }
}

extern "C" fn table_fill(ctx: *mut VmCtx, x: u64, i: u64, val: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let t = table(unsafe { instance(ctx) }, x as u32);
    let (i, n) = (i as u32 as usize, n as u32 as usize);
    if i + n > t.elems.len() {
        return table_oob(rules::STEP_READ__TABLE_FILL_OOB);
    }
    t.elems[i..i + n].fill(val);
    0
}

extern "C" fn table_copy(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let (dst, src) = (table(inst, x as u32), table(inst, y as u32));
    if d + n > dst.elems.len() || s + n > src.elems.len() {
        return table_oob(rules::STEP_READ__TABLE_COPY_OOB);
    }
    if x == y {
        dst.elems.copy_within(s..s + n, d);
    } else {
        let from = src.elems[s..s + n].to_vec();
        dst.elems[d..d + n].copy_from_slice(&from);
    }
    0
}

fn table_init(inst: &mut Instance, x: u32, y: u32, d: u64, s: u64, n: u64) -> u64 {
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let t = table(inst, x);
    let elem = &inst.elems[y as usize];
    if d + n > t.elems.len() || s + n > elem.len() {
        return table_oob(rules::STEP_READ__TABLE_INIT_OOB);
    }
    t.elems[d..d + n].copy_from_slice(&elem[s..s + n]);
    0
}

extern "C" fn table_init_c(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    table_init(unsafe { instance(ctx) }, x as u32, y as u32, d, s, n)
}

extern "C" fn elem_drop(ctx: *mut VmCtx, y: u64) -> u64 {
    // SAFETY: as above.
    unsafe { instance(ctx) }.elems[y as usize] = Vec::new();
    0
}

extern "C" fn trace_call(ctx: *mut VmCtx, func: u64, area: *const u64, exit: u64) -> u64 {
    // SAFETY: called by compiled code with its context; `area` holds the parameters or the
    // results of the function, as many words as its type says.
    unsafe {
        let inst = instance(ctx);
        let runtime = &mut *(*ctx).runtime;
        let addr = inst.addrs.funcs[func as usize];
        let ty = &inst.func_types[func as usize];
        let n = if exit != 0 { ty.results.len() } else { ty.params.len() };
        let words = std::slice::from_raw_parts(area, n).to_vec();
        runtime.calls.push(if exit != 0 {
            CallEvent::Exit { func: addr, results: words }
        } else {
            CallEvent::Enter { func: addr, args: words }
        });
    }
    0
}

fn builtins() -> Builtins {
    Builtins {
        memory_grow: memory_grow as *const () as usize,
        memory_fill: memory_fill as *const () as usize,
        memory_copy: memory_copy as *const () as usize,
        memory_init: memory_init_c as *const () as usize,
        data_drop: data_drop as *const () as usize,
        table_grow: table_grow as *const () as usize,
        table_fill: table_fill as *const () as usize,
        table_copy: table_copy as *const () as usize,
        table_init: table_init_c as *const () as usize,
        elem_drop: elem_drop as *const () as usize,
        trace_call: trace_call as *const () as usize,
    }
}
