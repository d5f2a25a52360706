//! The data layout of a function body for the reference: the validated instructions, one
//! [`Op`] each, in their flat order, with what reduction needs resolved ahead of time.
//!
//! Nothing here changes what a rule does. A block knows where its `end` is (the spec finds
//! it by the block's nesting); a block type is resolved to its arities (the spec looks it up
//! in the module's types each time); numeric operators are grouped by their operand type so
//! that one dispatch reaches the operator.

use super::values::Slot;
use crate::runtime::{Ref, Val};
use crate::syntax::*;
use crate::valid::canon::{DefType, Types, close_ref};
use std::rc::Rc;

/// A prepared function body. `ops` ends with the body's `end` and then [`Op::FrameEnd`],
/// the point where only the frame is left (`Step_pure/frame-vals`).
#[derive(Debug)]
pub struct Code {
    pub ty: Rc<FuncType>,
    /// The declared locals (after the parameters), and their initial values: `$default_`,
    /// or for a non-defaultable local a null that validation ensures is never read.
    pub locals: Box<[ValType]>,
    pub defaults: Box<[Slot]>,
    pub ops: Box<[Op]>,
    /// The byte offset of each op in the module's binary (traces quote it).
    pub offsets: Box<[u32]>,
    /// The function's index in its module (traces name it).
    pub func: FuncIdx,
    /// The label lists of `br_table`s and the lanes of `i8x16.shuffle`s, out of line so
    /// that an op is a small copyable value.
    pub br_tables: Box<[Box<[LabelIdx]>]>,
    pub shuffles: Box<[[LaneIdx; 16]]>,
    /// The catch clauses of `try_table`s, out of line as `br_tables`.
    pub catches: Box<[Box<[Catch]>]>,
}

/// The arities of a block type: `t_1^m -> t_2^n`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Arity {
    pub params: u32,
    pub results: u32,
}

