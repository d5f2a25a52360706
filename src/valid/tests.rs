//! Unit tests of each judgment family, on modules built by hand: each asserts the exact
//! message prefix the suite expects and the rule cited.

use super::*;
use crate::rules::{self, Rule};
use crate::syntax::*;
use Instr as I;
use ValType as V;

fn functype(params: &[ValType], results: &[ValType]) -> RecType {
    let comp = CompType::Func(FuncType::new(params.to_vec(), results.to_vec()));
    RecType(Box::new([SubType { is_final: true, supertypes: Box::new([]), comp }]))
}

/// An expression: the instructions and their `end`, at offsets 0, 1, 2, ...
fn expr(mut instrs: Vec<Instr>) -> Expr {
    instrs.push(I::End);
    let offsets = (0..instrs.len() as u32).collect();
    Expr { instrs: instrs.into(), offsets }
}

fn i32c(n: u32) -> Instr {
    I::Const(Num::I32(n))
}

/// A module of one function `params -> results` with `body`, one memory and a funcref table.
fn func(params: &[ValType], results: &[ValType], body: Vec<Instr>) -> Module {
    let mut m = Module { types: vec![functype(params, results)], ..Module::default() };
    m.funcs.push(Func { ty: 0, locals: vec![], body: expr(body) });
    m.mems.push(Mem { ty: MemType { addr: AddrType::I32, limits: Limits { min: 1, max: None } } });
    let tt = TableType { addr: AddrType::I32, limits: Limits { min: 1, max: None }, elem: RefType::FUNCREF };
    m.tables.push(Table { ty: tt, init: Expr::default() });
    m
}

fn body(body: Vec<Instr>) -> Module {
    func(&[], &[], body)
}

fn valid(m: &Module) {
    for spec in [Spec::V2, Spec::V3] {
        if let Err(e) = validate(m, spec) {
            panic!("{spec}: {e}")
        }
    }
}

/// Invalid under both versions with `message` (a prefix) and `rule`.
#[track_caller]
fn invalid(m: &Module, message: &str, rule: Rule) -> Error {
    let e = invalid_in(Spec::V2, m, message, rule);
    let e3 = invalid_in(Spec::V3, m, message, rule);
    assert_eq!((e3.func, e3.offset), (e.func, e.offset));
    e
}

#[track_caller]
fn invalid_in(spec: Spec, m: &Module, message: &str, rule: Rule) -> Error {
    let e = validate(m, spec).expect_err("invalid");
    assert!(e.message.starts_with(message), "{spec}: expected `{message}`, got `{e}`");
    assert_eq!(e.rule, rule, "{spec}: {e}");
    e
}

#[test]
fn empty_module_and_function() {
    valid(&Module::default());
    valid(&body(vec![]));
    valid(&func(&[V::I32], &[V::I32], vec![I::LocalGet(0)]));
}

#[test]
fn errors_name_function_and_offset() {
    let mut m = body(vec![I::Nop, I::Drop]);
    m.imports.push(Import { module: "m".into(), name: "f".into(), desc: ExternType::Func(0) });
    let e = invalid(&m, "type mismatch", rules::INSTR_OK__DROP);
    assert_eq!((e.func, e.offset), (Some(1), Some(1)));
}

/// Too many operands at a block's end: the message shows the whole stack of the frame, not
/// what is left of it once the results are taken (issue "fifteen defects", item 13).
#[test]
fn extra_operands_at_end_are_all_shown() {
    let m = func(&[], &[V::I32], vec![i32c(1), i32c(2)]);
    let e = invalid(&m, "type mismatch", rules::EXPR_OK);
    assert_eq!(e.message, "type mismatch: block requires [i32] but stack has [i32 i32]");
    let block = vec![I::Block(BlockType::Result(None)), I::Const(Num::I64(0)), i32c(1), I::End];
    let e = invalid(&body(block), "type mismatch", rules::INSTR_OK__BLOCK);
    assert_eq!(e.message, "type mismatch: block requires [] but stack has [i64 i32]");
}

#[test]
fn numeric() {
    valid(&func(&[], &[V::I32], vec![i32c(1), i32c(2), I::Binop(NumType::I32, Binop::Int(IBinop::Add))]));
    let add = I::Binop(NumType::I32, Binop::Int(IBinop::Add));
    let m = func(&[], &[V::I32], vec![I::Const(Num::I64(0)), i32c(1), add.clone()]);
    let e = invalid(&m, "type mismatch", rules::INSTR_OK__BINOP);
    assert_eq!(e.message, "type mismatch: instruction requires [i32 i32] but stack has [i64 i32]");
    let e = invalid(&func(&[], &[V::I32], vec![add]), "type mismatch", rules::INSTR_OK__BINOP);
    assert_eq!(e.message, "type mismatch: instruction requires [i32 i32] but stack has []");
    let unop = I::Unop(NumType::F32, Unop::Float(FUnop::Neg));
    invalid(&func(&[], &[V::F32], vec![i32c(0), unop]), "type mismatch", rules::INSTR_OK__UNOP);
    let testop = I::Testop(NumType::I64, Testop::Eqz);
    invalid(&func(&[], &[V::I32], vec![i32c(0), testop]), "type mismatch", rules::INSTR_OK__TESTOP);
    let relop = I::Relop(NumType::F64, Relop::Float(FRelop::Lt));
    invalid(&func(&[], &[V::I32], vec![i32c(0), i32c(0), relop]), "type mismatch", rules::INSTR_OK__RELOP);
    let wrap = I::Cvtop(NumType::I32, NumType::I64, Cvtop::Wrap);
    valid(&func(&[], &[V::I32], vec![I::Const(Num::I64(0)), wrap.clone()]));
    invalid(&func(&[], &[V::I32], vec![i32c(0), wrap]), "type mismatch", rules::INSTR_OK__CVTOP);
    let bad = I::Cvtop(NumType::I32, NumType::F32, Cvtop::Promote);
    invalid(
        &func(&[], &[V::I32], vec![I::Const(Num::F32(F32(0))), bad]),
        "malformed",
        rules::INSTR_OK__CVTOP,
    );
    let extend32 = I::Unop(NumType::I32, Unop::Int(IUnop::Extend(Sz::N32)));
    invalid(&func(&[], &[V::I32], vec![i32c(0), extend32]), "malformed", rules::INSTR_OK__UNOP);
    invalid(&func(&[], &[V::I64], vec![i32c(0)]), "type mismatch", rules::EXPR_OK);
}

#[test]
fn parametric() {
    valid(&body(vec![I::Unreachable, I::Drop, I::Drop]));
    invalid(&body(vec![I::Drop]), "type mismatch", rules::INSTR_OK__DROP);
    let select = || vec![I::LocalGet(0), I::LocalGet(0), i32c(1), I::Select(None), I::Drop];
    valid(&func(&[V::F64], &[], select()));
    invalid(&func(&[V::FUNCREF], &[], select()), "type mismatch", rules::INSTR_OK__SELECT_IMPL);
    let typed =
        vec![I::LocalGet(0), I::LocalGet(0), i32c(1), I::Select(Some(Box::new([V::FUNCREF]))), I::Drop];
    valid(&func(&[V::FUNCREF], &[], typed));
    let mixed = vec![i32c(0), I::Const(Num::I64(0)), i32c(1), I::Select(None), I::Drop];
    invalid(&body(mixed), "type mismatch", rules::INSTR_OK__SELECT_IMPL);
    let arity = vec![i32c(1), I::Select(Some(Box::new([])))];
    invalid(&body(arity), "invalid result arity", rules::INSTR_OK__SELECT_EXPL);
    // From an unreachable stack, `select` takes the one known type.
    valid(&func(&[], &[V::I64], vec![I::Unreachable, I::Const(Num::I64(0)), i32c(1), I::Select(None)]));
    valid(&func(&[], &[V::V128], vec![I::Unreachable, I::Select(None)]));
    let e = invalid(
        &func(&[], &[V::I32], vec![I::Unreachable, I::Select(None), I::Const(Num::F32(F32(0))), add()]),
        "type mismatch",
        rules::INSTR_OK__BINOP,
    );
    assert_eq!(e.offset, Some(3));
}

fn add() -> Instr {
    I::Binop(NumType::I32, Binop::Int(IBinop::Add))
}

#[test]
fn blocks() {
    let i32_block = |kind: fn(BlockType) -> Instr, body: Vec<Instr>| {
        let mut instrs = vec![kind(BlockType::Result(Some(V::I32)))];
        instrs.extend(body);
        instrs.push(I::End);
        func(&[], &[V::I32], instrs)
    };
    valid(&i32_block(I::Block, vec![i32c(0)]));
    valid(&i32_block(I::Loop, vec![i32c(0)]));
    invalid(&i32_block(I::Block, vec![]), "type mismatch", rules::INSTR_OK__BLOCK);
    invalid(&i32_block(I::Loop, vec![i32c(0), i32c(0)]), "type mismatch", rules::INSTR_OK__LOOP);
    // Operands outside a block are out of its reach.
    invalid(
        &func(&[], &[], vec![i32c(0), I::Block(BlockType::Result(None)), I::Drop, I::End]),
        "type mismatch",
        rules::INSTR_OK__DROP,
    );
    // A block type by index takes parameters.
    let mut m = func(&[], &[V::I32], vec![i32c(1), I::Block(BlockType::Idx(1)), I::End]);
    m.types.push(functype(&[V::I32], &[V::I32]));
    valid(&m);
    let m = func(&[], &[], vec![I::Block(BlockType::Idx(7)), I::End]);
    invalid(&m, "unknown type 7", rules::BLOCKTYPE_OK__TYPEIDX);
    // if: the condition, both arms, and an absent else that must type as the then arm's input.
    let iff = |arms: Vec<Instr>| {
        let mut instrs = vec![i32c(1), I::If(BlockType::Result(Some(V::I32)))];
        instrs.extend(arms);
        instrs.push(I::End);
        func(&[], &[V::I32], instrs)
    };
    valid(&iff(vec![i32c(1), I::Else, i32c(2)]));
    invalid(&iff(vec![i32c(1)]), "type mismatch", rules::INSTR_OK__IF);
    invalid(&iff(vec![i32c(1), I::Else]), "type mismatch", rules::INSTR_OK__IF);
    invalid(&iff(vec![I::Else, i32c(1)]), "type mismatch", rules::INSTR_OK__IF);
    let no_cond = func(&[], &[], vec![I::If(BlockType::Result(None)), I::End]);
    invalid(&no_cond, "type mismatch", rules::INSTR_OK__IF);
}

