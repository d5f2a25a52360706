//! The validation algorithm (spec appendix *Validation Algorithm*, `algo-valid`) run straight
//! over a function body's bytes, decoding and checking each instruction in one step, with the
//! operand types as bytes.
//!
//! It covers what most compiled code is made of: numbers, locals and globals, memory, blocks,
//! branches and calls, over the number types and `funcref` and `externref`, and the tables
//! of those. It only ever proves a body valid: where it
//! meets anything else (another instruction or type, or any error, malformed or invalid), it
//! gives up, and the body is decoded into an [`Expr`] and checked by
//! [`super::modules::body_ok`], which gives the verdict, the message and the rule. So a body it
//! settles is one the two phases accept (tests/front.rs holds it to that over the whole suite,
//! and tests/bytes.rs over generated and mutated modules), and it never reports an error.
//!
//! For the compiler it also builds the instructions it checks ([`func_ok_building`]), each as
//! the decoder would, so that a body it settles is read once.

use super::context::Context;
use super::instructions::{Kind, MAX_OPERANDS};
use super::matching::reftype_sub;
use crate::Spec;
use crate::rules::{self, Rule};
use crate::syntax::scalar;
use crate::syntax::{
    AbsHeapType, AddrType, BlockType, CompType, Cvtop, Expr, F32 as F32Bits, F64 as F64Bits,
};
use crate::syntax::{FuncType, HeapType, Instr, MemArg, Num, NumType, RefType, Sz, TypeIdx, ValType};
use smallvec::SmallVec;

/// An operand type: a number type, `funcref` or `externref`, or `bot` (an operand of
/// unreachable code). No two are subtypes of each other, so a match is an equality.
type T = u8;
const BOT: T = 0;
const I32: T = 1;
const I64: T = 2;
const F32: T = 3;
const F64: T = 4;
/// `(REF NULL FUNC)`, `(REF NULL EXTERN)`: the references (the rest of the types below them
/// stay the reference's).
const FUNCREF: T = 5;
const EXTERNREF: T = 6;
/// Not a type this checker knows.
const NONE: T = 0xff;

/// `t` as an operand type, if it is one of those this checker knows.
fn code(t: ValType) -> Option<T> {
    match t {
        ValType::I32 => Some(I32),
        ValType::I64 => Some(I64),
        ValType::F32 => Some(F32),
        ValType::F64 => Some(F64),
        ValType::FUNCREF => Some(FUNCREF),
        ValType::EXTERNREF => Some(EXTERNREF),
        _ => None,
    }
}

/// A reference type: what `ref.is_null` takes (or `bot`), and `select` without a type does
/// not.
fn is_ref(t: T) -> bool {
    matches!(t, FUNCREF | EXTERNREF)
}

fn addr(at: AddrType) -> T {
    match at {
        AddrType::I32 => I32,
        AddrType::I64 => I64,
    }
}

/// A function type over the types above.
#[derive(Debug)]
struct Sig {
    params: Box<[T]>,
    results: Box<[T]>,
}

/// What the algorithm reads of the context `C`, compacted once per module: each type's
/// function type (where it is one over the types above), each function's, each global's type
/// (with a bit for a mutable one), each memory's address type, and each table's address and
/// element types; a mark (or `None`) for what the checker does not know, which leaves a body
/// that meets it to the reference.
#[derive(Debug)]
pub struct Compact {
    on: bool,
    types: Vec<Option<Sig>>,
    funcs: Vec<Option<u32>>,
    globals: Vec<T>,
    mems: Vec<T>,
    tables: Vec<Table>,
}

/// A table: its address type, its element type ([`NONE`] if not one of the two above), and
/// whether that matches `funcref` (what `call_indirect` asks).
#[derive(Copy, Clone, Debug)]
struct Table {
    addr: T,
    elem: T,
    funcs: bool,
}

/// The bit of a global's [`T`] that says it is mutable.
const MUT: T = 0x80;

impl Compact {
    /// `C` compacted; off (settling nothing) under Wasm 2.0, whose binary format differs in
    /// the memory instructions' immediates.
    pub fn new(c: &Context) -> Compact {
        let sig = |ft: &FuncType| {
            let params = ft.params.iter().map(|&t| code(t)).collect::<Option<_>>()?;
            let results = ft.results.iter().map(|&t| code(t)).collect::<Option<_>>()?;
            Some(Sig { params, results })
        };
        let types = c
            .types
            .iter()
            .map(|st| match &st.comp {
                CompType::Func(ft) => sig(ft),
                _ => None,
            })
            .collect::<Vec<_>>();
        let funcs = c.funcs.iter().map(|&y| types.get(y as usize)?.as_ref().map(|_| y)).collect();
        let globals =
            c.globals.iter().map(|g| code(g.val).map_or(NONE, |t| t | (g.mutable as T * MUT))).collect();
        let tables = c
            .tables
            .iter()
            .map(|tt| Table {
                addr: addr(tt.addr),
                elem: code(ValType::Ref(tt.elem)).unwrap_or(NONE),
                funcs: reftype_sub(c, tt.elem, RefType::FUNCREF),
            })
            .collect();
        Compact {
            on: c.spec == Spec::V3,
            types,
            funcs,
            globals,
            mems: c.mems.iter().map(|mt| addr(mt.addr)).collect(),
            tables,
        }
    }