/// One instruction of a prepared body.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Op {
    // First the instructions that `Machine::steps` dispatches in its own loop: its jump
    // table then starts at zero and is short (the 10^7 loop 2% fewer instructions).
    /// `loop`: its arities.
    Loop(Arity),
    End,
    Br(LabelIdx),
    BrIf(LabelIdx),
    LocalGet(LocalIdx),
    LocalSet(LocalIdx),
    LocalTee(LocalIdx),
    Const(Num),
    I32Binop(IBinop),
    I32Eqz,
    I32Relop(IRelop),
    VConst(V128),

    Unreachable,
    Nop,
    Drop,
    Select,

    /// `block`: its arities and the index of its `end`.
    Block(Arity, u32),
    /// `if`: its arities, the index of its `else` (its `end` when it has none), its `end`.
    If(Arity, u32, u32),
    /// `try_table`: its arities, the index of its `end`, and its catch clauses,
    /// `Code::catches[i]`.
    TryTable(Arity, u32, u32),
    /// `else`, reached at the end of the then-arm: the index of the `end`.
    Else(u32),
    /// After the body's `end`: only the frame is left.
    FrameEnd,

    /// `br_table`: its labels are `Code::br_tables[i]`.
    BrTable(u32, LabelIdx),
    Return,
    Call(FuncIdx),
    CallRef(TypeIdx),
    CallIndirect(TableIdx, TypeIdx),
    ReturnCall(FuncIdx),
    ReturnCallRef(TypeIdx),
    ReturnCallIndirect(TableIdx, TypeIdx),
    BrOnNull(LabelIdx),
    BrOnNonNull(LabelIdx),
    Throw(TagIdx),
    ThrowRef,

    GlobalGet(GlobalIdx),
    GlobalSet(GlobalIdx),

    TableGet(TableIdx),
    TableSet(TableIdx),
    TableSize(TableIdx),
    TableGrow(TableIdx),
    TableFill(TableIdx),
    TableCopy(TableIdx, TableIdx),
    TableInit(TableIdx, ElemIdx),
    ElemDrop(ElemIdx),

    Load(NumType, Option<LoadOp>, MemIdx, MemArg),
    Store(NumType, Option<Sz>, MemIdx, MemArg),
    VLoad(Option<VLoadOp>, MemIdx, MemArg),
    VLoadLane(Sz, MemIdx, MemArg, LaneIdx),
    VStore(MemIdx, MemArg),
    VStoreLane(Sz, MemIdx, MemArg, LaneIdx),
    MemorySize(MemIdx),
    MemoryGrow(MemIdx),
    MemoryFill(MemIdx),
    MemoryCopy(MemIdx, MemIdx),
    MemoryInit(MemIdx, DataIdx),
    DataDrop(DataIdx),

    /// `ref.null ht`, a defined `ht` as the abstract heap type of its kind (a null's heap
    /// type is only shown: at run time every null is `REF.NULL_ADDR`).
    RefNull(HeapType),
    RefIsNull,
    RefAsNonNull,
    RefFunc(FuncIdx),
    RefEq,
    /// `ref.test rt` and `ref.cast rt`, `rt` closed (`$inst_reftype`).
    RefTest(RefType),
    RefCast(RefType),
    /// `br_on_cast l rt_1 rt_2` and `br_on_cast_fail`: the label and `rt_2` closed.
    BrOnCast(LabelIdx, RefType),
    BrOnCastFail(LabelIdx, RefType),
    RefI31,
    I31Get(Sx),
    StructNew(TypeIdx),
    StructNewDefault(TypeIdx),
    StructGet(Option<Sx>, TypeIdx, FieldIdx),
    StructSet(TypeIdx, FieldIdx),
    ArrayNew(TypeIdx),
    ArrayNewDefault(TypeIdx),
    ArrayNewFixed(TypeIdx, u32),
    ArrayNewData(TypeIdx, DataIdx),
    ArrayNewElem(TypeIdx, ElemIdx),
    ArrayGet(Option<Sx>, TypeIdx),
    ArraySet(TypeIdx),
    ArrayLen,
    ArrayFill(TypeIdx),
    ArrayCopy(TypeIdx, TypeIdx),
    ArrayInitData(TypeIdx, DataIdx),
    ArrayInitElem(TypeIdx, ElemIdx),
    ExternConvertAny,
    AnyConvertExtern,

    I32Unop(IUnop),
    I64Unop(IUnop),
    F32Unop(FUnop),
    F64Unop(FUnop),
    I64Binop(IBinop),
    F32Binop(FBinop),
    F64Binop(FBinop),
    I64Eqz,
    I64Relop(IRelop),
    F32Relop(FRelop),
    F64Relop(FRelop),
    Cvtop(NumType, NumType, Cvtop),

    VVunop(VVunop),
    VVbinop(VVbinop),
    VVternop(VVternop),
    VVtestop(VVtestop),
    VUnop(Shape, VUnop),
    VBinop(Shape, VBinop),
    VTernop(Shape, VTernop),
    VTestop(Shape, VTestop),
    VRelop(Shape, Relop),
    VShiftop(Shape, VShiftop),
    VBitmask(Shape),
    VSwizzlop(VSwizzlop),
    /// `i8x16.shuffle`: its lanes are `Code::shuffles[i]`.
    VShuffle(u32),
    VExtunop(Shape, Shape, VExtunop),
    VExtbinop(Shape, Shape, VExtbinop),
    VExtternop(Shape, Shape, VExtternop),
    VNarrow(Shape, Shape, Sx),
    VCvtop(Shape, Shape, VCvtop),
    VSplat(Shape),
    VExtractLane(Shape, Option<Sx>, LaneIdx),
    VReplaceLane(Shape, LaneIdx),
}

/// Why a validated body cannot be prepared: it uses what the reference does not run yet.
#[derive(Debug)]
pub struct Unsupported(pub &'static str);

/// What preparing code needs of the module instance: its types, each the canonical defined
/// type of the store's [`Types`] and, for a function type, its closed expansion.
pub struct Env<'a> {
    pub deftypes: &'a [DefType],
    pub types: &'a [Rc<FuncType>],
    pub defs: &'a Types,
}