#[test]
fn branches() {
    let block = |body: Vec<Instr>| {
        let mut instrs = vec![I::Block(BlockType::Result(Some(V::I32)))];
        instrs.extend(body);
        instrs.push(I::End);
        func(&[], &[V::I32], instrs)
    };
    valid(&block(vec![i32c(0), I::Br(0)]));
    valid(&block(vec![i32c(0), I::Br(1)]));
    invalid(&block(vec![i32c(0), I::Br(2)]), "unknown label", rules::INSTR_OK__BR);
    invalid(&block(vec![I::Br(0)]), "type mismatch", rules::INSTR_OK__BR);
    valid(&block(vec![i32c(0), i32c(1), I::BrIf(0)]));
    invalid(&block(vec![i32c(1), I::BrIf(0)]), "type mismatch", rules::INSTR_OK__BR_IF);
    invalid(
        &block(vec![i32c(0), i32c(1), I::BrIf(u32::MAX)]),
        "unknown label 4294967295",
        rules::INSTR_OK__BR_IF,
    );
    valid(&block(vec![i32c(0), i32c(1), I::BrTable(Box::new([0, 1]), 0)]));
    invalid(
        &block(vec![i32c(0), i32c(1), I::BrTable(Box::new([0, 2]), 0)]),
        "unknown label",
        rules::INSTR_OK__BR_TABLE,
    );
    // Labels of different arities: the function's [] and the block's [i32].
    let arities = func(
        &[],
        &[],
        vec![
            I::Block(BlockType::Result(Some(V::I32))),
            i32c(0),
            i32c(1),
            I::BrTable(Box::new([1]), 0),
            I::End,
            I::Drop,
        ],
    );
    invalid(&arities, "type mismatch", rules::INSTR_OK__BR_TABLE);
    // From an unreachable stack, labels of one arity but different types may share operands.
    let mixed = vec![
        I::Block(BlockType::Result(Some(V::F32))),
        I::Block(BlockType::Result(Some(V::I64))),
        I::Unreachable,
        i32c(0),
        I::BrTable(Box::new([0]), 1),
        I::End,
        I::Drop,
        I::Const(Num::F32(F32(0))),
        I::End,
    ];
    valid(&func(&[], &[V::F32], mixed));
    // A loop's label carries its parameters.
    let mut m = func(&[], &[], vec![i32c(0), I::Loop(BlockType::Idx(1)), I::Br(0), I::End, I::Drop]);
    m.types.push(functype(&[V::I32], &[V::I32]));
    valid(&m);
    let ret = func(&[], &[V::I32], vec![I::Const(Num::I64(0)), I::Return]);
    invalid(&ret, "type mismatch", rules::INSTR_OK__RETURN);
    valid(&func(&[], &[V::I32], vec![I::Unreachable, I::Return]));
}

#[test]
fn calls() {
    let mut m = func(&[V::I32], &[V::I32], vec![I::LocalGet(0), I::Call(0)]);
    valid(&m);
    m.funcs[0].body = expr(vec![I::Call(0)]);
    invalid(&m, "type mismatch", rules::INSTR_OK__CALL);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::Call(1)]);
    invalid(&m, "unknown function 1", rules::INSTR_OK__CALL);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::LocalGet(0), I::CallIndirect(0, 0)]);
    valid(&m);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::LocalGet(0), I::CallIndirect(1, 0)]);
    invalid(&m, "unknown table 1", rules::INSTR_OK__CALL_INDIRECT);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::LocalGet(0), I::CallIndirect(0, 3)]);
    invalid(&m, "unknown type 3", rules::INSTR_OK__CALL_INDIRECT);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::LocalGet(0), I::CallIndirect(0, 0)]);
    m.tables[0].ty.elem = RefType::EXTERNREF;
    invalid(&m, "type mismatch", rules::INSTR_OK__CALL_INDIRECT);
    let mut m = func(&[], &[], vec![I::Call(0)]);
    m.funcs[0].ty = 9;
    let e = invalid(&m, "unknown type 9", rules::FUNC_OK);
    assert_eq!(e.func, Some(0));
}

#[test]
fn tail_calls() {
    let m = func(&[V::I32], &[V::I32], vec![I::LocalGet(0), I::ReturnCall(0)]);
    assert!(validate(&m, Spec::V3).is_ok());
    assert!(!validate(&m, Spec::V2).unwrap_err().is_unsupported());
    let m = func(&[V::I32], &[V::I32], vec![I::ReturnCall(0)]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__RETURN_CALL);
    let mut m = func(&[V::I32], &[V::I32], vec![I::LocalGet(0), I::ReturnCall(1)]);
    m.types.push(functype(&[V::I32], &[V::I64]));
    m.funcs.push(Func { ty: 1, locals: vec![], body: expr(vec![I::Unreachable]) });
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__RETURN_CALL);
    let m = func(&[V::I32], &[V::I32], vec![I::LocalGet(0), I::LocalGet(0), I::ReturnCallIndirect(0, 0)]);
    assert!(validate(&m, Spec::V3).is_ok());
}

#[test]
fn variables() {
    let mut m = func(&[V::I32], &[V::I32], vec![I::LocalGet(1)]);
    m.funcs[0].locals = vec![V::I32];
    valid(&m);
    m.funcs[0].body = expr(vec![I::LocalGet(2)]);
    invalid(&m, "unknown local 2", rules::INSTR_OK__LOCAL_GET);
    m.funcs[0].body = expr(vec![I::Const(Num::I64(0)), I::LocalSet(1), I::LocalGet(0)]);
    invalid(&m, "type mismatch", rules::INSTR_OK__LOCAL_SET);
    m.funcs[0].body = expr(vec![I::Const(Num::I64(0)), I::LocalTee(0)]);
    invalid(&m, "type mismatch", rules::INSTR_OK__LOCAL_TEE);
    m.funcs[0].body = expr(vec![I::LocalGet(u32::MAX)]);
    invalid(&m, "unknown local 4294967295", rules::INSTR_OK__LOCAL_GET);

    let mut m = func(&[], &[V::I32], vec![I::GlobalGet(0)]);
    invalid(&m, "unknown global 0", rules::INSTR_OK__GLOBAL_GET);
    let gt = GlobalType { mutable: false, val: V::I32 };
    m.imports.push(Import { module: "m".into(), name: "g".into(), desc: ExternType::Global(gt) });
    valid(&m);
    m.funcs[0].body = expr(vec![i32c(0), I::GlobalSet(0), i32c(0)]);
    invalid_in(Spec::V2, &m, "global is immutable", rules::INSTR_OK__GLOBAL_SET);
    invalid_in(Spec::V3, &m, "immutable global", rules::INSTR_OK__GLOBAL_SET);
    m.globals.push(Global { ty: GlobalType { mutable: true, val: V::I32 }, init: expr(vec![i32c(0)]) });
    m.funcs[0].body = expr(vec![i32c(0), I::GlobalSet(1), I::GlobalGet(1)]);
    valid(&m);
    m.funcs[0].body = expr(vec![I::GlobalSet(1), I::GlobalGet(1)]);
    invalid(&m, "type mismatch", rules::INSTR_OK__GLOBAL_SET);
}

#[test]
fn tables() {
    let m = |body: Vec<Instr>| {
        let mut m = func(&[V::I32], &[], body);
        m.elems.push(Elem { ty: RefType::EXTERNREF, init: vec![], mode: ElemMode::Passive });
        m.tables.push(Table {
            ty: TableType { elem: RefType::EXTERNREF, ..m.tables[0].ty },
            init: Expr::default(),
        });
        m
    };
    let x = || I::LocalGet(0);
    valid(&m(vec![x(), I::TableGet(0), I::Drop, I::TableSize(1), I::Drop]));
    valid(&m(vec![x(), I::RefNull(HeapType::Abs(AbsHeapType::Func)), I::TableSet(0)]));
    valid(&m(vec![I::RefNull(HeapType::Abs(AbsHeapType::Extern)), x(), I::TableGrow(1), I::Drop]));
    valid(&m(vec![x(), I::RefNull(HeapType::Abs(AbsHeapType::Extern)), x(), I::TableFill(1)]));
    valid(&m(vec![x(), x(), x(), I::TableCopy(1, 1), x(), x(), x(), I::TableInit(1, 0), I::ElemDrop(0)]));
    invalid(&m(vec![x(), I::TableGet(2), I::Drop]), "unknown table 2", rules::INSTR_OK__TABLE_GET);
    let set = vec![x(), I::RefNull(HeapType::Abs(AbsHeapType::Extern)), I::TableSet(0)];
    invalid(&m(set), "type mismatch", rules::INSTR_OK__TABLE_SET);
    invalid(&m(vec![x(), x(), x(), I::TableCopy(0, 1)]), "type mismatch", rules::INSTR_OK__TABLE_COPY);
    invalid(&m(vec![x(), x(), x(), I::TableInit(0, 0)]), "type mismatch", rules::INSTR_OK__TABLE_INIT);
    invalid(
        &m(vec![x(), x(), x(), I::TableInit(1, 4)]),
        "unknown elem segment 4",
        rules::INSTR_OK__TABLE_INIT,
    );
    invalid(&m(vec![I::ElemDrop(1)]), "unknown elem segment 1", rules::INSTR_OK__ELEM_DROP);
    invalid(&m(vec![I::TableGrow(0), I::Drop]), "type mismatch", rules::INSTR_OK__TABLE_GROW);
}

fn memarg(align: u32) -> MemArg {
    MemArg { align, offset: 0 }
}

