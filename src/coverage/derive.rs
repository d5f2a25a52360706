//! The rules a decoded or validated module's derivation uses, counted from the module.
//!
//! A module that decodes has a parse by the grammar of chapter 5, and one that validates a
//! derivation of `Module_ok` (chapter 3) with an `Instr_ok` rule for each instruction: the
//! productions and rules counted here are those the module's syntax requires, read off the
//! decoded module once (so the decoder and the validator need no counter of their own). A
//! module refused is counted by the rule its error cites.

use super::counts::{hit, refuse};
use crate::rules::{self, Rule};
use crate::syntax::opcodes::{INSTRUCTIONS, Op};
use crate::syntax::*;
use std::sync::OnceLock;

/// Count the outcome of `binary::decode`: the productions of the module's parse, or the
/// production its error cites.
pub fn decoded<E: Cited>(outcome: &Result<Module, E>) {
    match outcome {
        Ok(m) => grammar(m),
        Err(e) => refuse(e.rule()),
    }
}

/// Count the outcome of `valid::validate`: the `Instr_ok` rule of every instruction of a
/// valid module, or the rule whose premise failed.
pub fn validated<E: Cited>(m: &Module, outcome: &Result<(), E>) {
    match outcome {
        // `else` and `end` delimit the structured instructions, whose rules count once.
        Ok(()) => exprs(m)
            .flat_map(|e| e.instrs.iter())
            .filter(|i| !matches!(i, Instr::Else | Instr::End))
            .filter_map(Instr::info)
            .for_each(|i| hit(i.rule)),
        Err(e) => refuse(e.rule()),
    }
}

/// An error that cites a rule.
pub trait Cited {
    fn rule(&self) -> Rule;
}

impl Cited for crate::binary::Error {
    fn rule(&self) -> Rule {
        self.rule
    }
}

impl Cited for crate::valid::Error {
    fn rule(&self) -> Rule {
        self.rule
    }
}

/// Every expression of the module: bodies, initialisers, offsets.
fn exprs(m: &Module) -> impl Iterator<Item = &Expr> {
    let globals = m.globals.iter().map(|g| &g.init);
    let tables = m.tables.iter().map(|t| &t.init);
    let funcs = m.funcs.iter().map(|f| &f.body);
    let elems = m.elems.iter().flat_map(|e| {
        let offset = match &e.mode {
            ElemMode::Active(_, x) => Some(x),
            _ => None,
        };
        e.init.iter().chain(offset)
    });
    let datas = m.datas.iter().filter_map(|d| match &d.mode {
        DataMode::Active(_, x) => Some(x),
        DataMode::Passive => None,
    });
    globals.chain(tables).chain(funcs).chain(elems).chain(datas)
}

/// The productions of a module's parse (5.5), its sections in the order of the binary.
fn grammar(m: &Module) {
    use rules::*;
    [BINARY_MODULE, BINARY_MAGIC, BINARY_VERSION, BINARY_BYTE, BINARY_UINT, BINARY_INT, BINARY_VALUE]
        .into_iter()
        .for_each(hit);
    let section = |present: bool, rules: &[Rule]| {
        if present {
            [BINARY_SECTION, BINARY_LIST].into_iter().chain(rules.iter().copied()).for_each(hit);
        }
    };
    section(!m.customs.is_empty(), &[BINARY_CUSTOMSEC, BINARY_NAME, BINARY_UTF8]);
    section(!m.types.is_empty(), &[BINARY_TYPESEC]);
    m.types.iter().for_each(rectype);
    section(!m.imports.is_empty(), &[BINARY_IMPORTSEC]);
    m.imports.iter().for_each(import);
    section(!m.funcs.is_empty(), &[BINARY_FUNCSEC, BINARY_CODESEC]);
    section(!m.tables.is_empty(), &[BINARY_TABLESEC]);
    m.tables.iter().for_each(|t| {
        hit(BINARY_TABLE);
        tabletype(&t.ty)
    });
    section(!m.mems.is_empty(), &[BINARY_MEMSEC]);
    m.mems.iter().for_each(|x| {
        hit(BINARY_MEM);
        memtype(&x.ty)
    });
    section(!m.tags.is_empty(), &[BINARY_TAGSEC]);
    m.tags.iter().for_each(|_| [BINARY_TAG, BINARY_TAGTYPE, BINARY_TYPEIDX].into_iter().for_each(hit));
    section(!m.globals.is_empty(), &[BINARY_GLOBALSEC]);
    m.globals.iter().for_each(|g| {
        hit(BINARY_GLOBAL);
        globaltype(&g.ty)
    });
    section(!m.exports.is_empty(), &[BINARY_EXPORTSEC]);
    m.exports.iter().for_each(|_| {
        [BINARY_EXPORT, BINARY_EXPORTDESC, BINARY_EXTERNIDX, BINARY_NAME, BINARY_UTF8]
            .into_iter()
            .for_each(hit)
    });
    section(m.start.is_some(), &[BINARY_STARTSEC, BINARY_START, BINARY_FUNCIDX]);
    section(!m.elems.is_empty(), &[BINARY_ELEMSEC]);
    m.elems.iter().for_each(elem);
    let counted = exprs(m)
        .flat_map(|e| e.instrs.iter())
        .any(|i| matches!(i, Instr::DataDrop(_) | Instr::MemoryInit(..)));
    section(counted, &[BINARY_DATACNTSEC, BINARY_DATACNT]);
    m.funcs.iter().for_each(func);
    section(!m.datas.is_empty(), &[BINARY_DATASEC]);
    m.datas.iter().for_each(data);
    exprs(m).for_each(expr);
}