impl Env<'_> {
    /// A heap type as a null shows it: a defined type as the abstract type of its kind.
    fn null_heap(&self, ht: HeapType) -> HeapType {
        match ht {
            HeapType::Idx(x) => {
                HeapType::Abs(self.deftypes.get(x as usize).map_or(AbsHeapType::Func, |&d| self.defs.kind(d)))
            }
            ht => ht,
        }
    }

    /// `$default_(t)`, with a null's heap type as [`Self::null_heap`] shows it; for a
    /// non-defaultable local, a null that validation ensures is never read.
    fn default(&self, t: ValType) -> Slot {
        let v = match t {
            ValType::Ref(rt) => Val::Ref(Ref::Null(self.null_heap(rt.heap))),
            t => Val::default_of(t).unwrap_or(Val::Ref(Ref::null_of(AbsHeapType::Bot))),
        };
        Slot::from(v)
    }
}

/// `$blocktype_(z, bt)`, resolved once.
pub fn arity(bt: BlockType, types: &[Rc<FuncType>]) -> Arity {
    match bt {
        BlockType::Result(t) => Arity { params: 0, results: t.is_some() as u32 },
        BlockType::Idx(x) => {
            let (params, results) =
                types.get(x as usize).map_or((0, 0), |ft| (ft.params.len(), ft.results.len()));
            Arity { params: params as u32, results: results as u32 }
        }
    }
}

/// Prepare a validated function body: one op per instruction, blocks matched to their ends.
pub fn prepare(func: &Func, idx: FuncIdx, ty: Rc<FuncType>, env: &Env) -> Result<Code, Unsupported> {
    let types = env.types;
    let instrs = &func.body.instrs;
    let mut ops = Vec::with_capacity(instrs.len() + 1);
    let (mut br_tables, mut shuffles, mut catches) = (Vec::new(), Vec::new(), Vec::new());
    // Open blocks: the index of the op that opened each, whose targets the `end` fills in.
    let mut open: Vec<usize> = Vec::new();
    for (i, instr) in instrs.iter().enumerate() {
        let op = match instr {
            Instr::Block(bt) => {
                open.push(i);
                Op::Block(arity(*bt, types), 0)
            }
            Instr::Loop(bt) => {
                open.push(i);
                Op::Loop(arity(*bt, types))
            }
            Instr::If(bt) => {
                open.push(i);
                Op::If(arity(*bt, types), 0, 0)
            }
            Instr::TryTable(bt, cs) => {
                open.push(i);
                catches.push(cs.as_slice().into());
                Op::TryTable(arity(*bt, types), 0, catches.len() as u32 - 1)
            }
            Instr::Else => {
                let Some(&start) = open.last() else { return Err(Unsupported("an else outside an if")) };
                if let Op::If(_, els, _) = &mut ops[start] {
                    *els = i as u32;
                }
                Op::Else(0)
            }
            Instr::End => {
                if let Some(start) = open.pop() {
                    close(&mut ops, start, i as u32);
                }
                Op::End
            }
            Instr::BrTable(ls, l) => {
                br_tables.push(ls.clone());
                Op::BrTable(br_tables.len() as u32 - 1, *l)
            }
            Instr::VShuffle(ls) => {
                shuffles.push(*ls);
                Op::VShuffle(shuffles.len() as u32 - 1)
            }
            other => translate(other, env)?,
        };
        ops.push(op);
    }
    ops.push(Op::FrameEnd);
    let mut offsets = func.body.offsets.to_vec();
    offsets.push(offsets.last().copied().unwrap_or(0));
    let defaults = func.locals.iter().map(|t| env.default(*t)).collect();
    Ok(Code {
        ty,
        locals: func.locals.clone().into_boxed_slice(),
        defaults,
        ops: ops.into_boxed_slice(),
        offsets: offsets.into_boxed_slice(),
        func: idx,
        br_tables: br_tables.into_boxed_slice(),
        shuffles: shuffles.into_boxed_slice(),
        catches: catches.into_boxed_slice(),
    })
}