#[test]
fn memories() {
    let load = |align| I::Load(NumType::I64, None, 0, memarg(align));
    valid(&func(&[], &[V::I64], vec![i32c(0), load(3)]));
    invalid(
        &func(&[], &[V::I64], vec![i32c(0), load(4)]),
        "alignment must not be larger than natural",
        rules::INSTR_OK__LOAD_VAL,
    );
    invalid(&func(&[], &[V::I64], vec![i32c(0), load(u32::MAX)]), "alignment", rules::INSTR_OK__LOAD_VAL);
    let load8 = I::Load(NumType::I32, Some(LoadOp { size: Sz::N8, sx: Sx::S }), 0, memarg(1));
    invalid(&func(&[], &[V::I32], vec![i32c(0), load8]), "alignment", rules::INSTR_OK__LOAD_PACK);
    let store16 = I::Store(NumType::I64, Some(Sz::N16), 0, memarg(1));
    valid(&body(vec![i32c(0), I::Const(Num::I64(0)), store16.clone()]));
    invalid(
        &body(vec![I::Const(Num::I64(0)), i32c(0), store16]),
        "type mismatch",
        rules::INSTR_OK__STORE_PACK,
    );
    let far = I::Load(NumType::I32, None, 0, MemArg { align: 0, offset: 1 << 32 });
    invalid(&func(&[], &[V::I32], vec![i32c(0), far]), "offset out of range", rules::INSTR_OK__LOAD_VAL);
    let mut m = func(&[], &[V::I32], vec![I::MemorySize(0)]);
    valid(&m);
    m.mems.clear();
    invalid(&m, "unknown memory 0", rules::INSTR_OK__MEMORY_SIZE);
    valid(&func(&[], &[V::I32], vec![i32c(1), I::MemoryGrow(0)]));
    valid(&body(vec![
        i32c(0),
        i32c(0),
        i32c(0),
        I::MemoryFill(0),
        i32c(0),
        i32c(0),
        i32c(0),
        I::MemoryCopy(0, 0),
    ]));
    invalid(&body(vec![i32c(0), i32c(0), I::MemoryFill(0)]), "type mismatch", rules::INSTR_OK__MEMORY_FILL);
    let mut m = body(vec![i32c(0), i32c(0), i32c(0), I::MemoryInit(0, 0), I::DataDrop(0)]);
    m.datas.push(Data { init: SharedBytes::default(), mode: DataMode::Passive });
    valid(&m);
    m.funcs[0].body = expr(vec![i32c(0), i32c(0), i32c(0), I::MemoryInit(0, 1)]);
    invalid(&m, "unknown data segment 1", rules::INSTR_OK__MEMORY_INIT);
    m.funcs[0].body = expr(vec![I::DataDrop(1)]);
    invalid(&m, "unknown data segment 1", rules::INSTR_OK__DATA_DROP);
    m.funcs[0].body = expr(vec![i32c(0), i32c(0), i32c(0), I::MemoryInit(1, 0)]);
    invalid(&m, "unknown memory 1", rules::INSTR_OK__MEMORY_INIT);
}

#[test]
fn vector_memory() {
    let v = || I::VConst(V128::default());
    let m = |instrs| func(&[], &[V::V128], instrs);
    valid(&m(vec![i32c(0), I::VLoad(None, 0, memarg(4))]));
    invalid(&m(vec![i32c(0), I::VLoad(None, 0, memarg(5))]), "alignment", rules::INSTR_OK__VLOAD_VAL);
    let pack = |align| I::VLoad(Some(VLoadOp::Shape(Sz::N16, 4, Sx::U)), 0, memarg(align));
    valid(&m(vec![i32c(0), pack(3)]));
    invalid(&m(vec![i32c(0), pack(4)]), "alignment", rules::INSTR_OK__VLOAD_PACK);
    let splat = I::VLoad(Some(VLoadOp::Splat(Sz::N8)), 0, memarg(1));
    invalid(&m(vec![i32c(0), splat]), "alignment", rules::INSTR_OK__VLOAD_SPLAT);
    let zero = I::VLoad(Some(VLoadOp::Zero(Sz::N32)), 0, memarg(3));
    invalid(&m(vec![i32c(0), zero]), "alignment", rules::INSTR_OK__VLOAD_ZERO);
    let lane = |i| I::VLoadLane(Sz::N32, 0, memarg(2), i);
    valid(&m(vec![i32c(0), v(), lane(3)]));
    invalid(&m(vec![i32c(0), v(), lane(4)]), "invalid lane index", rules::INSTR_OK__VLOAD_LANE);
    let store_lane = |i| I::VStoreLane(Sz::N64, 0, memarg(3), i);
    valid(&body(vec![i32c(0), v(), store_lane(1)]));
    invalid(&body(vec![i32c(0), v(), store_lane(2)]), "invalid lane index", rules::INSTR_OK__VSTORE_LANE);
    invalid(&body(vec![v(), i32c(0), I::VStore(0, memarg(4))]), "type mismatch", rules::INSTR_OK__VSTORE);
}

#[test]
fn vectors() {
    let v = || I::VConst(V128::default());
    let m = |instrs| func(&[], &[V::V128], instrs);
    valid(&m(vec![v(), v(), I::VBinop(Shape::I16x8, VBinop::Int(VIBinop::AddSat(Sx::S)))]));
    invalid(&m(vec![v(), i32c(0), I::VVbinop(VVbinop::And)]), "type mismatch", rules::INSTR_OK__VVBINOP);
    valid(&m(vec![v(), i32c(1), I::VShiftop(Shape::I64x2, VShiftop::Shl)]));
    invalid(
        &m(vec![v(), v(), I::VShiftop(Shape::I64x2, VShiftop::Shl)]),
        "type mismatch",
        rules::INSTR_OK__VSHIFTOP,
    );
    let mut lanes = [0; 16];
    lanes[15] = 31;
    valid(&m(vec![v(), v(), I::VShuffle(lanes)]));
    lanes[3] = 32;
    invalid(&m(vec![v(), v(), I::VShuffle(lanes)]), "invalid lane index", rules::INSTR_OK__VSHUFFLE);
    let extract = |i| I::VExtractLane(Shape::F64x2, None, i);
    valid(&func(&[], &[V::F64], vec![v(), extract(1)]));
    invalid(
        &func(&[], &[V::F64], vec![v(), extract(2)]),
        "invalid lane index",
        rules::INSTR_OK__VEXTRACT_LANE,
    );
    let replace = |i| I::VReplaceLane(Shape::I8x16, i);
    valid(&m(vec![v(), i32c(0), replace(15)]));
    invalid(&m(vec![v(), i32c(0), replace(16)]), "invalid lane index", rules::INSTR_OK__VREPLACE_LANE);
    invalid(
        &m(vec![I::Const(Num::I64(0)), I::VSplat(Shape::I32x4)]),
        "type mismatch",
        rules::INSTR_OK__VSPLAT,
    );
    valid(&func(&[], &[V::I32], vec![v(), I::VBitmask(Shape::I8x16)]));
    valid(&func(&[], &[V::I32], vec![v(), I::VVtestop(VVtestop::AnyTrue)]));
    let ext = I::VExtbinop(Shape::I32x4, Shape::I16x8, VExtbinop::Extmul(Half::High, Sx::U));
    valid(&m(vec![v(), v(), ext]));
    let narrow = I::VNarrow(Shape::I8x16, Shape::I16x8, Sx::S);
    valid(&m(vec![v(), v(), narrow]));
    let convert = I::VCvtop(Shape::F64x2, Shape::I32x4, VCvtop::Convert(Some(Half::Low), Sx::S));
    valid(&m(vec![v(), convert]));
    // Operators at shapes the spec does not define them at.
    let popcnt = I::VUnop(Shape::I16x8, VUnop::Int(VIUnop::Popcnt));
    invalid(&m(vec![v(), popcnt]), "malformed", rules::INSTR_OK__VUNOP);
    let narrow = I::VNarrow(Shape::I32x4, Shape::I64x2, Sx::S);
    invalid(&m(vec![v(), v(), narrow]), "malformed", rules::INSTR_OK__VNARROW);
}

#[test]
fn references() {
    let null = |h| I::RefNull(HeapType::Abs(h));
    valid(&func(&[], &[V::EXTERNREF], vec![null(AbsHeapType::Extern)]));
    valid(&func(&[], &[V::I32], vec![null(AbsHeapType::Func), I::RefIsNull]));
    invalid(
        &func(&[], &[V::I32], vec![i32c(0), I::RefIsNull]),
        "type mismatch",
        rules::INSTR_OK__REF_IS_NULL,
    );
    valid(&func(&[], &[V::I32], vec![I::Unreachable, I::RefIsNull]));
    let mut m = func(&[], &[V::FUNCREF], vec![I::RefFunc(0)]);
    invalid(&m, "undeclared function reference", rules::INSTR_OK__REF_FUNC);
    m.elems.push(Elem {
        ty: RefType::FUNCREF,
        init: vec![expr(vec![I::RefFunc(0)])],
        mode: ElemMode::Declare,
    });
    valid(&m);
    m.funcs[0].body = expr(vec![I::RefFunc(5)]);
    invalid(&m, "unknown function 5", rules::INSTR_OK__REF_FUNC);
    let mut m = func(&[], &[V::FUNCREF], vec![I::RefFunc(0)]);
    m.exports.push(Export { name: "f".into(), desc: ExternIdx::Func(0) });
    valid(&m);
    // Under 3.0 `ref.func` is a non-null reference to the function's type, still a funcref.
    m.funcs[0].body = expr(vec![I::RefFunc(0), I::Drop, I::RefNull(HeapType::Abs(AbsHeapType::Func))]);
    valid(&m);
    valid_3_0(&func(&[], &[], vec![I::RefNull(HeapType::Abs(AbsHeapType::Any)), I::Drop]));
    valid_3_0(&func(&[], &[], vec![I::RefNull(HeapType::Abs(AbsHeapType::NoExtern)), I::Drop]));
}

fn sub(is_final: bool, supertypes: &[TypeIdx], comp: CompType) -> SubType {
    SubType { is_final, supertypes: supertypes.into(), comp }
}

fn field(mutable: bool, storage: StorageType) -> FieldType {
    FieldType { mutable, storage }
}

fn group(subtypes: Vec<SubType>) -> RecType {
    RecType(subtypes.into_boxed_slice())
}

/// Invalid under 3.0 with `message` (a prefix) and `rule`; an error, not unsupported, under 2.0.
#[track_caller]
fn invalid_3_0(m: &Module, message: &str, rule: Rule) -> Error {
    let e = validate(m, Spec::V2).expect_err("3.0 only");
    assert!(!e.is_unsupported(), "{e}");
    invalid_in(Spec::V3, m, message, rule)
}

