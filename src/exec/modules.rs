//! Modules (spec 4.5, SpecTec `4.4-execution.modules`): allocation, instantiation and
//! invocation.

use super::code::{self, Code, Op};
use super::machine::{Admin, Limit, Machine, Outcome, Trap};
use super::runtime::*;
use crate::rules::Rule;
use crate::runtime::{Addr, Config, ExternVal, Ref, Val};
use crate::syntax::*;
use crate::valid::canon::{DefType, close_global, close_ref, close_table};
use crate::valid::matching::{ClosedExternType, externtype_sub, externtype_sub_rule};
use std::rc::Rc;

/// Why instantiation or invocation did not produce values.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The imports do not match: `incompatible import type`.
    Link(String, Rule),
    Trap(Trap),
    /// An exception escaped: its tag and values, shown.
    Exception(String),
    Limit(Limit),
    /// Instantiation asked for more than the store's limits (or the host) give.
    Exhausted(Limit, String),
    /// The module uses what the reference does not run yet.
    Unsupported(String),
    /// The embedder's call was wrong: arguments that do not match the function type.
    Embed(String),
}

/// `unsupported: FEATURE`.
fn unsupported(feature: Feature) -> Failure {
    Failure::Unsupported(format!("unsupported: {feature}"))
}

/// The first feature the module's definitions or constant expressions use that the
/// reference does not run (the instructions of code are checked as they are prepared).
fn unsupported_feature(module: &Module) -> Option<Feature> {
    module.declared_features().first_missing(super::RUNS)
}

/// `Externaddr_ok`: the external type of what the store holds at `ext`, closed; a table's
/// and a memory's limits are their current size and their maximum.
fn extern_type(store: &Store, ext: ExternVal) -> ClosedExternType {
    match ext {
        ExternVal::Func(a) => ClosedExternType::Func(store.funcs[a as usize].deftype),
        ExternVal::Table(a) => {
            let t = &store.tables[a as usize];
            let limits = Limits { min: t.refs.len() as u64, ..t.ty.limits };
            ClosedExternType::Table(TableType { limits, ..t.ty })
        }
        ExternVal::Mem(a) => {
            let m = &store.mems[a as usize];
            ClosedExternType::Mem(MemType { limits: Limits { min: m.pages(), ..m.ty.limits }, ..m.ty })
        }
        ExternVal::Global(a) => ClosedExternType::Global(store.globals[a as usize].ty),
        ExternVal::Tag(a) => ClosedExternType::Tag(store.tags[a as usize].ty),
    }
}

/// `Externaddr_ok/sub`: the value provided for an import matches it (`Externtype_sub`), or
/// the rule that does not hold.
fn import_matches(store: &Store, ids: &[DefType], import: &ExternType, ext: ExternVal) -> Result<(), Rule> {
    match ClosedExternType::of_import(import, ids) {
        Some(xt2) => externtype_sub(&store.types, &extern_type(store, ext), &xt2),
        None => Err(externtype_sub_rule(import)),
    }
}

/// `$instantiate(s, module, externaddr*)`: check the imports, allocate the instance with
/// its globals, tables and segments evaluated in order, then run the active segments
/// (`table.init`/`memory.init` and their `drop`s) and the start function. What a trap
/// leaves behind stays in the store, as the spec has it.
pub fn instantiate(
    store: &mut Store,
    config: Config,
    module: &Module,
    imports: &[ExternVal],
) -> Result<Addr, Failure> {
    if let Some(feature) = unsupported_feature(module) {
        return Err(unsupported(feature));
    }
    // `$instantiate`'s premise: an address for every import, no more, no fewer.
    if imports.len() != module.imports.len() {
        let message = format!("{} imports provided for {}", imports.len(), module.imports.len());
        return Err(Failure::Link(message, crate::rules::EXEC_INSTANTIATION));
    }
    // The module's types, closed: each type index a canonical defined type of the store.
    let ids = store.types.intern_module(&module.types);
    for (import, ext) in module.imports.iter().zip(imports) {
        if let Err(rule) = import_matches(store, &ids, &import.desc, *ext) {
            let message = format!("incompatible import type for \"{}\".\"{}\"", import.module, import.name);
            return Err(Failure::Link(message, rule));
        }
    }
    let types: Vec<Rc<FuncType>> =
        ids.iter().map(|&d| Rc::new(store.types.func(d).cloned().unwrap_or_default())).collect();
    let addr = store.modules.len() as Addr;
    let mut inst = ModuleInst { deftypes: ids.clone(), types: types.clone(), ..ModuleInst::default() };
    for ext in imports {
        match *ext {
            ExternVal::Func(a) => inst.funcs.push(a),
            ExternVal::Table(a) => inst.tables.push(a),
            ExternVal::Mem(a) => inst.mems.push(a),
            ExternVal::Global(a) => inst.globals.push(a),
            ExternVal::Tag(a) => inst.tags.push(a),
        }
    }
    let first_func = inst.funcs.len() as u32;
    let mut codes = Vec::with_capacity(module.funcs.len());
    {
        let env = code::Env { deftypes: &ids, types: &types, defs: &store.types };
        for (i, func) in module.funcs.iter().enumerate() {
            let ty = types[func.ty as usize].clone();
            let code = code::prepare(func, first_func + i as u32, ty.clone(), &env)
                .map_err(|code::Unsupported(f)| Failure::Unsupported(format!("unsupported: {f}")))?;
            codes.push((ids[func.ty as usize], ty, code));
        }
    }
    for (deftype, ty, code) in codes {
        inst.funcs.push(store.funcs.len() as Addr);
        store.funcs.push(FuncInst {
            deftype,
            ty,
            code: FuncCode::Wasm { module: addr, code: Rc::new(code) },
        });
    }
    store.modules.push(inst);
    alloc_entities(store, config, module, addr)?;
    let exports = module
        .exports
        .iter()
        .map(|e| (e.name.clone(), extern_val(&store.modules[addr as usize], e.desc)))
        .collect();
    store.modules[addr as usize].exports = exports;
    let init = init_sequence(store, addr, module)?;
    run(store, config, addr, init)?;
    Ok(addr)
}