    fn sig(&self, y: TypeIdx) -> Option<&Sig> {
        self.types.get(y as usize)?.as_ref()
    }
}

/// A control frame, as in [`super::instructions`].
#[derive(Copy, Clone, Debug)]
struct Ctrl<'m> {
    kind: Kind,
    start: &'m [T],
    end: &'m [T],
    height: usize,
    unreachable: bool,
}

/// The result type of one value: a block type `valtype`.
static ONE: [[T; 1]; 7] = [[BOT], [I32], [I64], [F32], [F64], [FUNCREF], [EXTERNREF]];

/// The algorithm's stacks and the body's locals, kept by a thread from body to body.
#[derive(Debug, Default)]
pub struct Stacks<'m> {
    vals: Vec<T>,
    ctrls: Vec<Ctrl<'m>>,
    locals: Vec<T>,
}

/// `Func_ok` of the function of type `C.TYPES[y]` with the declared locals `locals` and the
/// expression `expr` (its bytes, up to the end of the body: binary-code's size), where the
/// bytes decode (binary-expr) and the body is valid by the rules this checker knows; `None`
/// where it cannot tell.
pub fn func_ok<'m>(
    s: &mut Stacks<'m>,
    cc: &'m Compact,
    y: TypeIdx,
    locals: &[ValType],
    expr: &[u8],
) -> Option<Rule> {
    run::<false, false>(s, cc, y, locals, expr, 0, &mut Expr::default())
}

/// [`func_ok`], and the body's instructions built into `out` as the decoder builds them
/// (binary-expr), each with its offset in the module, whose byte `base` is the expression's
/// first. On `None`, what `out` holds is of no use.
pub fn func_ok_building<'m>(
    s: &mut Stacks<'m>,
    cc: &'m Compact,
    y: TypeIdx,
    locals: &[ValType],
    expr: &[u8],
    base: usize,
    out: &mut Expr,
) -> Option<Rule> {
    run::<true, true>(s, cc, y, locals, expr, base, out)
}

/// [`func_ok_building`] without the offsets (`out.offsets` left empty), as the compiler asks
/// for a body: it reads none, and recording them was 3% of compiling.
pub fn func_ok_building_instrs<'m>(
    s: &mut Stacks<'m>,
    cc: &'m Compact,
    y: TypeIdx,
    locals: &[ValType],
    expr: &[u8],
    out: &mut Expr,
) -> Option<Rule> {
    run::<true, false>(s, cc, y, locals, expr, 0, out)
}

/// [`func_ok`], building into `out` where `BUILD` says so, the offsets too where `OFFSETS`
/// does.
fn run<'m, const BUILD: bool, const OFFSETS: bool>(
    s: &mut Stacks<'m>,
    cc: &'m Compact,
    y: TypeIdx,
    locals: &[ValType],
    expr: &[u8],
    base: usize,
    out: &mut Expr,
) -> Option<Rule> {
    if !cc.on {
        return None;
    }
    let sig = cc.sig(y)?;
    s.locals.clear();
    s.locals.extend_from_slice(&sig.params);
    for &t in locals {
        s.locals.push(code(t)?);
    }
    // The stacks are the checker's while it runs, so that they may live in registers.
    let (mut vals, mut ctrls) = (std::mem::take(&mut s.vals), std::mem::take(&mut s.ctrls));
    vals.clear();
    ctrls.clear();
    ctrls.push(Ctrl { kind: Kind::Expr, start: &[], end: &sig.results, height: 0, unreachable: false });
    // Built onto plain vectors, as the decoder does (see `Reader::expr_into`).
    let (mut instrs, mut offsets) = (Vec::new(), Vec::new());
    if BUILD {
        instrs = std::mem::take(&mut out.instrs).into_vec();
        offsets = std::mem::take(&mut out.offsets).into_vec();
        crate::syntax::clear_instrs(&mut instrs);
        offsets.clear();
    }
    let mut check = Check::<BUILD, OFFSETS> {
        vals,
        ctrls,
        locals: &s.locals,
        cc,
        bytes: expr,
        pos: 0,
        results: &sig.results,
        height: 0,
        unreachable: false,
        budget: MAX_OPERANDS.checked_sub(expr.len())?,
        base,
        instrs,
        offsets,
    };
    let ok = check.expr();
    (s.vals, s.ctrls) = (check.vals, check.ctrls);
    if BUILD {
        (out.instrs, out.offsets) = (SmallVec::from_vec(check.instrs), SmallVec::from_vec(check.offsets));
    }
    ok.map(|()| rules::FUNC_OK)
}