#[test]
fn subtypes() {
    let i32_field = |mutable| field(mutable, StorageType::Val(V::I32));
    let st = |fields: Vec<FieldType>| CompType::Struct(fields.into_boxed_slice());
    let types = |subtypes: Vec<SubType>| Module { types: vec![group(subtypes)], ..Module::default() };
    // A struct may extend its supertype's fields; a mutable field stays as it was.
    valid_3_0(&types(vec![
        sub(false, &[], st(vec![i32_field(true)])),
        sub(true, &[0], st(vec![i32_field(true), i32_field(false)])),
    ]));
    let m =
        types(vec![sub(false, &[], st(vec![i32_field(true)])), sub(true, &[0], st(vec![i32_field(false)]))]);
    invalid_3_0(&m, "sub type 1 does not match super type 0", rules::SUBTYPE_OK);
    let m = types(vec![sub(true, &[], st(vec![])), sub(true, &[0], st(vec![]))]);
    invalid_3_0(&m, "sub type 1 has final super type 0", rules::SUBTYPE_OK);
    let m = types(vec![sub(false, &[1], st(vec![])), sub(false, &[], st(vec![]))]);
    invalid_3_0(&m, "forward use of type 1", rules::SUBTYPE_OK);
    let m = types(vec![
        sub(false, &[], st(vec![])),
        sub(false, &[], st(vec![])),
        sub(false, &[0, 1], st(vec![])),
    ]);
    invalid_3_0(&m, "sub type 2 has more than one super type", rules::SUBTYPE_OK);
    let m = types(vec![sub(false, &[], CompType::Array(i32_field(false))), sub(false, &[0], st(vec![]))]);
    invalid_3_0(&m, "sub type", rules::SUBTYPE_OK);
    let m = types(vec![sub(false, &[9], st(vec![]))]);
    invalid_3_0(&m, "unknown type 9", rules::SUBTYPE_OK);
    // Chains of supertypes have a bounded depth.
    let chain = |n: u32| {
        types(
            (0..n).map(|x| sub(false, &(0..x).last().into_iter().collect::<Vec<_>>(), st(vec![]))).collect(),
        )
    };
    valid_3_0(&chain(64));
    invalid_3_0(&chain(65), "implementation limit: sub type 64", rules::SUBTYPE_OK);
    // Functions: contravariant parameters, covariant results.
    let func = |p: V, r: V| CompType::Func(FuncType::new([p], [r]));
    let (anyref, eqref) = (V::Ref(RefType::null(AbsHeapType::Any)), V::Ref(RefType::null(AbsHeapType::Eq)));
    valid_3_0(&types(vec![sub(false, &[], func(eqref, anyref)), sub(false, &[0], func(anyref, eqref))]));
    let m = types(vec![sub(false, &[], func(anyref, anyref)), sub(false, &[0], func(eqref, anyref))]);
    invalid_3_0(&m, "sub type", rules::SUBTYPE_OK);
    // Heap types: a defined type is below its supertypes, and below `eq` and `any`.
    let mut c = Context::new(Spec::V3);
    let m =
        types(vec![sub(false, &[], st(vec![])), sub(false, &[0], st(vec![])), sub(false, &[1], st(vec![]))]);
    c.types.extend(m.types[0].0.iter());
    matching::define_group(&mut c, 0);
    let hsub = |a, b| matching::heaptype_sub(&c, a, b);
    let (idx, abs) = (HeapType::Idx, HeapType::Abs);
    assert!(hsub(idx(2), idx(0)) && !hsub(idx(0), idx(2)) && hsub(idx(2), abs(AbsHeapType::Eq)));
    assert!(hsub(abs(AbsHeapType::None), idx(1)) && !hsub(idx(1), abs(AbsHeapType::Array)));
    assert!(!hsub(idx(1), abs(AbsHeapType::Func)) && !hsub(abs(AbsHeapType::NoFunc), idx(1)));
}

#[test]
fn recursion_groups() {
    // Two equal groups of two mutually recursive structs are one: their types are equivalent
    // position by position, and the two types of one group are not.
    let st = |other: TypeIdx| {
        let f = field(false, StorageType::Val(null_to(HeapType::Idx(other))));
        sub(true, &[], CompType::Struct(Box::new([f])))
    };
    let m = Module { types: vec![group(vec![st(1), st(0)]), group(vec![st(3), st(2)])], ..Module::default() };
    let mut c = Context::new(Spec::V3);
    for rt in &m.types {
        let x = c.types.len() as u32;
        c.types.extend(rt.0.iter());
        matching::define_group(&mut c, x);
    }
    assert!(c.ids[0] == c.ids[2] && c.ids[1] == c.ids[3] && c.ids[0] != c.ids[1]);
    let hsub = |x, y| matching::heaptype_sub(&c, HeapType::Idx(x), HeapType::Idx(y));
    assert!(hsub(0, 2) && hsub(3, 1) && !hsub(0, 1) && !hsub(2, 3));
    valid_3_0(&m);
    // Within a group a type may refer to a later one; across groups it may not.
    let m = Module { types: vec![group(vec![st(1), st(0)]), group(vec![st(3)])], ..Module::default() };
    invalid_3_0(&m, "unknown type 3", rules::TYPEUSE_OK__TYPEIDX);
}

#[test]
fn structs() {
    let (packed, i64_var) =
        (field(false, StorageType::Pack(PackType::I8)), field(true, StorageType::Val(V::I64)));
    let mut m = body(vec![]);
    m.types.push(group(vec![sub(true, &[], CompType::Struct(Box::new([packed, i64_var])))]));
    let ref1 = ref_to(HeapType::Idx(1));
    m.types.push(functype(&[], &[ref1]));
    m.funcs[0].ty = 2;
    let run = |m: &mut Module, instrs: Vec<Instr>| m.funcs[0].body = expr(instrs);
    run(&mut m, vec![i32c(1), I::Const(Num::I64(2)), I::StructNew(1)]);
    valid_3_0(&m);
    run(&mut m, vec![i32c(1), I::StructNew(1)]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__STRUCT_NEW);
    run(&mut m, vec![I::StructNewDefault(1)]);
    valid_3_0(&m);
    run(&mut m, vec![I::StructNewDefault(0)]);
    invalid_3_0(&m, "non-structure type 0", rules::INSTR_OK__STRUCT_NEW_DEFAULT);
    let get = |sx, i| vec![I::StructNewDefault(1), I::StructGet(sx, 1, i), I::Drop, I::StructNewDefault(1)];
    run(&mut m, get(Some(Sx::S), 0));
    valid_3_0(&m);
    run(&mut m, get(None, 0));
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__STRUCT_GET);
    run(&mut m, get(Some(Sx::U), 1));
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__STRUCT_GET);
    run(&mut m, get(None, 2));
    invalid_3_0(&m, "unknown field 2", rules::INSTR_OK__STRUCT_GET);
    let set = |i, v| vec![I::StructNewDefault(1), I::Const(v), I::StructSet(1, i), I::StructNewDefault(1)];
    run(&mut m, set(1, Num::I64(0)));
    valid_3_0(&m);
    run(&mut m, set(0, Num::I32(0)));
    invalid_3_0(&m, "immutable field", rules::INSTR_OK__STRUCT_SET);
    // A struct with a non-null field has no default.
    m.types.push(group(vec![sub(
        true,
        &[],
        CompType::Struct(Box::new([field(false, StorageType::Val(ref1))])),
    )]));
    run(&mut m, vec![I::StructNewDefault(3), I::Drop, I::StructNewDefault(1)]);
    invalid_3_0(&m, "field type (ref 1) is not defaultable", rules::INSTR_OK__STRUCT_NEW_DEFAULT);
}

#[test]
fn arrays() {
    let mut m = body(vec![]);
    let array = |mutable, storage| group(vec![sub(true, &[], CompType::Array(field(mutable, storage)))]);
    m.types.push(array(true, StorageType::Pack(PackType::I16))); // 1
    m.types.push(array(false, StorageType::Val(V::I32))); // 2
    m.types.push(array(true, StorageType::Val(V::FUNCREF))); // 3
    m.datas.push(Data { init: SharedBytes::default(), mode: DataMode::Passive });
    m.elems.push(Elem { ty: RefType::FUNCREF, init: vec![], mode: ElemMode::Passive });
    let run = |m: &mut Module, instrs: Vec<Instr>| m.funcs[0].body = expr(instrs);
    let null = |x| I::RefNull(HeapType::Idx(x));
    run(&mut m, vec![i32c(1), i32c(2), I::ArrayNew(1), I::ArrayLen, I::Drop]);
    valid_3_0(&m);
    run(&mut m, vec![i32c(1), i32c(2), i32c(3), I::ArrayNewFixed(2, 3), I::Drop]);
    valid_3_0(&m);
    run(&mut m, vec![i32c(1), i32c(2), I::ArrayNewFixed(2, 3), I::Drop]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ARRAY_NEW_FIXED);
    // A huge count costs no more than the stack holds.
    run(&mut m, vec![i32c(1), I::ArrayNewFixed(2, u32::MAX), I::Drop]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ARRAY_NEW_FIXED);
    run(&mut m, vec![I::Unreachable, i32c(1), I::ArrayNewFixed(2, u32::MAX), I::Drop]);
    valid_3_0(&m);
    let add = I::Binop(NumType::I32, Binop::Int(IBinop::Add));
    let gets = vec![
        null(1),
        i32c(0),
        I::ArrayGet(Some(Sx::U), 1),
        null(2),
        i32c(0),
        I::ArrayGet(None, 2),
        add,
        I::Drop,
    ];
    run(&mut m, gets);
    valid_3_0(&m);
    run(&mut m, vec![null(1), i32c(0), I::ArrayGet(None, 1), I::Drop]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ARRAY_GET);
    run(&mut m, vec![null(2), i32c(0), i32c(0), I::ArraySet(2)]);
    invalid_3_0(&m, "immutable array 2", rules::INSTR_OK__ARRAY_SET);
    run(&mut m, vec![null(2), i32c(0), i32c(0), i32c(0), I::ArrayFill(2)]);
    invalid_3_0(&m, "immutable array", rules::INSTR_OK__ARRAY_FILL);
    run(&mut m, vec![null(1), i32c(0), null(1), i32c(0), i32c(0), I::ArrayCopy(1, 1)]);
    valid_3_0(&m);
    run(&mut m, vec![null(1), i32c(0), null(2), i32c(0), i32c(0), I::ArrayCopy(1, 2)]);
    invalid_3_0(&m, "array types do not match", rules::INSTR_OK__ARRAY_COPY);
    let data = vec![
        i32c(0),
        i32c(0),
        I::ArrayNewData(1, 0),
        I::Drop,
        null(1),
        i32c(0),
        i32c(0),
        i32c(0),
        I::ArrayInitData(1, 0),
    ];
    run(&mut m, data);
    valid_3_0(&m);
    run(&mut m, vec![i32c(0), i32c(0), I::ArrayNewData(3, 0), I::Drop]);
    invalid_3_0(&m, "array type is not numeric or vector", rules::INSTR_OK__ARRAY_NEW_DATA);
    run(&mut m, vec![i32c(0), i32c(0), I::ArrayNewData(1, 1), I::Drop]);
    invalid_3_0(&m, "unknown data segment 1", rules::INSTR_OK__ARRAY_NEW_DATA);
    let elem = vec![
        i32c(0),
        i32c(0),
        I::ArrayNewElem(3, 0),
        I::Drop,
        null(3),
        i32c(0),
        i32c(0),
        i32c(0),
        I::ArrayInitElem(3, 0),
    ];
    run(&mut m, elem);
    valid_3_0(&m);
    run(&mut m, vec![i32c(0), i32c(0), I::ArrayNewElem(2, 0), I::Drop]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ARRAY_NEW_ELEM);
    run(&mut m, vec![I::RefNull(HeapType::Abs(AbsHeapType::Struct)), I::ArrayLen, I::Drop]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ARRAY_LEN);
}