fn rectype(r: &RecType) {
    use rules::*;
    [BINARY_TYPE, BINARY_RECTYPE].into_iter().for_each(hit);
    for sub in r.0.iter() {
        [BINARY_SUBTYPE, BINARY_COMPTYPE].into_iter().for_each(hit);
        match &sub.comp {
            CompType::Func(ft) => functype(ft),
            CompType::Struct(fields) => {
                hit(BINARY_STRUCTTYPE);
                fields.iter().for_each(fieldtype);
            }
            CompType::Array(field) => {
                hit(BINARY_ARRAYTYPE);
                fieldtype(field);
            }
        }
    }
}

fn functype(ft: &FuncType) {
    [rules::BINARY_FUNCTYPE, rules::BINARY_RESULTTYPE].into_iter().for_each(hit);
    ft.params.iter().chain(ft.results.iter()).for_each(|t| valtype(*t));
}

fn fieldtype(f: &FieldType) {
    [rules::BINARY_FIELDTYPE, rules::BINARY_STORAGETYPE, rules::BINARY_MUT].into_iter().for_each(hit);
    match f.storage {
        StorageType::Val(t) => valtype(t),
        StorageType::Pack(_) => hit(rules::BINARY_PACKTYPE),
    }
}

fn valtype(t: ValType) {
    hit(rules::BINARY_VALTYPE);
    match t {
        ValType::Ref(rt) => reftype(rt),
        ValType::V128 => hit(rules::BINARY_VECTYPE),
        ValType::Bot => {}
        _ => hit(rules::BINARY_NUMTYPE),
    }
}

fn reftype(rt: RefType) {
    [rules::BINARY_REFTYPE, rules::BINARY_HEAPTYPE].into_iter().for_each(hit);
    match rt.heap {
        HeapType::Abs(_) => hit(rules::BINARY_ABSHEAPTYPE),
        HeapType::Idx(_) => [rules::BINARY_TYPEIDX, rules::BINARY_SINT].into_iter().for_each(hit),
    }
}

fn tabletype(t: &TableType) {
    hit(rules::BINARY_TABLETYPE);
    hit(rules::BINARY_LIMITS);
    reftype(t.elem);
}

fn memtype(_: &MemType) {
    hit(rules::BINARY_MEMTYPE);
    hit(rules::BINARY_LIMITS);
}

fn globaltype(t: &GlobalType) {
    [rules::BINARY_GLOBALTYPE, rules::BINARY_MUT].into_iter().for_each(hit);
    valtype(t.val);
}

fn import(i: &Import) {
    use rules::*;
    [BINARY_IMPORT, BINARY_IMPORTDESC, BINARY_EXTERNTYPE, BINARY_NAME, BINARY_UTF8].into_iter().for_each(hit);
    match &i.desc {
        ExternType::Func(_) => hit(BINARY_TYPEIDX),
        ExternType::Table(t) => tabletype(t),
        ExternType::Mem(t) => memtype(t),
        ExternType::Global(t) => globaltype(t),
        ExternType::Tag(_) => [BINARY_TAGTYPE, BINARY_TYPEIDX].into_iter().for_each(hit),
    }
}