/// `allocmodule`, with the initial values of globals, tables and element segments each
/// evaluated (`Eval_expr`) in the instance as far as it is built.
fn alloc_entities(store: &mut Store, config: Config, module: &Module, addr: Addr) -> Result<(), Failure> {
    let ids = store.modules[addr as usize].deftypes.clone();
    for tag in &module.tags {
        store.modules[addr as usize].tags.push(store.tags.len() as Addr);
        store.tags.push(TagInst { ty: ids[tag.ty.0 as usize] });
    }
    for global in &module.globals {
        let value = eval_const(store, config, addr, &global.init)?;
        store.modules[addr as usize].globals.push(store.globals.len() as Addr);
        store.globals.push(GlobalInst { ty: close_global(&ids, global.ty), value });
    }
    for mem in &module.mems {
        let m = MemInst::alloc(mem.ty, &config, &mut store.usage)
            .map_err(|what| Failure::Exhausted(Limit::Memory, what))?;
        store.modules[addr as usize].mems.push(store.mems.len() as Addr);
        store.mems.push(m);
    }
    for table in &module.tables {
        let init = eval_ref(store, config, addr, &table.init)?;
        let t = TableInst::alloc(close_table(&ids, table.ty), init, &config, &mut store.usage)
            .map_err(|what| Failure::Exhausted(Limit::Table, what))?;
        store.modules[addr as usize].tables.push(store.tables.len() as Addr);
        store.tables.push(t);
    }
    for elem in &module.elems {
        // Each reference goes into the store as it is made: the collector sees it there
        // while the next is evaluated.
        let a = store.elems.len();
        store.modules[addr as usize].elems.push(a as Addr);
        store
            .elems
            .push(ElemInst { ty: close_ref(&ids, elem.ty), refs: Vec::with_capacity(elem.init.len()) });
        for e in &elem.init {
            let r = eval_ref(store, config, addr, e)?;
            store.elems[a].refs.push(r);
        }
    }
    for data in &module.datas {
        store.modules[addr as usize].datas.push(store.datas.len() as Addr);
        store.datas.push(DataInst { bytes: (*data.init).into() });
    }
    Ok(())
}

/// `$runelem_` and `$rundata_` of every segment, then `CALL start`: each active segment's
/// offset expression, then `table.init` or `memory.init` of the whole segment and its drop.
fn init_sequence(store: &Store, addr: Addr, module: &Module) -> Result<Vec<Admin>, Failure> {
    let mut seq = Vec::new();
    let int = |n: usize| Admin::Val(Val::I32(n as u32));
    for (i, elem) in module.elems.iter().enumerate() {
        let i = i as u32;
        match &elem.mode {
            ElemMode::Active(x, offset) => {
                seq.extend(const_ops(store, addr, offset)?);
                seq.extend([
                    int(0),
                    int(elem.init.len()),
                    Admin::Op(Op::TableInit(*x, i)),
                    Admin::Op(Op::ElemDrop(i)),
                ]);
            }
            ElemMode::Declare => seq.push(Admin::Op(Op::ElemDrop(i))),
            ElemMode::Passive => {}
        }
    }
    for (i, data) in module.datas.iter().enumerate() {
        if let DataMode::Active(x, offset) = &data.mode {
            let i = i as u32;
            seq.extend(const_ops(store, addr, offset)?);
            seq.extend([
                int(0),
                int(data.init.len()),
                Admin::Op(Op::MemoryInit(*x, i)),
                Admin::Op(Op::DataDrop(i)),
            ]);
        }
    }
    if let Some(start) = module.start {
        seq.push(Admin::Op(Op::Call(start.func)));
    }
    Ok(seq)
}