#[test]
fn casts_and_conversions() {
    let abs = HeapType::Abs;
    let anyref = RefType::null(AbsHeapType::Any);
    let i31ref = RefType { nullable: false, heap: abs(AbsHeapType::I31) };
    let mut m = func(&[V::Ref(anyref)], &[V::I32], vec![]);
    let run = |m: &mut Module, instrs: Vec<Instr>| m.funcs[0].body = expr(instrs);
    run(&mut m, vec![I::LocalGet(0), I::RefCast(i31ref), I::I31Get(Sx::S)]);
    valid_3_0(&m);
    run(&mut m, vec![I::LocalGet(0), I::RefTest(RefType::FUNCREF)]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__REF_TEST);
    run(
        &mut m,
        vec![i32c(7), I::RefI31, I::LocalGet(0), I::RefCast(RefType::null(AbsHeapType::Eq)), I::RefEq],
    );
    valid_3_0(&m);
    run(&mut m, vec![I::LocalGet(0), I::LocalGet(0), I::RefEq]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__REF_EQ);
    // br_on_cast branches with the cast type and goes on with the rest; br_on_cast_fail the
    // other way round.
    let on_cast = |instr, label: RefType, after: &[Instr]| {
        let mut body = vec![I::Block(BlockType::Result(Some(V::Ref(label)))), I::LocalGet(0), instr];
        body.extend_from_slice(after);
        body.extend([I::Unreachable, I::End, I::Drop, i32c(0)]);
        body
    };
    let cast = |rt2| I::BrOnCast(0, Box::new((anyref, rt2)));
    run(&mut m, on_cast(cast(i31ref), i31ref, &[I::Drop]));
    valid_3_0(&m);
    run(&mut m, on_cast(cast(RefType::null(AbsHeapType::I31)), i31ref, &[]));
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__BR_ON_CAST);
    run(&mut m, on_cast(cast(RefType::FUNCREF), RefType::FUNCREF, &[]));
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__BR_ON_CAST);
    // What does not cast to (ref i31) is any reference; what goes on is (ref i31).
    let fail = I::BrOnCastFail(0, Box::new((anyref, i31ref)));
    run(&mut m, on_cast(fail.clone(), anyref, &[I::I31Get(Sx::U), I::Drop]));
    valid_3_0(&m);
    run(&mut m, on_cast(fail, i31ref, &[]));
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__BR_ON_CAST_FAIL);
    // $diffrt: a cast to a nullable type leaves the non-null rest.
    let (eqref, nonnull_any) = (RefType::null(AbsHeapType::Eq), RefType { nullable: false, ..anyref });
    run(&mut m, on_cast(cast(eqref), eqref, &[I::LocalSet(0), I::LocalGet(0), I::Drop]));
    valid_3_0(&m);
    let mut m2 = func(&[V::Ref(anyref)], &[V::Ref(nonnull_any)], vec![]);
    let body = vec![
        I::Block(BlockType::Result(Some(V::Ref(eqref)))),
        I::LocalGet(0),
        cast(eqref),
        I::Return,
        I::End,
        I::Unreachable,
    ];
    m2.funcs[0].body = expr(body);
    valid_3_0(&m2);
    // extern.convert_any and any.convert_extern keep nullability.
    let mut m = func(&[V::Ref(anyref)], &[V::EXTERNREF], vec![I::LocalGet(0), I::ExternConvertAny]);
    valid_3_0(&m);
    m.funcs[0].body =
        expr(vec![I::LocalGet(0), I::ExternConvertAny, I::AnyConvertExtern, I::ExternConvertAny]);
    valid_3_0(&m);
    m.funcs[0].body =
        expr(vec![I::LocalGet(0), I::AnyConvertExtern, I::Drop, I::RefNull(abs(AbsHeapType::Extern))]);
    invalid_3_0(&m, "type mismatch", rules::INSTR_OK__ANY_CONVERT_EXTERN);
    let externref = V::Ref(RefType { nullable: false, heap: abs(AbsHeapType::Extern) });
    let mut m = func(&[V::Ref(anyref)], &[externref], vec![I::LocalGet(0), I::ExternConvertAny]);
    invalid_3_0(&m, "type mismatch", rules::EXPR_OK);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::RefAsNonNull, I::ExternConvertAny]);
    valid_3_0(&m);
}

#[test]
fn gc_constant_expressions() {
    let global = |t, init| Global { ty: GlobalType { mutable: false, val: t }, init: expr(init) };
    let i31ref = ref_to(HeapType::Abs(AbsHeapType::I31));
    let m = Module { globals: vec![global(i31ref, vec![i32c(0), I::RefI31])], ..Module::default() };
    valid_3_0(&m);
    let i31_get = vec![i32c(0), I::RefI31, I::I31Get(Sx::U)];
    let m = Module { globals: vec![global(V::I32, i31_get)], ..Module::default() };
    invalid_in(Spec::V3, &m, "constant expression required", rules::EXPR_CONST);
    let mut m = Module::default();
    m.types.push(group(vec![sub(true, &[], CompType::Array(field(false, StorageType::Val(V::I64))))]));
    let fixed =
        vec![I::Const(Num::I64(1)), I::Const(Num::I64(2)), I::ArrayNewFixed(0, 2), I::ExternConvertAny];
    m.globals.push(global(V::EXTERNREF, fixed));
    valid_3_0(&m);
}

fn ref_to(heap: HeapType) -> ValType {
    V::Ref(RefType { nullable: false, heap })
}

fn null_to(heap: HeapType) -> ValType {
    V::Ref(RefType { nullable: true, heap })
}

/// Under 3.0 only: valid, and an error (not unsupported) under 2.0.
#[track_caller]
fn valid_3_0(m: &Module) {
    if let Err(e) = validate(m, Spec::V3) {
        panic!("{e}")
    }
    let e = validate(m, Spec::V2).expect_err("3.0 only");
    assert!(!e.is_unsupported(), "{e}");
}

#[test]
fn function_references() {
    let func_ = HeapType::Abs(AbsHeapType::Func);
    // Non-null references: matching, and locals that must be set before use.
    valid_3_0(&func(&[ref_to(func_)], &[V::FUNCREF], vec![I::LocalGet(0)]));
    let e = validate(&func(&[V::FUNCREF], &[ref_to(func_)], vec![I::LocalGet(0)]), Spec::V3).unwrap_err();
    assert!(e.message.starts_with("type mismatch"), "{e}");
    let mut m = func(&[V::FUNCREF], &[], vec![I::LocalGet(1), I::Drop]);
    m.funcs[0].locals = vec![ref_to(func_)];
    invalid_in(Spec::V3, &m, "uninitialized local 1", rules::INSTR_OK__LOCAL_GET);
    let set = vec![I::LocalGet(0), I::RefAsNonNull, I::LocalSet(1), I::LocalGet(1), I::Drop];
    m.funcs[0].body = expr(set);
    valid_3_0(&m);
    // Setting a local in a block sets it for the rest of the block only.
    let block = vec![
        I::Block(BlockType::Result(None)),
        I::LocalGet(0),
        I::RefAsNonNull,
        I::LocalTee(1),
        I::Drop,
        I::LocalGet(1),
        I::Drop,
        I::End,
        I::LocalGet(1),
        I::Drop,
    ];
    m.funcs[0].body = expr(block);
    let e = invalid_in(Spec::V3, &m, "uninitialized local 1", rules::INSTR_OK__LOCAL_GET);
    assert_eq!(e.offset, Some(8));
    // br_on_null and br_on_non_null.
    let on_null = vec![I::Block(BlockType::Result(None)), I::LocalGet(0), I::BrOnNull(0), I::Drop, I::End];
    valid_3_0(&func(&[V::FUNCREF], &[], on_null));
    let on_non_null = vec![
        I::Block(BlockType::Result(Some(ref_to(func_)))),
        I::LocalGet(0),
        I::BrOnNonNull(0),
        I::Unreachable,
        I::End,
    ];
    valid_3_0(&func(&[V::FUNCREF], &[ref_to(func_)], on_non_null));
    let on_non_null = vec![I::Block(BlockType::Result(None)), I::LocalGet(0), I::BrOnNonNull(0), I::End];
    invalid_in(
        Spec::V3,
        &func(&[V::FUNCREF], &[], on_non_null),
        "type mismatch",
        rules::INSTR_OK__BR_ON_NON_NULL,
    );
    invalid_in(
        Spec::V3,
        &func(&[], &[], vec![i32c(0), I::BrOnNull(0)]),
        "type mismatch",
        rules::INSTR_OK__BR_ON_NULL,
    );
    // call_ref on a reference to a function's type, or to an equivalent one.
    let mut m = func(&[V::I32], &[V::I32], vec![I::LocalGet(0), I::RefFunc(0), I::CallRef(0)]);
    m.exports.push(Export { name: "f".into(), desc: ExternIdx::Func(0) });
    valid_3_0(&m);
    m.types.push(functype(&[V::I32], &[V::I32]));
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::RefFunc(0), I::CallRef(1)]);
    valid_3_0(&m);
    m.types.push(functype(&[V::I64], &[V::I32]));
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::RefFunc(0), I::CallRef(2)]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__CALL_REF);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::RefFunc(0), I::ReturnCallRef(1)]);
    valid_3_0(&m);
    m.funcs[0].body = expr(vec![I::LocalGet(0), I::RefFunc(0), I::CallRef(9)]);
    invalid_in(Spec::V3, &m, "unknown type 9", rules::INSTR_OK__CALL_REF);
    // Tables of non-null references need an initialiser.
    let mut m = body(vec![]);
    m.tables[0].ty.elem = RefType { nullable: false, heap: func_ };
    m.tables[0].init = expr(vec![I::RefNull(func_)]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::EXPR_OK);
    m.tables[0].init = expr(vec![I::RefFunc(0)]);
    valid_3_0(&m);
}