/// Record where the block opened at `start` ends.
fn close(ops: &mut [Op], start: usize, end: u32) {
    match &mut ops[start] {
        Op::Block(_, e) | Op::TryTable(_, e, _) => *e = end,
        Op::If(_, els, e) => {
            *e = end;
            if *els == 0 {
                *els = end;
            } else if let Op::Else(e) = &mut ops[*els as usize] {
                *e = end;
            }
        }
        _ => {}
    }
}

/// The op of an instruction that is not structured, or the feature of one the reference does
/// not run. Every instruction of a constant expression is one of these.
pub fn translate(instr: &Instr, env: &Env) -> Result<Op, Unsupported> {
    use Instr as I;
    if let Some(f) = instr.requires().first_missing(super::RUNS) {
        return Err(Unsupported(f.name()));
    }
    Ok(match instr {
        I::Unreachable => Op::Unreachable,
        I::Nop => Op::Nop,
        I::Drop => Op::Drop,
        I::Select(_) => Op::Select,
        I::Br(l) => Op::Br(*l),
        I::BrIf(l) => Op::BrIf(*l),
        I::Return => Op::Return,
        I::Call(x) => Op::Call(*x),
        I::CallRef(y) => Op::CallRef(*y),
        I::CallIndirect(x, y) => Op::CallIndirect(*x, *y),
        I::ReturnCall(x) => Op::ReturnCall(*x),
        I::ReturnCallRef(y) => Op::ReturnCallRef(*y),
        I::ReturnCallIndirect(x, y) => Op::ReturnCallIndirect(*x, *y),
        I::BrOnNull(l) => Op::BrOnNull(*l),
        I::BrOnNonNull(l) => Op::BrOnNonNull(*l),
        I::Throw(x) => Op::Throw(*x),
        I::ThrowRef => Op::ThrowRef,
        I::LocalGet(x) => Op::LocalGet(*x),
        I::LocalSet(x) => Op::LocalSet(*x),
        I::LocalTee(x) => Op::LocalTee(*x),
        I::GlobalGet(x) => Op::GlobalGet(*x),
        I::GlobalSet(x) => Op::GlobalSet(*x),
        I::TableGet(x) => Op::TableGet(*x),
        I::TableSet(x) => Op::TableSet(*x),
        I::TableSize(x) => Op::TableSize(*x),
        I::TableGrow(x) => Op::TableGrow(*x),
        I::TableFill(x) => Op::TableFill(*x),
        I::TableCopy(x, y) => Op::TableCopy(*x, *y),
        I::TableInit(x, y) => Op::TableInit(*x, *y),
        I::ElemDrop(x) => Op::ElemDrop(*x),
        I::Load(t, op, x, m) => Op::Load(*t, *op, *x, *m),
        I::Store(t, sz, x, m) => Op::Store(*t, *sz, *x, *m),
        I::VLoad(op, x, m) => Op::VLoad(*op, *x, *m),
        I::VLoadLane(sz, x, m, l) => Op::VLoadLane(*sz, *x, *m, *l),
        I::VStore(x, m) => Op::VStore(*x, *m),
        I::VStoreLane(sz, x, m, l) => Op::VStoreLane(*sz, *x, *m, *l),
        I::MemorySize(x) => Op::MemorySize(*x),
        I::MemoryGrow(x) => Op::MemoryGrow(*x),
        I::MemoryFill(x) => Op::MemoryFill(*x),
        I::MemoryCopy(x, y) => Op::MemoryCopy(*x, *y),
        I::MemoryInit(x, y) => Op::MemoryInit(*x, *y),
        I::DataDrop(x) => Op::DataDrop(*x),
        I::RefNull(ht) => Op::RefNull(env.null_heap(*ht)),
        I::RefIsNull => Op::RefIsNull,
        I::RefAsNonNull => Op::RefAsNonNull,
        I::RefFunc(x) => Op::RefFunc(*x),
        I::RefEq => Op::RefEq,
        I::RefTest(rt) => Op::RefTest(close_ref(env.deftypes, *rt)),
        I::RefCast(rt) => Op::RefCast(close_ref(env.deftypes, *rt)),
        I::BrOnCast(l, rts) => Op::BrOnCast(*l, close_ref(env.deftypes, rts.1)),
        I::BrOnCastFail(l, rts) => Op::BrOnCastFail(*l, close_ref(env.deftypes, rts.1)),
        I::RefI31 => Op::RefI31,
        I::I31Get(sx) => Op::I31Get(*sx),
        I::StructNew(y) => Op::StructNew(*y),
        I::StructNewDefault(y) => Op::StructNewDefault(*y),
        I::StructGet(sx, y, i) => Op::StructGet(*sx, *y, *i),
        I::StructSet(y, i) => Op::StructSet(*y, *i),
        I::ArrayNew(y) => Op::ArrayNew(*y),
        I::ArrayNewDefault(y) => Op::ArrayNewDefault(*y),
        I::ArrayNewFixed(y, n) => Op::ArrayNewFixed(*y, *n),
        I::ArrayNewData(y, d) => Op::ArrayNewData(*y, *d),
        I::ArrayNewElem(y, e) => Op::ArrayNewElem(*y, *e),
        I::ArrayGet(sx, y) => Op::ArrayGet(*sx, *y),
        I::ArraySet(y) => Op::ArraySet(*y),
        I::ArrayLen => Op::ArrayLen,
        I::ArrayFill(y) => Op::ArrayFill(*y),
        I::ArrayCopy(y1, y2) => Op::ArrayCopy(*y1, *y2),
        I::ArrayInitData(y, d) => Op::ArrayInitData(*y, *d),
        I::ArrayInitElem(y, e) => Op::ArrayInitElem(*y, *e),
        I::ExternConvertAny => Op::ExternConvertAny,
        I::AnyConvertExtern => Op::AnyConvertExtern,
        I::Const(n) => Op::Const(*n),
        I::Unop(t, op) => match (t, op) {
            (NumType::I32, Unop::Int(op)) => Op::I32Unop(*op),
            (NumType::I64, Unop::Int(op)) => Op::I64Unop(*op),
            (NumType::F32, Unop::Float(op)) => Op::F32Unop(*op),
            (NumType::F64, Unop::Float(op)) => Op::F64Unop(*op),
            _ => return Err(Unsupported("ill-typed unop")),
        },
        I::Binop(t, op) => match (t, op) {
            (NumType::I32, Binop::Int(op)) => Op::I32Binop(*op),
            (NumType::I64, Binop::Int(op)) => Op::I64Binop(*op),
            (NumType::F32, Binop::Float(op)) => Op::F32Binop(*op),
            (NumType::F64, Binop::Float(op)) => Op::F64Binop(*op),
            _ => return Err(Unsupported("ill-typed binop")),
        },
        I::Testop(NumType::I32, _) => Op::I32Eqz,
        I::Testop(NumType::I64, _) => Op::I64Eqz,
        I::Relop(t, op) => match (t, op) {
            (NumType::I32, Relop::Int(op)) => Op::I32Relop(*op),
            (NumType::I64, Relop::Int(op)) => Op::I64Relop(*op),
            (NumType::F32, Relop::Float(op)) => Op::F32Relop(*op),
            (NumType::F64, Relop::Float(op)) => Op::F64Relop(*op),
            _ => return Err(Unsupported("ill-typed relop")),
        },
        I::Cvtop(t1, t2, op) => Op::Cvtop(*t1, *t2, *op),
        I::VConst(v) => Op::VConst(*v),
        I::VVunop(op) => Op::VVunop(*op),
        I::VVbinop(op) => Op::VVbinop(*op),
        I::VVternop(op) => Op::VVternop(*op),
        I::VVtestop(op) => Op::VVtestop(*op),
        I::VUnop(sh, op) => Op::VUnop(*sh, *op),
        I::VBinop(sh, op) => Op::VBinop(*sh, *op),
        I::VTernop(sh, op) => Op::VTernop(*sh, *op),
        I::VTestop(sh, op) => Op::VTestop(*sh, *op),
        I::VRelop(sh, op) => Op::VRelop(*sh, *op),
        I::VShiftop(sh, op) => Op::VShiftop(*sh, *op),
        I::VBitmask(sh) => Op::VBitmask(*sh),
        I::VSwizzlop(op) => Op::VSwizzlop(*op),
        I::VExtunop(a, b, op) => Op::VExtunop(*a, *b, *op),
        I::VExtbinop(a, b, op) => Op::VExtbinop(*a, *b, *op),
        I::VExtternop(a, b, op) => Op::VExtternop(*a, *b, *op),
        I::VNarrow(a, b, sx) => Op::VNarrow(*a, *b, *sx),
        I::VCvtop(a, b, op) => Op::VCvtop(*a, *b, *op),
        I::VSplat(sh) => Op::VSplat(*sh),
        I::VExtractLane(sh, sx, l) => Op::VExtractLane(*sh, *sx, *l),
        I::VReplaceLane(sh, l) => Op::VReplaceLane(*sh, *l),
        I::Block(_) | I::Loop(_) | I::If(_) | I::TryTable(..) | I::Else | I::End => {
            return Err(Unsupported("a structured instruction outside a body"));
        }
        I::BrTable(..) | I::VShuffle(_) => {
            return Err(Unsupported("an instruction with out-of-line operands"));
        }
        // The instructions of a feature the reference runs are all above.
        _ => return Err(Unsupported("an instruction of no opcode")),
    })
}