fn func(f: &Func) {
    use rules::*;
    [BINARY_TYPEIDX, BINARY_CODE, BINARY_FUNC].into_iter().for_each(hit);
    if !f.locals.is_empty() {
        hit(BINARY_LOCAL);
    }
    f.locals.iter().for_each(|t| valtype(*t));
}

fn elem(e: &Elem) {
    use rules::*;
    hit(BINARY_ELEM);
    reftype(e.ty);
    if let ElemMode::Active(x, _) = e.mode
        && x != 0
    {
        hit(BINARY_TABLEIDX);
    }
}

fn data(d: &Data) {
    use rules::*;
    hit(BINARY_DATA);
    if let DataMode::Active(x, _) = d.mode
        && x != 0
    {
        hit(BINARY_MEMIDX);
    }
}

/// `binary-expr`: each instruction, its family (`binary-instr-numeric`), its production
/// and the productions of its immediates.
fn expr(e: &Expr) {
    hit(rules::BINARY_EXPR);
    for i in e.instrs.iter() {
        hit(rules::BINARY_INSTR);
        if let Some(info) = i.info() {
            hit(crate::binary::family(info.opcode.byte));
            if let Some(r) = by_name(info.op) {
                hit(r);
            }
        }
        production(i);
        immediates(i);
    }
}

/// `binary-NAME` where the grammar has a production named after the instruction
/// (`binary-br_table`, `binary-local.get`), by its place in the instruction table.
fn by_name(op: Op) -> Option<Rule> {
    static TABLE: OnceLock<Vec<Option<Rule>>> = OnceLock::new();
    let table = TABLE
        .get_or_init(|| INSTRUCTIONS.iter().map(|i| Rule::lookup(&format!("binary-{}", i.name))).collect());
    table.get(op as usize).copied().flatten()
}

/// The production of the numeric and vector instructions, which the grammar groups by
/// operator class (`binary-binop`, `binary-vibinop`).
fn production(i: &Instr) {
    use rules::*;
    let r = match i {
        Instr::Const(n) => {
            hit(if n.ty().is_int() { BINARY_SINT } else { BINARY_FLOAT });
            BINARY_CONST
        }
        Instr::Unop(..) => BINARY_UNOP,
        Instr::Binop(..) => BINARY_BINOP,
        Instr::Testop(..) => BINARY_TESTOP,
        Instr::Relop(..) => BINARY_RELOP,
        Instr::Cvtop(_, _, Cvtop::TruncSat(_)) => BINARY_CVTOP_TRUNC_SAT,
        Instr::Cvtop(..) => BINARY_CVTOP,
        Instr::Load(_, None, ..) => BINARY_LOAD,
        Instr::Load(_, Some(_), ..) => BINARY_LOADN,
        Instr::Store(_, None, ..) => BINARY_STORE,
        Instr::Store(_, Some(_), ..) => BINARY_STOREN,
        Instr::VVunop(_) => BINARY_VVUNOP,
        Instr::VVbinop(_) => BINARY_VVBINOP,
        Instr::VVternop(_) => BINARY_VVTERNOP,
        Instr::VVtestop(_) => BINARY_VVTESTOP,
        Instr::VUnop(_, VUnop::Int(_)) => BINARY_VIUNOP,
        Instr::VUnop(_, VUnop::Float(_)) => BINARY_VFUNOP,
        Instr::VBinop(_, VBinop::Int(VIBinop::AddSat(_) | VIBinop::SubSat(_))) => BINARY_VSATBINOP,
        Instr::VBinop(_, VBinop::Int(VIBinop::Min(_) | VIBinop::Max(_))) => BINARY_VIMINMAXOP,
        Instr::VBinop(_, VBinop::Int(_)) => BINARY_VIBINOP,
        Instr::VBinop(_, VBinop::Float(_)) => BINARY_VFBINOP,
        Instr::VTernop(_, VTernop::RelaxedLaneselect) => BINARY_VITERNOP,
        Instr::VTernop(..) => BINARY_VFTERNOP,
        Instr::VTestop(..) => BINARY_VITESTOP,
        Instr::VRelop(_, Relop::Int(_)) => BINARY_VIRELOP,
        Instr::VRelop(_, Relop::Float(_)) => BINARY_VFRELOP,
        Instr::VShiftop(..) => BINARY_VSHIFTOP,
        Instr::VSwizzlop(_) => BINARY_VSWIZZLOP,
        Instr::VShuffle(_) => BINARY_VSHUFFLE,
        Instr::VExtunop(..) => BINARY_VIEXTUNOP,
        Instr::VExtbinop(..) => BINARY_VIEXTBINOP,
        Instr::VExtternop(..) => BINARY_VIEXTTERNOP,
        Instr::VSplat(_) => BINARY_VSPLAT,
        Instr::VExtractLane(..) => BINARY_VEXTRACT_LANE,
        Instr::VReplaceLane(..) => BINARY_VREPLACE_LANE,
        _ => return,
    };
    hit(r);
}