#[test]
fn type_equivalence() {
    // (type $a (func (param (ref null $a)))) and a copy of it are one type; a type referring
    // to each is one too.
    let self_ref = |x| functype(&[null_to(HeapType::Idx(x))], &[]);
    let mut m = Module {
        types: vec![
            self_ref(0),
            self_ref(1),
            functype(&[null_to(HeapType::Idx(0))], &[]),
            functype(&[null_to(HeapType::Idx(1))], &[]),
        ],
        ..Module::default()
    };
    let c = {
        let mut c = Context::new(Spec::V3);
        for (x, rt) in m.types.iter().enumerate() {
            c.types.extend(rt.0.iter());
            matching::define_group(&mut c, x as u32);
        }
        c
    };
    assert!(c.ids[0] == c.ids[1] && c.ids[2] == c.ids[3] && c.ids[0] != c.ids[2]);
    let sub = |x, y| matching::heaptype_sub(&c, HeapType::Idx(x), HeapType::Idx(y));
    assert!(sub(0, 1) && sub(2, 3) && !sub(0, 2));
    assert!(matching::heaptype_sub(&c, HeapType::Idx(3), HeapType::Abs(AbsHeapType::Func)));
    valid_3_0(&m);
    // A forward reference is an unknown type.
    m.types.insert(0, functype(&[null_to(HeapType::Idx(1))], &[]));
    invalid_in(Spec::V3, &m, "unknown type 1", rules::TYPEUSE_OK__TYPEIDX);
}

#[test]
fn exceptions() {
    let mut m = body(vec![i32c(1), I::Throw(0)]);
    m.types.push(functype(&[V::I32], &[]));
    m.tags.push(Tag { ty: TagType(1) });
    valid_3_0(&m);
    m.funcs[0].body = expr(vec![I::Throw(0)]);
    let e = invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__THROW);
    assert_eq!(e.message, "type mismatch: instruction requires [i32] but stack has []");
    m.funcs[0].body = expr(vec![I::Throw(1)]);
    invalid_in(Spec::V3, &m, "unknown tag 1", rules::INSTR_OK__THROW);
    m.funcs[0].body = expr(vec![I::RefNull(HeapType::Abs(AbsHeapType::Exn)), I::ThrowRef]);
    valid_3_0(&m);
    m.funcs[0].body = expr(vec![I::RefNull(HeapType::Abs(AbsHeapType::Func)), I::ThrowRef]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__THROW_REF);
    // try_table: handlers branch to the enclosing labels with what they catch.
    let try_table = |catch, label: Option<ValType>| {
        vec![
            I::Block(BlockType::Result(label)),
            I::TryTable(BlockType::Result(None), Box::new(vec![catch])),
            I::End,
            I::Unreachable,
            I::End,
            I::Unreachable,
        ]
    };
    let exnref = ref_to(HeapType::Abs(AbsHeapType::Exn));
    m.funcs[0].body = expr(try_table(Catch::Catch(0, 0), Some(V::I32)));
    valid_3_0(&m);
    m.funcs[0].body = expr(try_table(Catch::CatchAllRef(0), Some(exnref)));
    valid_3_0(&m);
    m.funcs[0].body = expr(try_table(Catch::CatchAll(0), Some(V::I32)));
    invalid_in(Spec::V3, &m, "type mismatch", rules::CATCH_OK__CATCH_ALL);
    m.funcs[0].body = expr(try_table(Catch::CatchRef(0, 0), Some(V::I32)));
    invalid_in(Spec::V3, &m, "type mismatch", rules::CATCH_OK__CATCH_REF);
    m.funcs[0].body = expr(try_table(Catch::Catch(0, 2), Some(V::I32)));
    invalid_in(Spec::V3, &m, "unknown label 2", rules::CATCH_OK__CATCH);
    m.funcs[0].body =
        expr(vec![I::TryTable(BlockType::Result(Some(V::I32)), Box::default()), I::End, I::Drop]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__TRY_TABLE);
    // Tags have no results; imports and exports of tags.
    let mut m = Module::default();
    m.types.push(functype(&[], &[V::I32]));
    m.tags.push(Tag { ty: TagType(0) });
    invalid_in(Spec::V3, &m, "non-empty tag result type", rules::TAGTYPE_OK);
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Tag(TagType(0)) });
    invalid_in(Spec::V3, &m, "non-empty tag result type", rules::TAGTYPE_OK);
    let mut m = Module::default();
    m.types.push(functype(&[], &[]));
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Tag(TagType(0)) });
    m.exports.push(Export { name: "t".into(), desc: ExternIdx::Tag(0) });
    valid_3_0(&m);
    m.exports.push(Export { name: "u".into(), desc: ExternIdx::Tag(1) });
    invalid_in(Spec::V3, &m, "unknown tag 1", rules::EXTERNIDX_OK__TAG);
}

#[test]
fn relaxed_simd() {
    let v = || I::VConst(V128::default());
    let madd = I::VTernop(Shape::F32x4, VTernop::RelaxedMadd);
    valid_3_0(&func(&[], &[V::V128], vec![v(), v(), v(), madd.clone()]));
    invalid_in(
        Spec::V3,
        &func(&[], &[V::V128], vec![v(), v(), madd]),
        "type mismatch",
        rules::INSTR_OK__VTERNOP,
    );
    valid_3_0(&func(&[], &[V::V128], vec![v(), v(), I::VSwizzlop(VSwizzlop::RelaxedSwizzle)]));
    let dot_add = I::VExtternop(Shape::I32x4, Shape::I16x8, VExtternop::RelaxedDotAdd);
    valid_3_0(&func(&[], &[V::V128], vec![v(), v(), v(), dot_add]));
    let laneselect = I::VTernop(Shape::F64x2, VTernop::RelaxedLaneselect);
    invalid_in(
        Spec::V3,
        &func(&[], &[V::V128], vec![v(), v(), v(), laneselect]),
        "malformed",
        rules::INSTR_OK__VTERNOP,
    );
}

fn mem(min: u64, max: Option<u64>) -> Mem {
    Mem { ty: MemType { addr: AddrType::I32, limits: Limits { min, max } } }
}

#[test]
fn module_memories_and_tables() {
    let m = Module { mems: vec![mem(0, Some(65536))], ..Module::default() };
    valid(&m);
    let m = Module { mems: vec![mem(65537, None)], ..Module::default() };
    invalid(&m, "memory size must be at most 65536 pages (4GiB)", rules::MEMTYPE_OK);
    let m = Module { mems: vec![mem(2, Some(1))], ..Module::default() };
    invalid(&m, "size minimum must not be greater than maximum", rules::MEMTYPE_OK);
    let m = Module { mems: vec![mem(0, None), mem(0, None)], ..Module::default() };
    invalid_in(Spec::V2, &m, "multiple memories", rules::MODULE_OK);
    assert!(validate(&m, Spec::V3).is_ok(), "multi-memory is checked under 3.0");
    let mut m = Module { mems: vec![mem(0, None)], ..Module::default() };
    let mt = MemType { addr: AddrType::I32, limits: Limits { min: 0, max: None } };
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Mem(mt) });
    invalid_in(Spec::V2, &m, "multiple memories", rules::MODULE_OK);
    let mut m = Module::default();
    let mt = MemType { addr: AddrType::I32, limits: Limits { min: 0, max: Some(65537) } };
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Mem(mt) });
    invalid(&m, "memory size", rules::MEMTYPE_OK);
    let mut m = body(vec![]);
    m.tables[0].ty.limits = Limits { min: 1, max: Some(0) };
    invalid(&m, "size minimum must not be greater than maximum", rules::TABLETYPE_OK);
    // A table with an initialiser of its element type.
    let mut m = body(vec![]);
    m.tables[0].init = expr(vec![I::RefNull(HeapType::Abs(AbsHeapType::Func))]);
    valid(&m);
    m.tables[0].init = expr(vec![I::RefNull(HeapType::Abs(AbsHeapType::Extern))]);
    invalid(&m, "type mismatch", rules::EXPR_OK);
}

