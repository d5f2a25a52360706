//! Instantiation, as the spec's `instantiate` does it: match the imports, compile the
//! module, allocate its functions, globals, memories and tables in the store, evaluate the
//! constant expressions, initialise the active segments, run the start function.

use super::builtins::{self, memory_init, table_init};
use super::codegen::{self, Bounds, Compiled, Env, MachineCode, Options};
use super::engine::{Jit, exhausted};
use super::isa::Isa;
use super::memory::CodeMemory;
use super::runtime::*;
use super::runtime::{Global, Table};
use crate::runtime::{Addrs, Error, ExternVal, InstanceId, Relaxed, Resource};
use crate::syntax::*;
use crate::valid::matching::{ClosedExternType, externtype_sub, externtype_sub_rule};
use std::cell::RefCell;
use std::rc::Rc;

/// What the reference refuses, the compiler refuses too, with its own prefix.
fn unsupported(what: &str) -> Error {
    Error::Unsupported(format!("unsupported by the compiler: {what}"))
}

/// Compile every function of a validated module for this CPU, relaxed operators as x86
/// gives them, every memory checked as `options` say: what `lockstep compile` times.
pub fn compile(module: &Module, options: Options) -> Result<Compiled, Error> {
    compile_bodies(module, module, options)
}

/// [`compile`], the function bodies taken from `bodies` (a binary's code section, each body
/// decoded as it is compiled) rather than from the module.
pub fn compile_bodies(module: &Module, bodies: &dyn Bodies, options: Options) -> Result<Compiled, Error> {
    let mems = module.imported_mems().count() + module.mems.len();
    compile_for(module, bodies, options, &vec![options.bounds; mems], Isa::host(), Relaxed::X86)
}