/// The productions of an instruction's immediates: indices, block types, memory arguments,
/// lane indices.
fn immediates(i: &Instr) {
    use rules::*;
    let rs: &[Rule] = match i {
        Instr::Block(_) | Instr::Loop(_) | Instr::If(_) => &[BINARY_BLOCKTYPE],
        Instr::TryTable(..) => &[BINARY_BLOCKTYPE, BINARY_CATCH],
        Instr::Br(_) | Instr::BrIf(_) | Instr::BrTable(..) | Instr::BrOnNull(_) | Instr::BrOnNonNull(_) => {
            &[BINARY_LABELIDX]
        }
        Instr::BrOnCast(..) | Instr::BrOnCastFail(..) => &[BINARY_LABELIDX, BINARY_CASTOP, BINARY_HEAPTYPE],
        Instr::Call(_) | Instr::ReturnCall(_) | Instr::RefFunc(_) => &[BINARY_FUNCIDX],
        Instr::CallIndirect(..) | Instr::ReturnCallIndirect(..) => &[BINARY_TYPEIDX, BINARY_TABLEIDX],
        Instr::CallRef(_) | Instr::ReturnCallRef(_) => &[BINARY_TYPEIDX],
        Instr::Throw(_) => &[BINARY_TAGIDX],
        Instr::LocalGet(_) | Instr::LocalSet(_) | Instr::LocalTee(_) => &[BINARY_LOCALIDX],
        Instr::GlobalGet(_) | Instr::GlobalSet(_) => &[BINARY_GLOBALIDX],
        Instr::TableGet(_)
        | Instr::TableSet(_)
        | Instr::TableSize(_)
        | Instr::TableGrow(_)
        | Instr::TableFill(_)
        | Instr::TableCopy(..) => &[BINARY_TABLEIDX],
        Instr::TableInit(..) => &[BINARY_TABLEIDX, BINARY_ELEMIDX],
        Instr::ElemDrop(_) => &[BINARY_ELEMIDX],
        Instr::Load(..) | Instr::Store(..) | Instr::VLoad(..) | Instr::VStore(..) => &[BINARY_MEMARG],
        Instr::VLoadLane(..) | Instr::VStoreLane(..) => &[BINARY_MEMARG, BINARY_LANEIDX],
        Instr::MemorySize(_) | Instr::MemoryGrow(_) | Instr::MemoryFill(_) | Instr::MemoryCopy(..) => {
            &[BINARY_MEMIDX]
        }
        Instr::MemoryInit(..) => &[BINARY_MEMIDX, BINARY_DATAIDX],
        Instr::DataDrop(_) => &[BINARY_DATAIDX],
        Instr::RefNull(_) => &[BINARY_HEAPTYPE],
        Instr::RefTest(_) | Instr::RefCast(_) => &[BINARY_HEAPTYPE],
        Instr::StructGet(..) | Instr::StructSet(..) => &[BINARY_TYPEIDX, BINARY_FIELDIDX],
        Instr::VShuffle(_) | Instr::VExtractLane(..) | Instr::VReplaceLane(..) => &[BINARY_LANEIDX],
        _ => &[],
    };
    rs.iter().copied().for_each(hit);
    if let Instr::Select(Some(ts)) = i {
        ts.iter().for_each(|t| valtype(*t));
    }
}