#[test]
fn memory64() {
    let mt = MemType { addr: AddrType::I64, limits: Limits { min: 1, max: None } };
    let mut m = func(
        &[],
        &[V::I64],
        vec![I::Const(Num::I64(0)), I::Load(NumType::I64, None, 0, MemArg { align: 3, offset: 1 << 40 })],
    );
    m.mems[0].ty = mt;
    assert!(validate(&m, Spec::V3).is_ok());
    assert!(!validate(&m, Spec::V2).unwrap_err().is_unsupported());
    m.funcs[0].body = expr(vec![i32c(0), I::Load(NumType::I64, None, 0, memarg(3))]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__LOAD_VAL);
    m.funcs[0].body =
        expr(vec![I::Const(Num::I64(0)), i32c(0), i32c(0), I::MemoryCopy(0, 0), I::MemorySize(0)]);
    invalid_in(Spec::V3, &m, "type mismatch", rules::INSTR_OK__MEMORY_COPY);
    m.mems.push(mem(0, None));
    m.funcs[0].body =
        expr(vec![I::Const(Num::I64(0)), i32c(0), i32c(0), I::MemoryCopy(0, 1), I::MemorySize(0)]);
    assert!(validate(&m, Spec::V3).is_ok());
    m.datas.push(Data { init: SharedBytes::default(), mode: DataMode::Active(0, expr(vec![i32c(0)])) });
    invalid_in(Spec::V3, &m, "type mismatch", rules::EXPR_OK);
}

#[test]
fn globals_and_constant_expressions() {
    let global = |mutable, val, init| Global { ty: GlobalType { mutable, val }, init: expr(init) };
    let m = Module { globals: vec![global(false, V::I32, vec![i32c(0)])], ..Module::default() };
    valid(&m);
    let m = Module { globals: vec![global(false, V::I32, vec![I::Nop])], ..Module::default() };
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    let m = Module { globals: vec![global(false, V::I32, vec![I::LocalGet(0)])], ..Module::default() };
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    let m = Module { globals: vec![global(false, V::I32, vec![])], ..Module::default() };
    invalid(&m, "type mismatch", rules::EXPR_OK);
    let m = Module { globals: vec![global(false, V::I32, vec![i32c(0), i32c(0)])], ..Module::default() };
    invalid(&m, "type mismatch", rules::EXPR_OK);
    let m = Module { globals: vec![global(false, V::I32, vec![I::GlobalGet(0)])], ..Module::default() };
    invalid(&m, "unknown global 0", rules::INSTR_CONST__GLOBAL_GET);
    // An earlier global: 3.0 only.
    let m = Module {
        globals: vec![global(false, V::I32, vec![i32c(0)]), global(false, V::I32, vec![I::GlobalGet(0)])],
        ..Module::default()
    };
    invalid_in(Spec::V2, &m, "unknown global 0", rules::INSTR_CONST__GLOBAL_GET);
    assert!(validate(&m, Spec::V3).is_ok());
    // Imported, but mutable.
    let mut m = Module { globals: vec![global(false, V::I32, vec![I::GlobalGet(0)])], ..Module::default() };
    let gt = GlobalType { mutable: true, val: V::I32 };
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Global(gt) });
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    // Extended constant expressions: 3.0 only.
    let m =
        Module { globals: vec![global(false, V::I32, vec![i32c(1), i32c(2), add()])], ..Module::default() };
    invalid_in(Spec::V2, &m, "constant expression required", rules::EXPR_CONST);
    assert!(validate(&m, Spec::V3).is_ok());
    let div = I::Binop(NumType::I32, Binop::Int(IBinop::Div(Sx::S)));
    let m = Module { globals: vec![global(false, V::I32, vec![i32c(1), i32c(2), div])], ..Module::default() };
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    let m = Module { globals: vec![global(false, V::FUNCREF, vec![I::RefFunc(0)])], ..Module::default() };
    invalid(&m, "unknown function 0", rules::INSTR_OK__REF_FUNC);
    // Constness before type: `(global i32 (f32.const 0) (nop))`.
    let m = Module {
        globals: vec![global(false, V::I32, vec![I::Const(Num::F32(F32(0))), I::Nop])],
        ..Module::default()
    };
    let e = invalid(&m, "constant expression required", rules::EXPR_CONST);
    assert_eq!(e.offset, Some(1));
    // Tables see only imported globals, under 3.0 too.
    let mut m = body(vec![]);
    m.globals.push(global(false, V::FUNCREF, vec![I::RefNull(HeapType::Abs(AbsHeapType::Func))]));
    m.tables[0].init = expr(vec![I::GlobalGet(0)]);
    invalid(&m, "unknown global 0", rules::INSTR_CONST__GLOBAL_GET);
}

#[test]
fn segments() {
    let offset = || expr(vec![i32c(0)]);
    let mut m = body(vec![]);
    m.elems.push(Elem {
        ty: RefType::FUNCREF,
        init: vec![expr(vec![I::RefFunc(0)])],
        mode: ElemMode::Active(0, offset()),
    });
    m.datas.push(Data { init: [1, 2].into(), mode: DataMode::Active(0, offset()) });
    valid(&m);
    // An element of one `ref.func`, typed without the algorithm where it is valid, is still
    // refused where its type does not match the segment's, or its function is not there.
    let mut refs = m.clone();
    refs.elems[0] =
        Elem { ty: RefType::EXTERNREF, init: vec![expr(vec![I::RefFunc(0)])], mode: ElemMode::Declare };
    invalid(&refs, "type mismatch", rules::EXPR_OK);
    refs.elems[0] =
        Elem { ty: RefType::FUNCREF, init: vec![expr(vec![I::RefFunc(7)])], mode: ElemMode::Declare };
    invalid(&refs, "unknown function 7", rules::INSTR_OK__REF_FUNC);
    m.elems[0].mode = ElemMode::Active(1, offset());
    invalid(&m, "unknown table 1", rules::ELEMMODE_OK__ACTIVE);
    m.elems[0].mode = ElemMode::Active(0, expr(vec![I::Const(Num::I64(0))]));
    invalid(&m, "type mismatch", rules::EXPR_OK);
    m.elems[0].mode = ElemMode::Active(0, expr(vec![i32c(0), I::Unop(NumType::I32, Unop::Int(IUnop::Ctz))]));
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    m.elems[0].mode = ElemMode::Active(0, offset());
    m.elems[0].ty = RefType::EXTERNREF;
    invalid(&m, "type mismatch", rules::EXPR_OK);
    m.elems[0].init.clear();
    invalid(&m, "type mismatch", rules::ELEMMODE_OK__ACTIVE);
    m.elems[0].init = vec![expr(vec![I::Call(0)])];
    invalid(&m, "constant expression required", rules::EXPR_CONST);
    m.elems.clear();
    m.datas[0].mode = DataMode::Active(1, offset());
    invalid(&m, "unknown memory 1", rules::DATAMODE_OK__ACTIVE);
    m.datas[0].mode = DataMode::Active(0, expr(vec![I::Const(Num::F32(F32(0)))]));
    invalid(&m, "type mismatch", rules::EXPR_OK);
    // Segments see the module's globals under 3.0 only.
    m.globals.push(Global { ty: GlobalType { mutable: false, val: V::I32 }, init: offset() });
    m.datas[0].mode = DataMode::Active(0, expr(vec![I::GlobalGet(0)]));
    invalid_in(Spec::V2, &m, "unknown global 0", rules::INSTR_CONST__GLOBAL_GET);
    assert!(validate(&m, Spec::V3).is_ok());
}

#[test]
fn start_imports_exports() {
    let mut m = body(vec![]);
    m.start = Some(Start { func: 0 });
    valid(&m);
    m.start = Some(Start { func: 1 });
    invalid(&m, "unknown function 1", rules::START_OK);
    let mut m = func(&[V::I32], &[], vec![]);
    m.start = Some(Start { func: 0 });
    invalid(&m, "start function", rules::START_OK);

    let mut m = body(vec![]);
    m.exports.push(Export { name: "a".into(), desc: ExternIdx::Func(0) });
    m.exports.push(Export { name: "b".into(), desc: ExternIdx::Mem(0) });
    valid(&m);
    m.exports.push(Export { name: "a".into(), desc: ExternIdx::Table(0) });
    invalid(&m, "duplicate export name", rules::MODULE_OK);
    for (desc, message, rule) in [
        (ExternIdx::Func(1), "unknown function 1", rules::EXTERNIDX_OK__FUNC),
        (ExternIdx::Table(1), "unknown table 1", rules::EXTERNIDX_OK__TABLE),
        (ExternIdx::Mem(1), "unknown memory 1", rules::EXTERNIDX_OK__MEM),
        (ExternIdx::Global(0), "unknown global 0", rules::EXTERNIDX_OK__GLOBAL),
    ] {
        let mut m = body(vec![]);
        m.exports.push(Export { name: "x".into(), desc });
        invalid(&m, message, rule);
    }
    let mut m = Module::default();
    m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Func(0) });
    invalid(&m, "unknown type 0", rules::EXTERNTYPE_OK__FUNC);
}

#[test]
fn malformed_streams_and_absurd_modules() {
    let mut m = body(vec![]);
    m.funcs[0].body = Expr::new(vec![I::Nop]);
    invalid(&m, "malformed expression: missing end", rules::EXPR_OK);
    m.funcs[0].body = Expr::new(vec![I::End, I::Nop]);
    invalid(&m, "malformed expression", rules::EXPR_OK);
    m.funcs[0].body = Expr::new(vec![I::Else, I::End]);
    invalid(&m, "malformed expression", rules::INSTR_OK__IF);
    m.funcs[0].body = Expr::new(vec![]);
    invalid(&m, "malformed expression", rules::EXPR_OK);
    // Offsets that do not match the instructions are not trusted.
    m.funcs[0].body = Expr { instrs: [I::Drop, I::End].into(), offsets: Default::default() };
    assert_eq!(validate(&m, Spec::V2).unwrap_err().offset, None);
    let mut m = body(vec![]);
    m.funcs[0].locals = vec![V::Bot];
    invalid(&m, "malformed value type", rules::VALTYPE_OK__BOT);
    let huge = [
        I::Call(u32::MAX),
        I::TableGet(u32::MAX),
        I::GlobalGet(u32::MAX),
        I::ElemDrop(u32::MAX),
        I::DataDrop(u32::MAX),
        I::MemorySize(u32::MAX),
        I::Block(BlockType::Idx(u32::MAX)),
        I::Br(u32::MAX),
        I::RefFunc(u32::MAX),
        I::CallIndirect(0, u32::MAX),
    ];
    for instr in huge {
        let e = validate(&body(vec![i32c(0), instr]), Spec::V3).unwrap_err();
        assert!(e.message.starts_with("unknown "), "{e}");
    }
}

