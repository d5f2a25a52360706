//! Modules (spec 3.5, SpecTec `2.4-validation.modules`): `Module_ok`, its definitions, and
//! constant expressions.

use super::context::LocalType;
use super::instructions::{OperandTypes, expr_ok, expr_types, ref_func_type};
use super::matching::{define_group, reftype_sub, valtype_sub};
use super::types::{
    defaultable, externtype_ok, globaltype_ok, memtype_ok, rectype_ok, reftype_ok, tabletype_ok, tagtype_ok,
    valtype_ok,
};
use super::{Context, Error, Result, feature};
use crate::Spec;
use crate::rules;
use crate::syntax::*;
use std::collections::{BTreeSet, HashSet};

/// `Module_ok`: the definitions checked in the order of the rule's premises, each under the
/// context the rule gives it. The context is built up as the definitions are checked:
/// - `C.TYPES` grows with each recursion group (`Types_ok`), and imports add their kinds;
/// - memories and tables are checked under `C'`, which knows only the imported globals, and
///   so are globals, each seeing the ones before it under 3.0 (`Globals_ok`);
/// - segments see all globals under 3.0, only the imported ones under 2.0;
/// - functions, the start function and exports see all of `C`.
pub fn module_ok(m: &Module, spec: Spec, threads: usize) -> Result {
    module_ok_with(m, spec, |c, imported| funcs_ok(c, m, imported, threads))
}

/// The operand types of a module's code, for each defined function the algorithm's stack
/// before each instruction of its body and after the last ([`expr_types`]); the module's
/// `Module_ok` error if it is invalid. The soundness properties of proofs/ hold the
/// reference's operand stack to these types at every step.
pub fn operand_types(m: &Module, spec: Spec) -> Result<Vec<OperandTypes>> {
    module_ok_with(m, spec, |c, _| m.funcs.iter().map(|func| func_types(c, func)).collect())
}

/// `Module_ok`, with `funcs` checking the functions' bodies (`Func_ok`) under `C` and the
/// number of imported functions, where the rule does; the other premises are checked here.
/// What `funcs` gives is given back. The error type is the caller's, so that `funcs` may
/// fail otherwise (the front end's bodies may turn out malformed: `crate::front`).
pub fn module_ok_with<'m, T, E: From<Error>>(
    m: &'m Module,
    spec: Spec,
    funcs: impl FnOnce(&mut Context<'m>, usize) -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let mut c = Context::new(spec);
    // Types_ok: each group sees itself and the ones before.
    for rt in &m.types {
        let x = index(c.types.len());
        c.types.extend(rt.0.iter());
        rectype_ok(&c, rt, x)?;
        define_group(&mut c, x);
    }
    for im in &m.imports {
        import_ok(&mut c, im)?;
    }
    let imported_funcs = c.funcs.len();
    for (x, func) in m.funcs.iter().enumerate() {
        // Func_ok's `Expand: C.TYPES[x] ~~ FUNC ...`, checked up front so `C.FUNCS` is sound.
        c.func_type(rules::FUNC_OK, func.ty).map_err(|e| e.within(index(imported_funcs + x)))?;
        c.funcs.push(func.ty);
    }
    for tag in &m.tags {
        // Tag_ok
        tagtype_ok(&c, tag.ty)?;
        c.tags.push(tag.ty);
    }
    c.refs = declared_funcs(m);
    for mem in &m.mems {
        memtype_ok(&c, mem.ty)?;
        c.mems.push(mem.ty);
    }
    for table in &m.tables {
        table_ok(&c, table)?;
    }
    c.tables.extend(m.tables.iter().map(|t| t.ty));
    for global in &m.globals {
        global_ok(&c, global)?;
        if spec == Spec::V3 {
            c.globals.push(global.ty);
        }
    }
    m.elems.iter().try_for_each(|elem| elem_ok(&c, elem))?;
    m.datas.iter().try_for_each(|data| data_ok(&c, data))?;
    if spec == Spec::V2 {
        c.globals.extend(m.globals.iter().map(|g| g.ty));
    }
    c.elems = m.elems.iter().map(|e| e.ty).collect();
    c.datas = m.datas.len() as u64;
    let checked = funcs(&mut c, imported_funcs)?;
    if let Some(start) = m.start {
        start_ok(&c, start)?;
    }
    let mut names = HashSet::new();
    for export in &m.exports {
        export_ok(&c, export)?;
        if !names.insert(export.name.as_str()) {
            return Err(
                Error::new(rules::MODULE_OK, format!("duplicate export name \"{}\"", export.name)).into()
            );
        }
    }
    if c.mems.len() > 1 {
        match spec {
            Spec::V2 => return Err(Error::new(rules::MODULE_OK, "multiple memories").into()),
            Spec::V3 => feature(spec, rules::MODULE_OK, Feature::MultiMemory)?,
        }
    }
    Ok(checked)
}