/// The algorithm over one body, building its instructions where `BUILD` says so. Its
/// helpers are all inlined into [`Check::expr`]'s loop (`#[inline(always)]`): where none is
/// handed `self`, the compiler keeps more of the checker's state out of memory (5-7% fewer
/// instructions over the real-world binaries of BENCHMARKS.md).
struct Check<'s, 'm, const BUILD: bool, const OFFSETS: bool> {
    vals: Vec<T>,
    ctrls: Vec<Ctrl<'m>>,
    locals: &'s [T],
    cc: &'m Compact,
    bytes: &'s [u8],
    pos: usize,
    /// `C.RETURN`.
    results: &'m [T],
    /// The innermost frame's height and whether the rest of it is unreachable.
    height: usize,
    unreachable: bool,
    /// What may still be pushed several at a time (a call's results, a block's parameters)
    /// within [`MAX_OPERANDS`]: an instruction pushes at most one value otherwise, and each
    /// takes a byte at least, so the stack stays within the limit (the reference's, which it
    /// then never reaches either) without a check at every push.
    budget: usize,
    /// Where the body's bytes start in the module, and what is built of them.
    base: usize,
    instrs: Vec<Instr>,
    offsets: Vec<u32>,
}

/// binary-instr's number instructions 0x45..=0xC4 (`eqz` to the sign extensions): the
/// operand types, [`NONE`] for the second of a unary one, and the result type.
const NUMERIC: [[T; 3]; 0x80] = numeric();

const fn numeric() -> [[T; 3]; 0x80] {
    let mut table = [[NONE; 3]; 0x80];
    let mut i = 0;
    while i < 0x80 {
        table[i] = match 0x45 + i {
            0x45 => [I32, NONE, I32],
            0x46..=0x4f => [I32, I32, I32],
            0x50 => [I64, NONE, I32],
            0x51..=0x5a => [I64, I64, I32],
            0x5b..=0x60 => [F32, F32, I32],
            0x61..=0x66 => [F64, F64, I32],
            0x67..=0x69 => [I32, NONE, I32],
            0x6a..=0x78 => [I32, I32, I32],
            0x79..=0x7b => [I64, NONE, I64],
            0x7c..=0x8a => [I64, I64, I64],
            0x8b..=0x91 => [F32, NONE, F32],
            0x92..=0x98 => [F32, F32, F32],
            0x99..=0x9f => [F64, NONE, F64],
            0xa0..=0xa6 => [F64, F64, F64],
            0xa7 => [I64, NONE, I32],
            0xa8 | 0xa9 | 0xbc => [F32, NONE, I32],
            0xaa | 0xab => [F64, NONE, I32],
            0xac | 0xad => [I32, NONE, I64],
            0xae | 0xaf => [F32, NONE, I64],
            0xb0 | 0xb1 | 0xbd => [F64, NONE, I64],
            0xb2 | 0xb3 | 0xbe => [I32, NONE, F32],
            0xb4 | 0xb5 => [I64, NONE, F32],
            0xb6 => [F64, NONE, F32],
            0xb7 | 0xb8 => [I32, NONE, F64],
            0xb9 | 0xba | 0xbf => [I64, NONE, F64],
            0xbb => [F32, NONE, F64],
            0xc0 | 0xc1 => [I32, NONE, I32],
            _ => [I64, NONE, I64],
        };
        i += 1;
    }
    table
}

/// The loads 0x28..=0x35, from the decoder's table: the result type and the natural
/// alignment's exponent (of the bytes read: `2^align <= N/8`).
const LOADS: [(T, u32); 14] = {
    let mut table = [(NONE, 0); 14];
    let mut i = 0;
    while i < table.len() {
        let (t, op) = scalar::LOADS[i];
        table[i] = natural(t, if let Some(op) = op { Some(op.size) } else { None });
        i += 1;
    }
    table
};

/// The stores 0x36..=0x3e, from the decoder's table: the operand type and the natural
/// alignment's exponent.
const STORES: [(T, u32); 9] = {
    let mut table = [(NONE, 0); 9];
    let mut i = 0;
    while i < table.len() {
        table[i] = natural(scalar::STORES[i].0, scalar::STORES[i].1);
        i += 1;
    }
    table
};