impl std::fmt::Display for Op {
    /// The instruction in the text format (`i32.add`, `local.get 0`, `br_if 1`), as traces
    /// show it; block ops show their arities instead of their block type.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let int = |t: &str, name: String| format!("{t}.{name}");
        let sx = |sx: &Sx| if *sx == Sx::S { "s" } else { "u" };
        let text = match self {
            Op::Unreachable => "unreachable".into(),
            Op::Nop => "nop".into(),
            Op::Drop => "drop".into(),
            Op::Select => "select".into(),
            Op::Block(a, _) => format!("block [{}]->[{}]", a.params, a.results),
            Op::Loop(a) => format!("loop [{}]->[{}]", a.params, a.results),
            Op::If(a, ..) => format!("if [{}]->[{}]", a.params, a.results),
            Op::TryTable(a, _, i) => format!("try_table [{}]->[{}] (catches #{i})", a.params, a.results),
            Op::Throw(x) => format!("throw {x}"),
            Op::ThrowRef => "throw_ref".into(),
            Op::Else(_) => "else".into(),
            Op::End => "end".into(),
            Op::FrameEnd => "(end of frame)".into(),
            Op::Br(l) => format!("br {l}"),
            Op::BrIf(l) => format!("br_if {l}"),
            Op::BrTable(i, l) => format!("br_table (labels #{i}) {l}"),
            Op::Return => "return".into(),
            Op::Call(x) => format!("call {x}"),
            Op::CallRef(y) => format!("call_ref {y}"),
            Op::CallIndirect(x, y) => format!("call_indirect {x} (type {y})"),
            Op::ReturnCall(x) => format!("return_call {x}"),
            Op::ReturnCallRef(y) => format!("return_call_ref {y}"),
            Op::ReturnCallIndirect(x, y) => format!("return_call_indirect {x} (type {y})"),
            Op::BrOnNull(l) => format!("br_on_null {l}"),
            Op::BrOnNonNull(l) => format!("br_on_non_null {l}"),
            Op::LocalGet(x) => format!("local.get {x}"),
            Op::LocalSet(x) => format!("local.set {x}"),
            Op::LocalTee(x) => format!("local.tee {x}"),
            Op::GlobalGet(x) => format!("global.get {x}"),
            Op::GlobalSet(x) => format!("global.set {x}"),
            Op::TableGet(x) => format!("table.get {x}"),
            Op::TableSet(x) => format!("table.set {x}"),
            Op::TableSize(x) => format!("table.size {x}"),
            Op::TableGrow(x) => format!("table.grow {x}"),
            Op::TableFill(x) => format!("table.fill {x}"),
            Op::TableCopy(x, y) => format!("table.copy {x} {y}"),
            Op::TableInit(x, y) => format!("table.init {x} {y}"),
            Op::ElemDrop(x) => format!("elem.drop {x}"),
            Op::Load(t, op, x, m) => {
                let pack = op.map_or(String::new(), |op| format!("{}_{}", op.size.bits(), sx(&op.sx)));
                format!("{t}.load{pack} {x} offset={} align={}", m.offset, 1u64 << m.align.min(63))
            }
            Op::Store(t, sz, x, m) => {
                let pack = sz.map_or(String::new(), |sz| sz.bits().to_string());
                format!("{t}.store{pack} {x} offset={} align={}", m.offset, 1u64 << m.align.min(63))
            }
            Op::VLoad(op, x, m) => format!(
                "v128.load{} {x} offset={}",
                op.map_or(String::new(), |op| format!(" {op:?}")),
                m.offset
            ),
            Op::VLoadLane(sz, x, m, l) => format!("v128.load{}_lane {x} offset={} {l}", sz.bits(), m.offset),
            Op::VStore(x, m) => format!("v128.store {x} offset={}", m.offset),
            Op::VStoreLane(sz, x, m, l) => {
                format!("v128.store{}_lane {x} offset={} {l}", sz.bits(), m.offset)
            }
            Op::MemorySize(x) => format!("memory.size {x}"),
            Op::MemoryGrow(x) => format!("memory.grow {x}"),
            Op::MemoryFill(x) => format!("memory.fill {x}"),
            Op::MemoryCopy(x, y) => format!("memory.copy {x} {y}"),
            Op::MemoryInit(x, y) => format!("memory.init {x} {y}"),
            Op::DataDrop(x) => format!("data.drop {x}"),
            Op::RefNull(ht) => format!("ref.null {ht}"),
            Op::RefIsNull => "ref.is_null".into(),
            Op::RefAsNonNull => "ref.as_non_null".into(),
            Op::RefFunc(x) => format!("ref.func {x}"),
            Op::RefEq => "ref.eq".into(),
            Op::RefTest(rt) => format!("ref.test {rt}"),
            Op::RefCast(rt) => format!("ref.cast {rt}"),
            Op::BrOnCast(l, rt) => format!("br_on_cast {l} {rt}"),
            Op::BrOnCastFail(l, rt) => format!("br_on_cast_fail {l} {rt}"),
            Op::RefI31 => "ref.i31".into(),
            Op::I31Get(s) => format!("i31.get_{}", sx(s)),
            Op::StructNew(y) => format!("struct.new {y}"),
            Op::StructNewDefault(y) => format!("struct.new_default {y}"),
            Op::StructGet(s, y, i) => {
                format!("struct.get{} {y} {i}", s.as_ref().map_or(String::new(), |s| format!("_{}", sx(s))))
            }
            Op::StructSet(y, i) => format!("struct.set {y} {i}"),
            Op::ArrayNew(y) => format!("array.new {y}"),
            Op::ArrayNewDefault(y) => format!("array.new_default {y}"),
            Op::ArrayNewFixed(y, n) => format!("array.new_fixed {y} {n}"),
            Op::ArrayNewData(y, d) => format!("array.new_data {y} {d}"),
            Op::ArrayNewElem(y, e) => format!("array.new_elem {y} {e}"),
            Op::ArrayGet(s, y) => {
                format!("array.get{} {y}", s.as_ref().map_or(String::new(), |s| format!("_{}", sx(s))))
            }
            Op::ArraySet(y) => format!("array.set {y}"),
            Op::ArrayLen => "array.len".into(),
            Op::ArrayFill(y) => format!("array.fill {y}"),
            Op::ArrayCopy(y1, y2) => format!("array.copy {y1} {y2}"),
            Op::ArrayInitData(y, d) => format!("array.init_data {y} {d}"),
            Op::ArrayInitElem(y, e) => format!("array.init_elem {y} {e}"),
            Op::ExternConvertAny => "extern.convert_any".into(),
            Op::AnyConvertExtern => "any.convert_extern".into(),
            Op::Const(n) => {
                format!("{}.const {}", n.ty(), n.to_string().split_once(':').map_or("", |(_, v)| v))
            }
            Op::I32Unop(op) => int("i32", iunop(op)),
            Op::I64Unop(op) => int("i64", iunop(op)),
            Op::F32Unop(op) => format!("f32.{}", funop(op)),
            Op::F64Unop(op) => format!("f64.{}", funop(op)),
            Op::I32Binop(op) => int("i32", ibinop(op)),
            Op::I64Binop(op) => int("i64", ibinop(op)),
            Op::F32Binop(op) => format!("f32.{}", format!("{op:?}").to_lowercase()),
            Op::F64Binop(op) => format!("f64.{}", format!("{op:?}").to_lowercase()),
            Op::I32Eqz => "i32.eqz".into(),
            Op::I64Eqz => "i64.eqz".into(),
            Op::I32Relop(op) => int("i32", irelop(op)),
            Op::I64Relop(op) => int("i64", irelop(op)),
            Op::F32Relop(op) => format!("f32.{}", format!("{op:?}").to_lowercase()),
            Op::F64Relop(op) => format!("f64.{}", format!("{op:?}").to_lowercase()),
            Op::Cvtop(to, from, op) => cvtop(*to, *from, op),
            Op::VConst(v) => format!("v128.const {v}"),
            other => {
                // The vector instructions, in the syntax's spelling: `VBinop(I32x4, Int(Add))`.
                format!("{other:?}")
            }
        };
        f.write_str(&text)
    }
}