/// The instructions of a constant expression (without its `end`), as the ops the machine
/// runs: translated as code is ([`code::translate`]), so that every constant instruction of
/// 3.0 has one evaluator, and one the reference does not run is `unsupported: FEATURE`,
/// never a panic.
fn const_ops(store: &Store, addr: Addr, expr: &Expr) -> Result<Vec<Admin>, Failure> {
    let inst = &store.modules[addr as usize];
    let env = code::Env { deftypes: &inst.deftypes, types: &inst.types, defs: &store.types };
    let instrs = expr.instrs.iter().filter(|i| !matches!(i, Instr::End));
    instrs
        .map(|instr| match code::translate(instr, &env) {
            Ok(op) => Ok(Admin::Op(op)),
            Err(code::Unsupported(f)) => Err(Failure::Unsupported(format!("unsupported: {f}"))),
        })
        .collect()
}

/// `Eval_expr`: run a constant expression in the instance to its value, in the machine as
/// any instruction sequence (`Step*` to a value).
pub fn eval_const(store: &mut Store, config: Config, addr: Addr, expr: &Expr) -> Result<Val, Failure> {
    let seq = const_ops(store, addr, expr)?;
    let mut values = run(store, config, addr, seq)?;
    values.pop().ok_or_else(|| Failure::Unsupported("a constant expression without a value".into()))
}

/// `Eval_expr` of an expression of a reference type (validation says it is one).
fn eval_ref(store: &mut Store, config: Config, addr: Addr, expr: &Expr) -> Result<Ref, Failure> {
    match eval_const(store, config, addr, expr)? {
        Val::Ref(r) => Ok(r),
        v => Err(Failure::Unsupported(format!("a constant expression of a reference type gave {v}"))),
    }
}

/// Run an instruction sequence in the host's frame for the instance.
fn run(store: &mut Store, config: Config, addr: Addr, seq: Vec<Admin>) -> Result<Vec<Val>, Failure> {
    let outcome = Machine::<false>::new(store, config, addr, seq).run();
    match outcome {
        Outcome::Values(vals) => Ok(vals),
        Outcome::Trap(trap) => Err(Failure::Trap(trap)),
        Outcome::Exception(a) => Err(Failure::Exception(store.show_exn(a))),
        Outcome::Limit(limit) => Err(Failure::Limit(limit)),
    }
}

/// `instance_export`'s address of an export.
fn extern_val(inst: &ModuleInst, desc: ExternIdx) -> ExternVal {
    match desc {
        ExternIdx::Func(x) => ExternVal::Func(inst.funcs[x as usize]),
        ExternIdx::Table(x) => ExternVal::Table(inst.tables[x as usize]),
        ExternIdx::Mem(x) => ExternVal::Mem(inst.mems[x as usize]),
        ExternIdx::Global(x) => ExternVal::Global(inst.globals[x as usize]),
        ExternIdx::Tag(x) => ExternVal::Tag(inst.tags[x as usize]),
    }
}

/// `$invoke(s, funcaddr, val*)`: the arguments must match the function's parameters (the
/// embedder's error otherwise); then `val* (REF.FUNC_ADDR a) (CALL_REF)` runs to its end.
pub fn invoke_seq(store: &Store, func: Addr, args: &[Val]) -> Result<Vec<Admin>, String> {
    let ty = store.funcs.get(func as usize).ok_or("no such function")?.ty.clone();
    if args.len() != ty.params.len() || !args.iter().zip(ty.params.iter()).all(|(v, t)| store.val_ok(*v, *t))
    {
        return Err(format!("arguments do not match the function type {ty}"));
    }
    let mut seq: Vec<Admin> = args.iter().map(|v| Admin::Val(*v)).collect();
    seq.push(Admin::Val(Val::Ref(Ref::Func(func))));
    seq.push(Admin::CallRef { indirect: None });
    Ok(seq)
}

/// `$invoke` to the end.
pub fn invoke(store: &mut Store, config: Config, func: Addr, args: &[Val]) -> Result<Vec<Val>, Failure> {
    let seq = invoke_seq(store, func, args).map_err(Failure::Embed)?;
    let vals = run(store, config, 0, seq)?;
    store.hold(&vals);
    Ok(vals)
}

/// The code of a function, for tools that show it (`lockstep trace`).
pub fn code_of(store: &Store, func: Addr) -> Option<Rc<Code>> {
    match &store.funcs.get(func as usize)?.code {
        FuncCode::Wasm { code, .. } => Some(code.clone()),
        FuncCode::Host(_) => None,
    }
}