/// `trunc_sat` (0xFC 0..=7), from the decoder's table: the operand and result types.
const TRUNC_SAT: [(T, T); 8] = {
    let mut table = [(NONE, NONE); 8];
    let mut i = 0;
    while i < table.len() {
        let (t1, t2, _) = scalar::TRUNC_SATS[i];
        table[i] = (num(t2), num(t1));
        i += 1;
    }
    table
};

/// A number type as an operand type.
const fn num(t: NumType) -> T {
    match t {
        NumType::I32 => I32,
        NumType::I64 => I64,
        NumType::F32 => F32,
        NumType::F64 => F64,
    }
}

/// A memory access of type `t`, of `packed` bytes if given: `t` as an operand type, and the
/// exponent of the width it accesses, in bytes (its natural alignment).
const fn natural(t: NumType, packed: Option<Sz>) -> (T, u32) {
    let exponent = match (packed, t) {
        (Some(Sz::N8), _) => 0,
        (Some(Sz::N16), _) => 1,
        (Some(Sz::N32), _) | (None, NumType::I32 | NumType::F32) => 2,
        (Some(Sz::N64), _) | (None, NumType::I64 | NumType::F64) => 3,
    };
    (num(t), exponent)
}

impl<'m, const BUILD: bool, const OFFSETS: bool> Check<'_, 'm, BUILD, OFFSETS> {
    /// binary-expr and `Expr_ok`: instructions up to the `end` of the body's frame, which must
    /// be the body's last byte.
    #[inline(always)]
    fn expr(&mut self) -> Option<()> {
        loop {
            let at = self.pos;
            let op = self.byte()?;
            match op {
                0x00 => {
                    self.unreachable();
                    self.emit(at, || Instr::Unreachable);
                }
                0x01 => self.emit(at, || Instr::Nop),
                0x02 => {
                    let (start, end, bt) = self.blocktype()?;
                    self.pop_vals(start)?;
                    self.push_ctrl(Kind::Block, start, end)?;
                    self.emit(at, || Instr::Block(bt));
                }
                0x03 => {
                    let (start, end, bt) = self.blocktype()?;
                    self.pop_vals(start)?;
                    self.push_ctrl(Kind::Loop, start, end)?;
                    self.emit(at, || Instr::Loop(bt));
                }
                0x04 => {
                    let (start, end, bt) = self.blocktype()?;
                    self.pop(I32)?;
                    self.pop_vals(start)?;
                    self.push_ctrl(Kind::If, start, end)?;
                    self.emit(at, || Instr::If(bt));
                }
                0x05 => {
                    let frame = self.frame();
                    if frame.kind != Kind::If {
                        return None;
                    }
                    self.pop_ctrl()?;
                    self.push_ctrl(Kind::Else, frame.start, frame.end)?;
                    self.emit(at, || Instr::Else);
                }
                0x0b => {
                    let frame = self.frame();
                    if frame.kind == Kind::If {
                        self.pop_ctrl()?;
                        self.push_ctrl(Kind::Else, frame.start, frame.end)?;
                    }
                    self.pop_ctrl()?;
                    self.emit(at, || Instr::End);
                    if self.ctrls.is_empty() {
                        // The body's own end: nothing may follow it.
                        return (self.pos == self.bytes.len()).then_some(());
                    }
                    self.push_vals(frame.end)?;
                }
                0x0c => {
                    let (l, ts) = self.label()?;
                    self.pop_vals(ts)?;
                    self.unreachable();
                    self.emit(at, || Instr::Br(l));
                }
                0x0d => {
                    let (l, ts) = self.label()?;
                    self.pop(I32)?;
                    self.pop_vals(ts)?;
                    self.push_vals(ts)?;
                    self.emit(at, || Instr::BrIf(l));
                }
                0x0e => self.br_table(at)?,
                0x0f => {
                    self.pop_vals(self.results)?;
                    self.unreachable();
                    self.emit(at, || Instr::Return);
                }
                0x10 => {
                    let x = self.u32()?;
                    let y = (*self.cc.funcs.get(x as usize)?)?;
                    self.call(y)?;
                    self.emit(at, || Instr::Call(x));
                }
                0x11 => {
                    let y = self.u32()?;
                    let (x, table) = self.table_of(false)?;
                    if !table.funcs {
                        return None;
                    }
                    self.pop(table.addr)?;
                    self.call(y)?;
                    self.emit(at, || Instr::CallIndirect(x, y));
                }
                0x1a => {
                    self.pop_val()?;
                    self.emit(at, || Instr::Drop);
                }
                0x1b => {
                    self.pop(I32)?;
                    let (t1, t2) = (self.pop_val()?, self.pop_val()?);
                    if is_ref(t1) || is_ref(t2) || (t1 != t2 && t1 != BOT && t2 != BOT) {
                        return None;
                    }
                    self.push(if t1 == BOT { t2 } else { t1 });
                    self.emit(at, || Instr::Select(None));
                }
                0x20 => {
                    let (x, t) = self.local()?;
                    self.push(t);
                    self.emit(at, || Instr::LocalGet(x));
                }
                0x21 => {
                    let (x, t) = self.local()?;
                    self.pop(t)?;
                    self.emit(at, || Instr::LocalSet(x));
                }
                0x22 => {
                    let (x, t) = self.local()?;
                    self.op(t, NONE, t)?;
                    self.emit(at, || Instr::LocalTee(x));
                }
                0x23 => {
                    let x = self.u32()?;
                    let g = *self.cc.globals.get(x as usize)?;
                    if g == NONE {
                        return None;
                    }
                    self.push(g & !MUT);
                    self.emit(at, || Instr::GlobalGet(x));
                }
                0x24 => {
                    let x = self.u32()?;
                    let g = *self.cc.globals.get(x as usize)?;
                    if g == NONE || g & MUT == 0 {
                        return None;
                    }
                    self.pop(g & !MUT)?;
                    self.emit(at, || Instr::GlobalSet(x));
                }
                0x25 => {
                    let (x, table) = self.table_of(true)?;
                    self.op(table.addr, NONE, table.elem)?;
                    self.emit(at, || Instr::TableGet(x));
                }
                0x26 => {
                    let (x, table) = self.table_of(true)?;
                    self.pop(table.elem)?;
                    self.pop(table.addr)?;
                    self.emit(at, || Instr::TableSet(x));
                }
                0x28..=0x35 => {
                    let (t, natural) = LOADS[usize::from(op - 0x28)];
                    let (addr, x, m) = self.memarg(natural)?;
                    self.op(addr, NONE, t)?;
                    // Built before `emit` (see there).
                    if BUILD {
                        let (t, op) = scalar::LOADS[usize::from(op - 0x28)];
                        let instr = Instr::Load(t, op, x, m);
                        self.emit(at, || instr);
                    }
                }
                0x36..=0x3e => {
                    let (t, natural) = STORES[usize::from(op - 0x36)];
                    let (addr, x, m) = self.memarg(natural)?;
                    self.pop(t)?;
                    self.pop(addr)?;
                    // Built before `emit` (see there).
                    if BUILD {
                        let (t, sz) = scalar::STORES[usize::from(op - 0x36)];
                        let instr = Instr::Store(t, sz, x, m);
                        self.emit(at, || instr);
                    }
                }
                0x3f => {
                    let (x, addr) = self.mem()?;
                    self.push(addr);
                    self.emit(at, || Instr::MemorySize(x));
                }
                0x40 => {
                    let (x, addr) = self.mem()?;
                    self.pop(addr)?;
                    self.push(addr);
                    self.emit(at, || Instr::MemoryGrow(x));
                }
                0x41 => {
                    let n = self.sint(32)?;
                    self.push(I32);
                    self.emit(at, || Instr::Const(Num::I32(n as i32 as u32)));
                }
                0x42 => {
                    let n = self.sint(64)?;
                    self.push(I64);
                    self.emit(at, || Instr::Const(Num::I64(n as u64)));
                }
                0x43 => {
                    let bits = self.array::<4>()?;
                    self.push(F32);
                    self.emit(at, || Instr::Const(Num::F32(F32Bits(u32::from_le_bytes(bits)))));
                }
                0x44 => {
                    let bits = self.array::<8>()?;
                    self.push(F64);
                    self.emit(at, || Instr::Const(Num::F64(F64Bits(u64::from_le_bytes(bits)))));
                }
                0x45..=0xc4 => {
                    let [t1, t2, t] = NUMERIC[usize::from(op - 0x45)];
                    self.op(t1, t2, t)?;
                    // Built before `emit` (see there).
                    if BUILD {
                        let instr = scalar::numeric(op);
                        self.emit(at, || instr);
                    }
                }
                0xd0 => {
                    let (t, ht) = match self.byte()? {
                        0x70 => (FUNCREF, AbsHeapType::Func),
                        0x6f => (EXTERNREF, AbsHeapType::Extern),
                        _ => return None,
                    };
                    self.push(t);
                    self.emit(at, || Instr::RefNull(HeapType::Abs(ht)));
                }
                0xd1 => {
                    let t = self.pop_val()?;
                    if t != BOT && !is_ref(t) {
                        return None;
                    }
                    self.push(I32);
                    self.emit(at, || Instr::RefIsNull);
                }
                0xfc => self.prefixed(at)?,
                _ => return None,
            }
        }
    }

    /// Build `instr`, the instruction whose opcode is the body's byte `at` (when building).
    /// Where building it takes a table lookup (numeric instructions, loads and stores), the
    /// caller builds it under `if BUILD` and hands over the value: as a closure it stayed a
    /// call (30 machine instructions each, 2.5% of building swc's bodies).
    #[inline(always)]
    fn emit(&mut self, at: usize, instr: impl FnOnce() -> Instr) {
        if BUILD {
            push(&mut self.instrs, instr());
        }
        if BUILD && OFFSETS {
            push(&mut self.offsets, u32::try_from(self.base + at).unwrap_or(u32::MAX));
        }
    }

    /// The instructions of prefix 0xFC this checker knows: `trunc_sat`, `memory.copy`,
    /// `memory.fill`, `table.grow`, `table.size`, `table.fill`.
    #[inline(always)]
    fn prefixed(&mut self, at: usize) -> Option<()> {
        match self.u32()? {
            op @ 0..=7 => {
                let (t1, t) = TRUNC_SAT[op as usize];
                self.op(t1, NONE, t)?;
                self.emit(at, || {
                    let (t1, t2, sx) = scalar::TRUNC_SATS[op as usize];
                    Instr::Cvtop(t1, t2, Cvtop::TruncSat(sx))
                });
            }
            10 => {
                let ((x1, at1), (x2, at2)) = (self.mem()?, self.mem()?);
                // `$minat(at_1, at_2)`: I32 unless both are I64.
                self.pop(at1.min(at2))?;
                self.pop(at2)?;
                self.pop(at1)?;
                self.emit(at, || Instr::MemoryCopy(x1, x2));
            }
            11 => {
                let (x, addr) = self.mem()?;
                self.pop(addr)?;
                self.pop(I32)?;
                self.pop(addr)?;
                self.emit(at, || Instr::MemoryFill(x));
            }
            15 => {
                let (x, table) = self.table_of(true)?;
                self.pop(table.addr)?;
                self.pop(table.elem)?;
                self.push(table.addr);
                self.emit(at, || Instr::TableGrow(x));
            }
            16 => {
                let (x, table) = self.table_of(false)?;
                self.push(table.addr);
                self.emit(at, || Instr::TableSize(x));
            }
            17 => {
                let (x, table) = self.table_of(true)?;
                self.pop(table.addr)?;
                self.pop(table.elem)?;
                self.pop(table.addr)?;
                self.emit(at, || Instr::TableFill(x));
            }
            _ => return None,
        }
        Some(())
    }

    /// `Instr_ok/br_table`: every label's types match the operands, each as many as the
    /// default's.
    #[inline(always)]
    fn br_table(&mut self, at: usize) -> Option<()> {
        let n = self.u32()?;
        self.pop(I32)?;
        let start = self.pos;
        let (l, default) = {
            for _ in 0..n {
                self.u32()?;
            }
            self.label()?
        };
        let end = self.pos;
        self.pos = start;
        let mut ls = Vec::new();
        for _ in 0..n {
            let (l, ts) = self.label()?;
            if ts.len() != default.len() {
                return None;
            }
            self.peek_vals(ts)?;
            if BUILD {
                ls.push(l);
            }
        }
        self.pos = end;
        self.pop_vals(default)?;
        self.unreachable();
        self.emit(at, || Instr::BrTable(ls.into(), l));
        Some(())
    }

    /// `Instr_ok/call`, `Instr_ok/call_indirect`: the callee's parameters popped, its results
    /// pushed.
    #[inline(always)]
    fn call(&mut self, y: TypeIdx) -> Option<()> {
        let sig = self.cc.sig(y)?;
        self.pop_vals(&sig.params)?;
        self.push_vals(&sig.results)?;
        Some(())
    }

    // The immediates.

    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// `N` bytes (a float's).
    #[inline(always)]
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let bytes = self.bytes.get(self.pos..self.pos + N)?;
        self.pos += N;
        bytes.try_into().ok()
    }

    /// binary-uint `u32` (an index, a count, memarg flags).
    #[inline(always)]
    fn u32(&mut self) -> Option<u32> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Some(u32::from(b))
            }
            _ => self.uint(32).map(|n| n as u32),
        }
    }

    /// binary-uint `u64` (an offset).
    #[inline(always)]
    fn u64(&mut self) -> Option<u64> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Some(u64::from(b))
            }
            _ => self.uint(64),
        }
    }

    /// binary-uint `uN`: at most `ceil(N/7)` bytes, the unused bits of the last zero.
    #[inline(always)]
    fn uint(&mut self, n: u32) -> Option<u64> {
        let (mut result, mut shift) = (0u64, 0);
        loop {
            let left = n.checked_sub(shift).filter(|&l| l > 0)?;
            let b = self.byte()?;
            if left < 7 && u32::from(b & 0x7f) >= 1 << left {
                return None;
            }
            result |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(result);
            }
            shift += 7;
        }
    }

    /// binary-sint `sN`: at most `ceil(N/7)` bytes, the unused bits of the last all equal to
    /// its sign bit.
    #[inline(always)]
    fn sint(&mut self, n: u32) -> Option<i64> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Some(i64::from(((b << 1) as i8) >> 1))
            }
            _ => self.sint_bytes(n),
        }
    }

    /// [`Check::sint`] byte by byte.
    #[inline(always)]
    fn sint_bytes(&mut self, n: u32) -> Option<i64> {
        let (mut result, mut shift) = (0i64, 0);
        loop {
            let left = n.checked_sub(shift).filter(|&l| l > 0)?;
            let b = self.byte()?;
            if left < 7 {
                let mask = (0x7f << (left - 1)) as u8 & 0x7f;
                if b & mask != 0 && b & mask != mask {
                    return None;
                }
            }
            result |= i64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                if b & 0x40 != 0 && shift < 64 {
                    result |= -1 << shift;
                }
                return Some(result);
            }
        }
    }

    /// binary-blocktype and `Blocktype_ok`: empty, one number type, or a function type by
    /// its index (an `s33` at least zero).
    #[inline(always)]
    fn blocktype(&mut self) -> Option<(&'m [T], &'m [T], BlockType)> {
        let one = match *self.bytes.get(self.pos)? {
            0x40 => Some(None),
            0x7f => Some(Some(ValType::I32)),
            0x7e => Some(Some(ValType::I64)),
            0x7d => Some(Some(ValType::F32)),
            0x7c => Some(Some(ValType::F64)),
            0x70 => Some(Some(ValType::FUNCREF)),
            0x6f => Some(Some(ValType::EXTERNREF)),
            _ => None,
        };
        if let Some(t) = one {
            self.pos += 1;
            let end: &'m [T] = match t {
                None => &[],
                Some(t) => &ONE[usize::from(code(t)?)],
            };
            return Some((&[], end, BlockType::Result(t)));
        }
        let y = u32::try_from(self.sint(33)?).ok()?;
        let sig = self.cc.sig(y)?;
        Some((&sig.params, &sig.results, BlockType::Idx(y)))
    }

    /// binary-memarg (Wasm 3.0) and the premises of the memory instructions on it: the memory
    /// exists, the alignment is at most the `natural` one, a 32-bit memory's offset fits in
    /// 32 bits. The memory's address type, the memory and the memarg.
    #[inline(always)]
    fn memarg(&mut self, natural: u32) -> Option<(T, u32, MemArg)> {
        let flags = self.u32()?;
        if flags >= 1 << 7 {
            return None;
        }
        let x = if flags & 1 << 6 != 0 { self.u32()? } else { 0 };
        let offset = self.u64()?;
        let at = *self.cc.mems.get(x as usize)?;
        if flags & 0x3f > natural || (at == I32 && offset > u32::MAX.into()) {
            return None;
        }
        Some((at, x, MemArg { align: flags & 0x3f, offset }))
    }

    /// A local index `x` and `C.LOCALS[x]`'s type.
    #[inline(always)]
    fn local(&mut self) -> Option<(u32, T)> {
        let x = self.u32()?;
        Some((x, *self.locals.get(x as usize)?))
    }

    /// A table index and the table, if its element type is known where `elems` asks it.
    #[inline(always)]
    fn table_of(&mut self, elems: bool) -> Option<(u32, Table)> {
        let x = self.u32()?;
        let table = *self.cc.tables.get(x as usize)?;
        (!elems || table.elem != NONE).then_some((x, table))
    }

    /// A memory index (`memory.size` and its kin) and the memory's address type.
    #[inline(always)]
    fn mem(&mut self) -> Option<(u32, T)> {
        let x = self.u32()?;
        Some((x, *self.cc.mems.get(x as usize)?))
    }

    // The operand and control stacks, as in [`super::instructions`]; the innermost frame's
    // height and reachability also in `height` and `unreachable`, which every pop reads.

    #[inline(always)]
    fn frame(&self) -> Ctrl<'m> {
        *self.ctrls.last().expect("an instruction is checked inside a frame")
    }

    #[inline(always)]
    fn push(&mut self, t: T) {
        self.vals.push(t);
    }

    /// Push `ts`, one by one (most are a type or two, which a copy of the slice costs more),
    /// out of the [`Check::budget`].
    #[inline(always)]
    fn push_vals(&mut self, ts: &[T]) -> Option<()> {
        self.budget = self.budget.checked_sub(ts.len())?;
        for &t in ts {
            self.vals.push(t);
        }
        Some(())
    }

    /// `pop_val`: any operand, `bot` from an unreachable frame.
    #[inline(always)]
    fn pop_val(&mut self) -> Option<T> {
        if self.vals.len() > self.height {
            return self.vals.pop();
        }
        self.unreachable.then_some(BOT)
    }

    /// Pop an operand of type `t` (or `bot`).
    #[inline(always)]
    fn pop(&mut self, t: T) -> Option<()> {
        let n = self.vals.len();
        if n > self.height {
            let u = self.vals[n - 1];
            self.vals.truncate(n - 1);
            return (u == t || u == BOT).then_some(());
        }
        self.unreachable.then_some(())
    }

    /// An instruction of type `t_1 -> t` (`t_2` [`NONE`]) or `t_1 t_2 -> t`: where the
    /// operands are there and of exactly those types, the result takes their place at once.
    #[inline(always)]
    fn op(&mut self, t1: T, t2: T, t: T) -> Option<()> {
        let vals = &mut self.vals;
        let n = vals.len();
        if t2 == NONE {
            if n > self.height && vals[n - 1] == t1 {
                vals[n - 1] = t;
                return Some(());
            }
        } else if n > self.height + 1 && vals[n - 1] == t2 && vals[n - 2] == t1 {
            vals[n - 2] = t;
            vals.truncate(n - 1);
            return Some(());
        }
        if t2 != NONE {
            self.pop(t2)?;
        }
        self.pop(t1)?;
        self.push(t);
        Some(())
    }

    /// `pop_vals`: operands of the types `ts`, the last on top.
    #[inline(always)]
    fn pop_vals(&mut self, ts: &[T]) -> Option<()> {
        for &t in ts.iter().rev() {
            self.pop(t)?;
        }
        Some(())
    }

    /// The operands on top are of the types `ts` (or `bot`, or missing from an unreachable
    /// frame), left in place.
    #[inline(always)]
    fn peek_vals(&self, ts: &[T]) -> Option<()> {
        let avail = &self.vals[self.height.min(self.vals.len())..];
        let n = ts.len().min(avail.len());
        let present = n == ts.len() || self.unreachable;
        let top = &avail[avail.len() - n..];
        (present && top.iter().zip(&ts[ts.len() - n..]).all(|(&u, &t)| u == t || u == BOT)).then_some(())
    }

    #[inline(always)]
    fn push_ctrl(&mut self, kind: Kind, start: &'m [T], end: &'m [T]) -> Option<()> {
        let height = self.vals.len();
        self.ctrls.push(Ctrl { kind, start, end, height, unreachable: false });
        (self.height, self.unreachable) = (height, false);
        self.push_vals(start)
    }

    /// Close the innermost frame: its results, and nothing under them, on its stack.
    #[inline(always)]
    fn pop_ctrl(&mut self) -> Option<()> {
        let frame = self.frame();
        self.pop_vals(frame.end)?;
        if self.vals.len() != frame.height {
            return None;
        }
        self.ctrls.pop();
        if let Some(outer) = self.ctrls.last() {
            (self.height, self.unreachable) = (outer.height, outer.unreachable);
        }
        Some(())
    }

    #[inline(always)]
    fn unreachable(&mut self) {
        let frame = self.ctrls.last_mut().expect("an instruction is checked inside a frame");
        frame.unreachable = true;
        self.unreachable = true;
        self.vals.truncate(self.height);
    }

    /// `l` read, and `C.LABELS[l]`: a loop's start types, any other frame's end types.
    #[inline(always)]
    fn label(&mut self) -> Option<(u32, &'m [T])> {
        let l = self.u32()?;
        let ctrls = &self.ctrls;
        let frame = ctrls.get(ctrls.len().checked_sub(l as usize + 1)?)?;
        Some((l, if frame.kind == Kind::Loop { frame.start } else { frame.end }))
    }
}

/// `v.push(x)`, inlined where it is called: `Vec::push` from the checker's hundred places
/// of building stayed a call (20 machine instructions each, 1.6% of compiling).
#[inline(always)]
fn push<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        v.reserve(1);
    }
    let len = v.len();
    // SAFETY: there is room for one more (reserved above), and the element at the old length
    // is written before the length takes it in. (Through `spare_capacity_mut()[0]`, the
    // slice's bounds were checked again.)
    unsafe {
        v.as_mut_ptr().add(len).write(x);
        v.set_len(len + 1);
    }
}