pub(crate) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// `Import_ok`: the external type is valid; the import then joins its index space in `C`.
fn import_ok<'m>(c: &mut Context<'m>, im: &Import) -> Result {
    externtype_ok(c, im.desc)?;
    match im.desc {
        ExternType::Func(x) => c.funcs.push(x),
        ExternType::Table(tt) => c.tables.push(tt),
        ExternType::Mem(mt) => c.mems.push(mt),
        ExternType::Global(gt) => c.globals.push(gt),
        ExternType::Tag(jt) => c.tags.push(jt),
    }
    Ok(())
}

/// `C.REFS`, `$funcidx_nonfuncs`: the functions named in globals, tables, element segments
/// and exports, which code may then take references to.
fn declared_funcs(m: &Module) -> BTreeSet<FuncIdx> {
    let offsets = m.elems.iter().filter_map(|e| match &e.mode {
        ElemMode::Active(_, offset) => Some(offset),
        _ => None,
    });
    let exprs = (m.globals.iter().map(|g| &g.init))
        .chain(m.tables.iter().map(|t| &t.init))
        .chain(m.elems.iter().flat_map(|e| &e.init))
        .chain(offsets);
    let in_exprs = exprs.flat_map(|e| &e.instrs).filter_map(|i| match i {
        Instr::RefFunc(x) => Some(*x),
        _ => None,
    });
    let exported = m.exports.iter().filter_map(|e| match e.desc {
        ExternIdx::Func(x) => Some(x),
        _ => None,
    });
    in_exprs.chain(exported).collect()
}

/// `Table_ok`: the table type is valid, and its initialiser a constant of its element type.
/// An empty initialiser stands for the `ref.null` of a table defined without one, which
/// suits nullable element types only.
fn table_ok(c: &Context, table: &Table) -> Result {
    tabletype_ok(c, table.ty)?;
    let rt = table.ty.elem;
    match table.init.instrs.is_empty() {
        true if rt.nullable => Ok(()),
        true => {
            Err(Error::new(rules::TABLE_OK, format!("type mismatch: table of {rt} needs an initialiser")))
        }
        false => expr_ok_const(c, &table.init, ValType::Ref(rt)),
    }
}

/// `Global_ok`: the global type is valid, and its initialiser a constant of its value type.
fn global_ok(c: &Context, global: &Global) -> Result {
    globaltype_ok(c, global.ty)?;
    expr_ok_const(c, &global.init, global.ty.val)
}

/// `Func_ok`: under `C` with the parameters and locals as `C.LOCALS`, the results as the
/// label and `C.RETURN`, the body has the function's result type.
fn func_ok(c: &mut Context, func: &Func) -> Result {
    body_ok(c, func.ty, &func.locals, &func.body)
}

/// [`func_ok`] of the function `FUNC x local* expr` given in its parts, the body decoded
/// apart from the module (`crate::front`).
pub fn body_ok(c: &mut Context, x: TypeIdx, locals: &[ValType], body: &Expr) -> Result {
    let ft = c.func_type(rules::FUNC_OK, x)?;
    c.locals.clear();
    c.locals.extend(ft.params.iter().map(|&t| LocalType { set: true, t }));
    for &t in locals {
        c.locals.push(local_ok(c, t)?);
    }
    c.ret = Some(&ft.results);
    let ok = expr_ok(c, body, &ft.results);
    c.ret = None;
    ok
}