#[test]
fn deep_nesting_does_not_recurse() {
    let depth = 200_000;
    let mut instrs = vec![I::Block(BlockType::Result(None)); depth];
    instrs.extend(vec![I::End; depth]);
    valid(&body(instrs));
    let mut instrs = vec![I::Loop(BlockType::Result(Some(V::I32))); depth];
    instrs.push(I::Br(depth as u32 - 1));
    instrs.extend(vec![I::End; depth]);
    valid(&func(&[], &[V::I32], instrs));
}

/// A tiny xorshift generator of random modules: declarations sound but for a rare absurd
/// one, so that the code gets checked, and code with random instructions and immediates.
struct Rng {
    state: u64,
    /// How rarely `odd` holds: rarely in declarations, more often in code.
    oddity: u64,
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Rarely true: the generator then picks something absurd.
    fn odd(&mut self) -> bool {
        self.below(self.oddity) == 0
    }

    /// An index: mostly small, sometimes absurd.
    fn idx(&mut self) -> u32 {
        match self.odd() {
            true => u32::MAX - self.below(2) as u32,
            false => self.below(3) as u32,
        }
    }

    fn heap(&mut self) -> HeapType {
        use AbsHeapType::*;
        let abs = [Func, Extern, Any, Exn, NoExn, None, Bot];
        match self.below(4) {
            0 => HeapType::Idx(self.idx()),
            _ if self.odd() => HeapType::Abs(abs[self.below(abs.len() as u64) as usize]),
            _ => HeapType::Abs(abs[self.below(3) as usize]),
        }
    }

    fn valtype(&mut self) -> ValType {
        let rt = RefType { nullable: !self.odd(), heap: self.heap() };
        match self.odd() {
            true => V::Bot,
            false => [V::I32, V::I64, V::F32, V::F64, V::V128, V::Ref(rt)][self.below(6) as usize],
        }
    }

    fn types(&mut self) -> Box<[ValType]> {
        (0..self.below(3)).map(|_| self.valtype()).collect()
    }

    fn instr(&mut self) -> Instr {
        let (x, y, l) = (self.idx(), self.idx(), self.idx());
        let bt = match self.below(3) {
            0 => BlockType::Result(None),
            1 => BlockType::Result(Some(self.valtype())),
            _ => BlockType::Idx(x),
        };
        let ma = MemArg { align: self.below(6) as u32, offset: self.below(3) << 31 };
        let sh = [Shape::I8x16, Shape::I16x8, Shape::I32x4, Shape::I64x2, Shape::F32x4, Shape::F64x2]
            [self.below(6) as usize];
        let nt = [NumType::I32, NumType::I64, NumType::F32, NumType::F64][self.below(4) as usize];
        let lane = self.below(40) as u8;
        let pool = [
            I::Nop,
            I::Unreachable,
            I::Drop,
            I::Select(None),
            I::Select(Some(self.types())),
            I::Block(bt),
            I::Loop(bt),
            I::If(bt),
            I::Else,
            I::End,
            I::Br(l),
            I::BrIf(l),
            I::BrTable(Box::new([l, x]), y),
            I::BrOnNull(l),
            I::BrOnNonNull(l),
            I::Call(x),
            I::CallRef(x),
            I::CallIndirect(x, y),
            I::Return,
            I::ReturnCall(x),
            I::ReturnCallIndirect(x, y),
            I::ReturnCallRef(x),
            I::Throw(x),
            I::ThrowRef,
            I::TryTable(bt, Box::new(vec![Catch::CatchRef(x, l)])),
            I::LocalGet(x),
            I::LocalSet(x),
            I::LocalTee(x),
            I::GlobalGet(x),
            I::GlobalSet(x),
            I::TableGet(x),
            I::TableGrow(x),
            I::TableCopy(x, y),
            I::TableInit(x, y),
            I::ElemDrop(x),
            I::Load(nt, None, x, ma),
            I::Store(nt, Some(Sz::N16), x, ma),
            I::VLoadLane(Sz::N8, x, ma, lane),
            I::MemoryCopy(x, y),
            I::MemoryInit(x, y),
            I::DataDrop(x),
            I::RefNull(self.heap()),
            I::RefIsNull,
            I::RefAsNonNull,
            I::RefFunc(x),
            I::RefI31,
            I::StructNew(x),
            I::StructGet(Some(Sx::S), x, y),
            I::StructSet(x, y),
            I::ArrayNewFixed(x, self.below(3) as u32),
            I::ArrayGet(None, x),
            I::ArrayCopy(x, y),
            I::ArrayInitElem(x, y),
            I::RefTest(RefType { nullable: true, heap: self.heap() }),
            I::BrOnCast(
                l,
                Box::new((
                    RefType { nullable: true, heap: self.heap() },
                    RefType { nullable: false, heap: self.heap() },
                )),
            ),
            I::AnyConvertExtern,
            I::Const(Num::from_bits(nt, 0)),
            I::Binop(nt, Binop::Int(IBinop::Add)),
            I::Cvtop(nt, NumType::I32, Cvtop::Reinterpret),
            I::VConst(V128::default()),
            I::VShuffle([lane; 16]),
            I::VExtractLane(sh, Some(Sx::S), lane),
            I::VSplat(sh),
            I::VTernop(sh, VTernop::RelaxedMadd),
            I::VNarrow(sh, sh, Sx::U),
        ];
        let n = pool.len() as u64;
        pool.into_iter().nth(self.below(n) as usize).expect("in the pool")
    }

    fn expr(&mut self) -> Expr {
        Expr::new((0..self.below(12)).map(|_| self.instr()).chain([I::End]).collect())
    }

    fn module(&mut self) -> Module {
        self.oddity = 500;
        let mut m = Module::default();
        for _ in 0..1 + self.below(3) {
            let comp = CompType::Func(FuncType { params: self.types(), results: self.types() });
            let is_final = !self.odd();
            m.types.push(RecType(Box::new([SubType { is_final, supertypes: Box::new([]), comp }])));
        }
        // Some GC types, in groups, open or not, some declaring supertypes.
        for _ in 0..self.below(3) {
            let group = (0..1 + self.below(2)).map(|_| {
                let storage = match self.below(3) {
                    0 => StorageType::Pack(PackType::I8),
                    _ => StorageType::Val(self.valtype()),
                };
                let ft = FieldType { mutable: self.below(2) == 0, storage };
                let comp = match self.below(2) {
                    0 => CompType::Array(ft),
                    _ => CompType::Struct(vec![ft; self.below(3) as usize].into()),
                };
                let supertypes = (0..self.below(2)).map(|_| self.idx()).collect();
                SubType { is_final: self.below(2) == 0, supertypes, comp }
            });
            m.types.push(RecType(group.collect()));
        }
        let limits = Limits { min: self.below(3), max: Some(self.below(3) << (self.odd() as u64 * 40)) };
        let addr = if self.below(4) == 0 { AddrType::I64 } else { AddrType::I32 };
        let elem = RefType { nullable: !self.odd(), heap: HeapType::Abs(AbsHeapType::Func) };
        let offset = |addr: AddrType| {
            Expr::new(vec![I::Const(Num::from_bits(addr.val().as_num().expect("num"), 0)), I::End])
        };
        let x = self.below(m.types.len() as u64) as u32;
        m.imports.push(Import { module: "".into(), name: "".into(), desc: ExternType::Func(x) });
        m.mems.push(Mem { ty: MemType { addr, limits } });
        m.tables.push(Table { ty: TableType { addr, limits, elem }, init: Expr::default() });
        m.globals.push(Global { ty: GlobalType { mutable: true, val: V::I32 }, init: offset(AddrType::I32) });
        m.elems.push(Elem { ty: elem, init: vec![], mode: ElemMode::Active(0, offset(addr)) });
        m.datas.push(Data { init: SharedBytes::default(), mode: DataMode::Active(0, offset(addr)) });
        self.oddity = 16;
        if self.odd() {
            m.tags.push(Tag { ty: TagType(self.idx()) });
        }
        for _ in 0..1 + self.below(3) {
            let ty = self.below(m.types.len() as u64) as u32;
            let locals = self.types().into_vec();
            m.funcs.push(Func { ty, locals, body: self.expr() });
        }
        m.exports.push(Export { name: "e".into(), desc: ExternIdx::Func(self.idx()) });
        m.start = self.odd().then(|| Start { func: self.idx() });
        m
    }
}

#[test]
fn random_modules_never_panic() {
    let mut rng = Rng { state: 0x2545_f491_4f6c_dd1d, oddity: 16 };
    let mut verdicts = [0; 3];
    for _ in 0..20_000 {
        let m = rng.module();
        for spec in [Spec::V2, Spec::V3] {
            verdicts[match validate(&m, spec) {
                Ok(()) => 0,
                Err(e) if e.is_unsupported() => 1,
                Err(_) => 2,
            }] += 1;
        }
    }
    // Mostly invalid, as random code is; the point is that none panicked.
    assert!(verdicts[0] > 0 && verdicts[2] > 0, "{verdicts:?}");
}

#[test]
fn absurd_types_cost_no_more_than_the_code() {
    // A call of 1000 results, 2000 times: the operand stack is bounded.
    let results = vec![V::I32; 1000];
    let mut m = func(&[], &[], vec![I::Call(1); 2000]);
    m.types.push(functype(&[], &results));
    m.funcs.push(Func { ty: 1, locals: vec![], body: expr(vec![I::Unreachable]) });
    let e = validate(&m, Spec::V3).unwrap_err();
    assert!(e.message.starts_with("implementation limit"), "{e}");
    assert_eq!((e.rule, e.offset), (rules::INSTR_OK__CALL, Some(1048)));
    // A struct of a million fields, made a million times from unreachable stacks, and an
    // array of 2^32 - 1 elements.
    let mut m = body(vec![]);
    let fields = vec![field(false, StorageType::Val(V::I64)); 1_000_000].into_boxed_slice();
    m.types.push(group(vec![sub(true, &[], CompType::Struct(fields))]));
    m.types.push(group(vec![sub(true, &[], CompType::Array(field(false, StorageType::Val(V::I64))))]));
    let make = [I::Unreachable, I::StructNew(1), I::Drop, I::ArrayNewFixed(2, u32::MAX), I::Drop];
    m.funcs[0].body = expr(make.iter().cycle().take(5 * 1_000_000).cloned().collect());
    valid_3_0(&m);
}