/// Compile every function of a validated module with these instructions, relaxed results
/// as [`Isa::relaxed`] makes of `relaxed`, and each memory's accesses checked as `mem_bounds`
/// says (by memory index).
pub fn compile_for(
    module: &Module,
    bodies: &dyn Bodies,
    options: Options,
    mem_bounds: &[Bounds],
    isa: Isa,
    relaxed: Relaxed,
) -> Result<Compiled, Error> {
    let relaxed = isa.relaxed(relaxed);
    let types = func_types(module)?;
    let mut funcs: Vec<&FuncType> = module.imported_funcs().map(|x| types[x as usize]).collect();
    funcs.extend(module.funcs.iter().map(|f| types[f.ty as usize]));
    let mut globals: Vec<GlobalType> = module.imported_globals().collect();
    globals.extend(module.globals.iter().map(|g| g.ty));
    let builtins = builtins::addresses();
    let env = Env {
        module,
        bodies,
        types,
        funcs,
        imported_funcs: module.imported_funcs().count() as u32,
        globals,
        options,
        mem_bounds: mem_bounds.to_vec(),
        builtins: &builtins,
        isa,
        relaxed,
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

/// How the code checks each memory of a module, by memory index: as the engine's options
/// say, but an imported memory without a guard region (mapped where the host lacked the
/// address space) is checked explicitly. Its own memories the engine allocates as its
/// options say (with guard regions, or fails).
fn mem_bounds(jit: &Jit, module: &Module, imports: &[ExternVal]) -> Vec<Bounds> {
    let bounds = |guarded: bool| if guarded { jit.options.bounds } else { Bounds::Checks };
    let imported = imports.iter().filter_map(|e| match *e {
        ExternVal::Mem(a) => Some(bounds(jit.mems[a as usize].mem.guarded)),
        _ => None,
    });
    imported.chain(module.mems.iter().map(|_| jit.options.bounds)).collect()
}

/// What a module's code is compiled for: with the module, what its code depends on.
#[derive(PartialEq)]
struct Target {
    options: Options,
    bounds: Vec<Bounds>,
    isa: Isa,
    relaxed: Relaxed,
}

thread_local! {
    /// The last module compiled on this thread by an engine that keeps its code
    /// ([`Jit::keep_code`]), what for, and its code. The `Rc` held here keeps its address
    /// from naming another module.
    static LAST: RefCell<Option<(Rc<Module>, Target, Rc<Compiled>)>> = const { RefCell::new(None) };
}

/// The module's code for `target`: the last code kept on this thread if it is that of the
/// same module for the same target (code is a function of the two), else compiled now, and
/// kept if `keep`.
fn compile_once(module: &Rc<Module>, target: Target, keep: bool) -> Result<Rc<Compiled>, Error> {
    LAST.with_borrow_mut(|last| {
        if let Some((m, t, compiled)) = last
            && Rc::ptr_eq(m, module)
            && *t == target
        {
            return Ok(compiled.clone());
        }
        let Target { options, bounds, isa, relaxed } = &target;
        let compiled = Rc::new(compile_for(module, &**module, *options, bounds, *isa, *relaxed)?);
        if keep {
            *last = Some((module.clone(), target, compiled.clone()));
        }
        Ok(compiled)
    })
}

/// Instantiate a validated module with its imports in the engine's store.
pub(super) fn instantiate(
    jit: &mut Jit,
    module: &Rc<Module>,
    imports: &[ExternVal],
) -> Result<InstanceId, Error> {
    let types = func_types(module)?;
    check_imports(jit, module, imports)?;
    let bounds = mem_bounds(jit, module, imports);
    let target = Target { options: jit.options, bounds, isa: jit.isa, relaxed: jit.relaxed };
    let compiled = compile_once(module, target, jit.keep_code)?;
    let (entries, faults) = (&compiled.funcs, compiled.faults.clone());
    dump(&compiled.code);
    let code = CodeMemory::written(compiled.code.len(), |out| compiled.code.write_to(out))
        .map_err(|e| Error::Unsupported(format!("mapping code: {e}")))?;
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
        let w = eval_const(&inst, &global.init)?;
        let mut g = Box::new(Global { ty: global.ty, cell: Box::new(w) });
        inst.ctx.set_global(g_addrs.len(), &mut *g.cell);
        g_addrs.push(jit.globals.len() as u32);
        jit.globals.push(g);
    }
    for mem in &module.mems {
        let m = Memory::alloc(mem.ty, jit.guard_memories, &jit.config, &mut jit.runtime.usage)
            .map_err(|what| exhausted(Resource::Memory, what))?;
        m_addrs.push(jit.mems.len() as u32);
        jit.mems.push(Box::new(m));
    }
    for table in &module.tables {
        let init = eval_const(&inst, &table.init)?;
        let t = Table::alloc(table.ty, init as u64, &jit.config, &mut jit.runtime.usage)
            .map_err(|what| exhausted(Resource::Table, what))?;
        t_addrs.push(jit.tables.len() as u32);
        jit.tables.push(Box::new(t));
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
        let refs = elem
            .init
            .iter()
            .map(|e| eval_const(&inst, e).map(|w| w as u64))
            .collect::<Result<Vec<_>, _>>()?;
        inst.elems.push(refs);
    }
    inst.datas = module.datas.iter().map(|d| (*d.init).into()).collect();
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

/// With `LOCKSTEP_JIT_DUMP=FILE`, the code of the modules instantiated, appended to FILE (to
/// read with `objdump -D -b binary -mi386:x86-64 -Mintel FILE`).
fn dump(code: &MachineCode) {
    if let Some(path) = std::env::var_os("LOCKSTEP_JIT_DUMP") {
        use std::io::Write;
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path);
        if let Err(e) = file.and_then(|mut f| f.write_all(&code.to_vec())) {
            eprintln!("LOCKSTEP_JIT_DUMP: {e}");
        }
    }
}

/// The external type of a value in the store, as `Externtype_sub` compares it: a table's
/// and a memory's minimum is their current size. `None` for a tag (modules with tags are
/// refused before linking).
fn extern_type(jit: &mut Jit, ext: ExternVal) -> Option<ClosedExternType> {
    Some(match ext {
        // Its type is of Wasm 2.0's kind (the compiler refuses others), closed as it is.
        ExternVal::Func(a) => ClosedExternType::Func(jit.canon.intern_func(&jit.func_types[a as usize])),
        ExternVal::Table(a) => {
            let t = &jit.tables[a as usize];
            ClosedExternType::Table(TableType {
                limits: Limits { min: t.elems.len() as u64, ..t.ty.limits },
                ..t.ty
            })
        }
        ExternVal::Mem(a) => {
            let m = &jit.mems[a as usize];
            ClosedExternType::Mem(MemType { limits: Limits { min: m.pages(), ..m.ty.limits }, ..m.ty })
        }
        ExternVal::Global(a) => ClosedExternType::Global(jit.globals[a as usize].ty),
        ExternVal::Tag(_) => return None,
    })
}

/// `Externaddr_ok/sub` for each import: the value provided matches it (`Externtype_sub`,
/// the reference's judgment), or the link error cites the rule that does not hold.
fn check_imports(jit: &mut Jit, module: &Module, imports: &[ExternVal]) -> Result<(), Error> {
    let ids = jit.canon.intern_module(&module.types);
    for (import, ext) in module.imports.iter().zip(imports) {
        let matched = match (extern_type(jit, *ext), ClosedExternType::of_import(&import.desc, &ids)) {
            (Some(xt1), Some(xt2)) => externtype_sub(&jit.canon, &xt1, &xt2),
            _ => Err(externtype_sub_rule(&import.desc)),
        };
        if let Err(rule) = matched {
            let message = format!("incompatible import type for \"{}\".\"{}\"", import.module, import.name);
            return Err(Error::Link { message, rule });
        }
    }
    Ok(())
}

/// A constant expression's value as the store holds it (a word, or a `v128`'s two):
/// `Eval_expr` over the constant instructions.
fn eval_const(inst: &Instance, expr: &Expr) -> Result<u128, Error> {
    let mut stack: Vec<u128> = Vec::new();
    for instr in expr.instrs.iter() {
        match instr {
            Instr::Const(n) => stack.push(n.bits() as u128),
            Instr::VConst(v) => stack.push(v.to_u128()),
            Instr::RefNull(_) => stack.push(0),
            Instr::RefFunc(x) => stack.push(inst.funcs[*x as usize] as u128),
            // SAFETY: the context's globals are cells of the store.
            Instr::GlobalGet(x) => stack.push(unsafe { *inst.ctx.global(*x as usize) }),
            Instr::Binop(t, Binop::Int(op)) => {
                let (b, a) = (stack.pop().unwrap_or(0), stack.pop().unwrap_or(0));
                let (a, b) = (a as u64, b as u64);
                let r = match op {
                    IBinop::Add => a.wrapping_add(b),
                    IBinop::Sub => a.wrapping_sub(b),
                    _ => a.wrapping_mul(b),
                };
                stack.push(if *t == NumType::I32 { r as u32 as u128 } else { r as u128 });
            }
            Instr::End => {}
            _ => return Err(unsupported("this constant expression")),
        }
    }
    stack.pop().ok_or_else(|| unsupported("an empty constant expression"))
}

/// The active segments in order, then the start function: what `$instantiate` runs. A
/// segment out of bounds traps, and what came before it stays.
fn initialize(jit: &mut Jit, id: u32, module: &Module, f_addrs: &[u32]) -> Result<(), Error> {
    jit.runtime.fuel = jit.config.fuel.unwrap_or(u64::MAX);
    for (i, elem) in module.elems.iter().enumerate() {
        match &elem.mode {
            ElemMode::Active(x, offset) => {
                let d = eval_const(&jit.instances[id as usize], offset)? as u64;
                let n = elem.init.len() as u64;
                let inst = &mut *jit.instances[id as usize];
                let code = table_init(inst, *x, i as u32, d, 0, n);
                if code != 0 {
                    return Err(jit.trap_of(code, 0));
                }
                inst.elems[i] = Vec::new();
            }
            ElemMode::Declare => jit.instances[id as usize].elems[i] = Vec::new(),
            ElemMode::Passive => {}
        }
    }
    for (i, data) in module.datas.iter().enumerate() {
        if let DataMode::Active(x, offset) = &data.mode {
            let d = eval_const(&jit.instances[id as usize], offset)? as u64;
            let inst = &mut *jit.instances[id as usize];
            let code = memory_init(inst, *x, i as u32, d, 0, data.init.len() as u64);
            if code != 0 {
                return Err(jit.trap_of(code, 0));
            }
            inst.datas[i] = Box::new([]);
        }
    }
    if let Some(start) = module.start {
        jit.call(f_addrs[start.func as usize], &[])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;
    use crate::runtime::{Config, Engine, Val};
    use crate::{Spec, binary, valid};

    fn module(text: &str) -> Rc<Module> {
        let buf = wast::parser::ParseBuffer::new(text).expect("lexes");
        let mut wat = wast::parser::parse::<wast::Wat>(&buf).expect("parses");
        let module = binary::decode(&wat.encode().expect("encodes"), Spec::V3).expect("decodes");
        valid::validate(&module, Spec::V3).expect("valid");
        Rc::new(module)
    }

    /// Memory 0 behind its guard region, memory 1 mapped only to its maximum (as where the
    /// host lacked the address space): memory 1's accesses are checked, memory 0's are not,
    /// and an access past memory 1 traps instead of reaching past its mapping.
    #[test]
    fn each_memory_is_checked_as_its_mapping_needs() {
        let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
        let ty = MemType { addr: AddrType::I32, limits: Limits { min: 1, max: Some(1) } };
        let guarded = jit.alloc_mem(ty).expect("a guarded memory");
        let m = Memory::alloc(ty, false, &jit.config, &mut jit.runtime.usage).expect("a memory");
        jit.mems.push(Box::new(m));
        let unguarded = ExternVal::Mem(jit.mems.len() as u32 - 1);
        let m = module(
            r#"(module
                 (memory (import "h" "a") 1 1)
                 (memory $b (import "h" "b") 1 1)
                 (memory $c 1)
                 (func (export "b") (param i32) (result i32) (i32.load8_u $b (local.get 0)))
                 (func (export "c") (param i32) (result i32) (i32.load8_u $c (local.get 0))))"#,
        );
        let imports = [guarded, unguarded];
        assert_eq!(mem_bounds(&jit, &m, &imports), [Bounds::GuardPages, Bounds::Checks, Bounds::GuardPages]);
        let id = jit.instantiate(&m, &imports).expect("instantiates");
        let Some(ExternVal::Func(b)) = jit.export(id, "b") else { panic!("no export b") };
        let Some(ExternVal::Func(c)) = jit.export(id, "c") else { panic!("no export c") };
        assert_eq!(jit.invoke(b, &[Val::I32(0xffff)]).expect("in bounds"), [Val::I32(0)]);
        for (f, at) in [(b, 0x10000), (b, 0xffff_ffff), (c, 0x10000)] {
            let trap = jit.invoke(f, &[Val::I32(at)]).expect_err("out of bounds");
            assert!(format!("{trap:?}").contains("out of bounds memory access"), "{trap:?}");
        }
    }

    /// A module's code is reused for the same module (the same `Rc`) and target only, and
    /// only where an engine kept it; an engine that instantiates it with reused code runs it
    /// as with its own.
    #[test]
    fn code_is_reused_for_the_same_module_and_target() {
        let text = r#"(module (memory 1)
              (func (export "f") (param i32) (result i32) (i32.load (local.get 0))))"#;
        let m = module(text);
        let target = |bounds| Target {
            options: Options::new(bounds),
            bounds: vec![bounds],
            isa: Isa::host(),
            relaxed: Relaxed::X86,
        };
        let unkept = compile_once(&m, target(Bounds::GuardPages), false).expect("compiles");
        let guarded = compile_once(&m, target(Bounds::GuardPages), true).expect("compiles");
        assert!(!Rc::ptr_eq(&unkept, &guarded), "code not kept is compiled again");
        let again = compile_once(&m, target(Bounds::GuardPages), false).expect("compiles");
        assert!(Rc::ptr_eq(&guarded, &again), "kept code is reused");
        let checked = compile_once(&m, target(Bounds::Checks), true).expect("compiles");
        assert_ne!(guarded.code, checked.code, "explicit checks are other code");
        let other = compile_once(&module(text), target(Bounds::Checks), true).expect("compiles");
        assert!(!Rc::ptr_eq(&checked, &other), "an equal module of its own is compiled");
        let m = module(text);
        for bounds in [Bounds::GuardPages, Bounds::GuardPages, Bounds::Checks, Bounds::Checks] {
            let mut jit = Jit::new(Config::default(), bounds);
            jit.keep_code();
            let id = jit.instantiate(&m, &[]).expect("instantiates");
            let Some(ExternVal::Func(f)) = jit.export(id, "f") else { panic!("no export f") };
            assert_eq!(jit.invoke(f, &[Val::I32(8)]).expect("in bounds"), [Val::I32(0)]);
            let trap = jit.invoke(f, &[Val::I32(0xfffe)]).expect_err("out of bounds");
            assert!(format!("{trap:?}").contains("out of bounds memory access"), "{bounds:?}: {trap:?}");
        }
    }

    /// Every access records its place and rule, checked or guarded, so that a fault in a
    /// memory's unopened pages behind a check is out of bounds by the access's rule.
    #[test]
    fn every_access_records_its_rule() {
        let m = module(
            r#"(module (memory 1) (memory 1)
                 (func (param i32) (result f32)
                   (i32.store8 1 (local.get 0) (i32.const 1))
                   (drop (i64.load (local.get 0)))
                   (f32.load 1 (local.get 0))))"#,
        );
        for bounds in [[Bounds::Checks; 2], [Bounds::GuardPages; 2], [Bounds::GuardPages, Bounds::Checks]] {
            let options = Options::new(bounds[0]);
            let compiled =
                compile_for(&m, &*m, options, &bounds, Isa::host(), Relaxed::X86).expect("compiles");
            let rules: Vec<_> = compiled.faults.iter().map(|f| f.1).collect();
            let expected =
                [rules::STEP__STORE_PACK_OOB, rules::STEP_READ__LOAD_NUM_OOB, rules::STEP_READ__LOAD_NUM_OOB];
            assert_eq!(rules, expected, "{bounds:?}");
            let places: Vec<_> = compiled.faults.iter().map(|f| f.0).collect();
            assert!(places.is_sorted_by(|a, b| a < b), "{bounds:?}: in order of place");
            assert!(places.iter().all(|&at| compiled.faults.rule_at(at).is_some()), "{bounds:?}: each found");
        }
    }
}