fn iunop(op: &IUnop) -> String {
    match op {
        IUnop::Extend(sz) => format!("extend{}_s", sz.bits()),
        op => format!("{op:?}").to_lowercase(),
    }
}

fn ibinop(op: &IBinop) -> String {
    match op {
        IBinop::Div(sx) | IBinop::Rem(sx) | IBinop::Shr(sx) => {
            let name = format!("{op:?}").to_lowercase();
            format!("{}_{}", name.split('(').next().unwrap_or(""), if *sx == Sx::S { "s" } else { "u" })
        }
        op => format!("{op:?}").to_lowercase(),
    }
}

fn irelop(op: &IRelop) -> String {
    match op {
        IRelop::Eq => "eq".into(),
        IRelop::Ne => "ne".into(),
        IRelop::Lt(sx) | IRelop::Gt(sx) | IRelop::Le(sx) | IRelop::Ge(sx) => {
            let name = format!("{op:?}").to_lowercase();
            format!("{}_{}", name.split('(').next().unwrap_or(""), if *sx == Sx::S { "s" } else { "u" })
        }
    }
}

fn funop(op: &FUnop) -> String {
    format!("{op:?}").to_lowercase()
}

/// `i64.extend_i32_s`, `f32.demote_f64`, `i32.trunc_sat_f64_u`, ...
fn cvtop(to: NumType, from: NumType, op: &Cvtop) -> String {
    let sx = |sx: &Sx| if *sx == Sx::S { "s" } else { "u" };
    let name = match op {
        Cvtop::Extend(s) => format!("extend_{from}_{}", sx(s)),
        Cvtop::Wrap => format!("wrap_{from}"),
        Cvtop::Convert(s) => format!("convert_{from}_{}", sx(s)),
        Cvtop::Reinterpret => format!("reinterpret_{from}"),
        Cvtop::Trunc(s) => format!("trunc_{from}_{}", sx(s)),
        Cvtop::TruncSat(s) => format!("trunc_sat_{from}_{}", sx(s)),
        Cvtop::Promote => format!("promote_{from}"),
        Cvtop::Demote => format!("demote_{from}"),
    };
    format!("{to}.{name}")
}