/// `Func_ok` of every function, on up to `threads` threads. No function's validity depends
/// on another's: each is checked under the same `C`. The functions are cut into runs of about
/// equal code, a run to a thread, and the error reported is the first function's in index
/// order, the one a single thread would find.
fn funcs_ok<'m>(c: &mut Context<'m>, m: &'m Module, imported: usize, threads: usize) -> Result {
    let funcs = &m.funcs;
    let run_ok = |c: &mut Context<'m>, first: usize, run: &'m [Func]| -> Result {
        for (i, func) in run.iter().enumerate() {
            func_ok(c, func).map_err(|e| e.within(index(imported + first + i)))?;
        }
        Ok(())
    };
    let runs = m.runs(funcs.len(), threads);
    if runs.len() <= 1 {
        return run_ok(c, 0, funcs);
    }
    let c = &*c;
    let results: Vec<Result> = std::thread::scope(|s| {
        let handles: Vec<_> = (runs.iter())
            .map(|r| s.spawn(move || run_ok(&mut c.clone(), r.start, &funcs[r.clone()])))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    results.into_iter().collect()
}

/// The operand types of a valid function's body ([`expr_types`]), in its context as
/// `func_ok` makes it.
fn func_types<'m>(c: &mut Context<'m>, func: &'m Func) -> Result<OperandTypes> {
    let ft = c.func_type(rules::FUNC_OK, func.ty)?;
    c.locals.clear();
    c.locals.extend(ft.params.iter().map(|&t| LocalType { set: true, t }));
    for &t in &func.locals {
        c.locals.push(local_ok(c, t)?);
    }
    c.ret = Some(&ft.results);
    let types = expr_types(c, &func.body, &ft.results);
    c.ret = None;
    types
}

/// `Local_ok/set`, `Local_ok/unset`: a local starts `SET` when its type has a default value.
fn local_ok(c: &Context, t: ValType) -> Result<LocalType> {
    valtype_ok(c, t)?;
    Ok(LocalType { set: defaultable(t), t })
}

/// `Elem_ok`: the element type is valid, each initialiser is a constant of it, and the mode
/// fits it (`Elemmode_ok`).
fn elem_ok(c: &Context, elem: &Elem) -> Result {
    reftype_ok(c, elem.ty)?;
    for init in &elem.init {
        expr_ok_const(c, init, ValType::Ref(elem.ty))?;
    }
    match &elem.mode {
        // Elemmode_ok/passive, Elemmode_ok/declare
        ElemMode::Passive | ElemMode::Declare => Ok(()),
        // Elemmode_ok/active: `C.TABLES[x] = at lim rt'` with `rt <: rt'`, the offset an `at`.
        ElemMode::Active(x, offset) => {
            let rule = rules::ELEMMODE_OK__ACTIVE;
            let tt = c.table(rule, *x)?;
            if !reftype_sub(c, elem.ty, tt.elem) {
                let msg = format!("type mismatch: segment of {} for table of {}", elem.ty, tt.elem);
                return Err(Error::new(rule, msg));
            }
            expr_ok_const(c, offset, tt.addr.val())
        }
    }
}

/// `Data_ok`: the mode is valid (`Datamode_ok`).
fn data_ok(c: &Context, data: &Data) -> Result {
    match &data.mode {
        // Datamode_ok/passive
        DataMode::Passive => Ok(()),
        // Datamode_ok/active: `C.MEMS[x] = at lim PAGE`, the offset an `at`.
        DataMode::Active(x, offset) => {
            let mt = c.mem(rules::DATAMODE_OK__ACTIVE, *x)?;
            expr_ok_const(c, offset, mt.addr.val())
        }
    }
}

/// `Start_ok`: the start function has type `[] -> []`.
fn start_ok(c: &Context, start: Start) -> Result {
    let ft = c.func(rules::START_OK, start.func)?;
    match ft.params.is_empty() && ft.results.is_empty() {
        true => Ok(()),
        false => Err(Error::new(rules::START_OK, "start function must not have parameters or results")),
    }
}

/// `Export_ok`, `Externidx_ok`: the exported index exists.
fn export_ok(c: &Context, export: &Export) -> Result {
    match export.desc {
        ExternIdx::Func(x) => c.func(rules::EXTERNIDX_OK__FUNC, x).map(drop),
        ExternIdx::Table(x) => c.table(rules::EXTERNIDX_OK__TABLE, x).map(drop),
        ExternIdx::Mem(x) => c.mem(rules::EXTERNIDX_OK__MEM, x).map(drop),
        ExternIdx::Global(x) => c.global(rules::EXTERNIDX_OK__GLOBAL, x).map(drop),
        ExternIdx::Tag(x) => c.tag(rules::EXTERNIDX_OK__TAG, x).map(drop),
    }
}

/// `Expr_ok_const`: `C |- expr : t CONST`, a constant expression of type `t`. Constness is
/// checked before the algorithm types it, so that `(global i32 (nop))` is not constant
/// rather than mistyped.
pub fn expr_ok_const(c: &Context, expr: &Expr, t: ValType) -> Result {
    // The common offset, one constant of type `t` (`Instr_ok/const` types it `[] -> [t]`), and
    // the common element, a declared function's reference of a type below `t`
    // (`Instr_ok/ref.func`): constant (`Instr_const/const`, `/ref.func`), and all `Expr_ok`
    // asks of them. A module may have a hundred thousand, each otherwise a run of the
    // algorithm with stacks of its own. Anything else, errors included, takes the algorithm.
    match expr.instrs[..] {
        [Instr::Const(n), Instr::End] if ValType::num(n.ty()) == t => return Ok(()),
        [Instr::RefFunc(x), Instr::End] if ref_func_is(c, x, t) => return Ok(()),
        _ => {}
    }
    expr_const(c, expr)?;
    expr_ok(c, expr, &[t])
}

/// Whether `ref.func x`, then `end`, is an expression of type `t`: `Instr_ok/ref.func` (`x` a
/// function of the context, declared outside of code), its type matching `t` (`Valtype_sub`).
fn ref_func_is(c: &Context, x: FuncIdx, t: ValType) -> bool {
    let Ok(dt) = c.func_idx(rules::INSTR_OK__REF_FUNC, x) else { return false };
    c.refs.contains(&x) && valtype_sub(c, ref_func_type(c, dt), t)
}

/// `Expr_const`: every instruction is constant (`Instr_const`).
pub fn expr_const(c: &Context, expr: &Expr) -> Result {
    for (i, instr) in expr.instrs.iter().enumerate() {
        instr_const(c, instr).map_err(|e| Error { offset: expr.offsets.get(i).copied(), ..e })?;
    }
    Ok(())
}

/// `Instr_const`: the instructions allowed in constant expressions.
fn instr_const(c: &Context, instr: &Instr) -> Result {
    use Instr as I;
    let not_const = || Err(Error::new(rules::EXPR_CONST, "constant expression required"));
    match instr {
        // Instr_const/const, /vconst, /ref.null, /ref.func; and the expression's own `end`.
        I::Const(_) | I::VConst(_) | I::RefNull(_) | I::RefFunc(_) | I::End => Ok(()),
        // Instr_const/global.get: an immutable global of the context, which under 2.0 has
        // only the imported ones.
        I::GlobalGet(x) => match c.global(rules::INSTR_CONST__GLOBAL_GET, *x)?.mutable {
            false => Ok(()),
            true => not_const(),
        },
        // Instr_const/binop: 3.0's extended constant expressions.
        I::Binop(NumType::I32 | NumType::I64, Binop::Int(IBinop::Add | IBinop::Sub | IBinop::Mul))
            if c.spec == Spec::V3 =>
        {
            feature(c.spec, rules::INSTR_CONST__BINOP, Feature::ExtendedConst)
        }
        // Instr_const/ref.i31, /struct.new, /array.new, ...: GC's, under 3.0.
        I::RefI31
        | I::StructNew(_)
        | I::StructNewDefault(_)
        | I::ArrayNew(_)
        | I::ArrayNewDefault(_)
        | I::ArrayNewFixed(..)
        | I::AnyConvertExtern
        | I::ExternConvertAny
            if c.spec == Spec::V3 =>
        {
            Ok(())
        }
        _ => not_const(),
    }
}
