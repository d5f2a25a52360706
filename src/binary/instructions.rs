//! 5.4 Instructions, decoded flat: see the module docs of [`crate::syntax::instructions`].

use super::{Reader, Result};
use crate::Spec;
use crate::rules::{self, Rule};
use crate::syntax::Relop;
use crate::syntax::opcodes::{self, Op, Opcode};
use crate::syntax::scalar::{self, FRELOPS, IRELOPS, LOADS, STORES, TRUNC_SATS};
use crate::syntax::{
    BlockType, Catch, Cvtop, Expr, FUnop, FieldIdx, Half, IRelop, Instr, MemArg, MemIdx, Num, RefType, Shape,
    Sx, Sz, TypeIdx, VBinop, VCvtop, VExtbinop, VExtternop, VExtunop, VFBinop, VIBinop, VIUnop, VLoadOp,
    VShiftop, VSwizzlop, VTernop, VTestop, VUnop, VVbinop, VVternop, VVtestop, VVunop,
};
use smallvec::SmallVec;
// `I::Relop`: the variants of `Instr` share their names with the operator types.
use Instr as I;

use Half::{High, Low};
use Shape::{F32x4, F64x2, I8x16, I16x8, I32x4, I64x2};
use Sx::{S, U};

/// A block open in the expression being decoded, by what may come next: `Else` only inside
/// an `if` that has none yet.
#[derive(Copy, Clone, PartialEq)]
enum Open {
    Block,
    If,
    Else,
}

impl Reader<'_> {
    /// binary-expr: `instr* 0x0B`, flat, in an `Expr` of its own. This is how the constant
    /// expressions of the sections are read, mostly an instruction and its `end`, which an
    /// `Expr` holds without allocating (a module may hold a hundred thousand data segments).
    pub(super) fn expr(&mut self) -> Result<Expr> {
        if let Some(expr) = self.i32_const_expr() {
            return Ok(expr);
        }
        let mut expr = Expr::default();
        self.expr_into(&mut expr)?;
        // Inline again where it is short.
        expr.instrs.shrink_to_fit();
        expr.offsets.shrink_to_fit();
        Ok(expr)
    }

    /// The most common constant expression, `i32.const n end` (an offset), read at once: what
    /// [`Reader::expr_into`] would make of it, the reader left as it would leave it. `None`,
    /// and nothing read, for anything else.
    fn i32_const_expr(&mut self) -> Option<Expr> {
        let at = self.pos;
        let (n, len) = match self.bytes.get(at..)? {
            [0x41, rest @ ..] => short_s32(rest)?,
            _ => return None,
        };
        let end = at + 1 + len;
        if self.bytes.get(end) != Some(&0x0b) {
            return None;
        }
        self.pos = end + 1;
        self.ctx = rules::BINARY_EXPR;
        let offsets = SmallVec::from_buf([super::offset32(at), super::offset32(end)]);
        Some(Expr { instrs: SmallVec::from_buf([Instr::Const(Num::I32(n)), Instr::End]), offsets })
    }

    /// binary-expr: `instr* 0x0B`, flat, into `expr` (emptied first, its buffers reused). A
    /// stack of the blocks open says which `else` and `end` are allowed (binary-block,
    /// binary-loop, binary-if, binary-try_table), so no nesting depth costs Rust stack; the
    /// expression ends at the `end` that closes no block.
    pub(super) fn expr_into(&mut self, expr: &mut Expr) -> Result<()> {
        // Pushed onto plain vectors (a body's buffers move out of the `Expr` and back without
        // a copy): the inline storage's checks on every push cost a fifth of decoding.
        let mut instrs = std::mem::take(&mut expr.instrs).into_vec();
        let mut offsets = std::mem::take(&mut expr.offsets).into_vec();
        crate::syntax::clear_instrs(&mut instrs);
        offsets.clear();
        let decoded = self.instrs_into(&mut instrs, &mut offsets);
        (expr.instrs, expr.offsets) = (SmallVec::from_vec(instrs), SmallVec::from_vec(offsets));
        decoded
    }

    /// [`Reader::expr_into`]'s instructions and their offsets, onto empty `instrs` and `offsets`.
    fn instrs_into(&mut self, instrs: &mut Vec<Instr>, offsets: &mut Vec<u32>) -> Result<()> {
        let mut open = Vec::new();
        // Each instruction is built in one of two places in turn and moved into `instrs` an
        // instruction later: an `Instr` moved whole right after the narrow stores that built
        // it waits on them, which was half of the decoder's time.
        let mut places = [Instr::Nop, Instr::Nop];
        let mut k = 0;
        loop {
            let at = self.pos;
            self.ctx = rules::BINARY_EXPR;
            let place = &mut places[k];
            match self.peek() {
                Some(0x0b) => {
                    self.pos += 1;
                    *place = Instr::End;
                }
                Some(0x05) => match open.last_mut() {
                    Some(top @ Open::If) => {
                        *top = Open::Else;
                        self.pos += 1;
                        *place = Instr::Else;
                    }
                    top => {
                        let rule = match top {
                            Some(Open::Block) => rules::BINARY_BLOCK,
                            Some(_) => rules::BINARY_IF,
                            None => rules::BINARY_EXPR,
                        };
                        return self.error(at, "END opcode expected", rule);
                    }
                },
                _ => self.instr(place)?,
            }
            let done = match place {
                Instr::Block(_) | Instr::Loop(_) | Instr::TryTable(..) => {
                    open.push(Open::Block);
                    false
                }
                Instr::If(_) => {
                    open.push(Open::If);
                    false
                }
                Instr::End => open.pop().is_none(),
                _ => false,
            };
            // The previous instruction's turn: its stores are done by now.
            if !offsets.is_empty() {
                instrs.push(std::mem::replace(&mut places[k ^ 1], Instr::Nop));
            }
            offsets.push(super::offset32(at));
            if done {
                instrs.push(std::mem::replace(&mut places[k], Instr::Nop));
                return Ok(());
            }
            k ^= 1;
        }
    }

    /// binary-instr: one instruction other than `else` and `end`, by its opcode, built in
    /// `place` (see [`Reader::expr_into`]).
    #[inline(always)]
    fn instr(&mut self, place: &mut Instr) -> Result<()> {
        let at = self.pos;
        let op = self.byte()?;
        self.ctx = family(op);
        // Wasm 2.0 has none of the opcodes of this byte (the prefix 0xFB among them).
        if !self.v3() && opcodes::byte_since(op) == Some(Spec::V3) {
            return self.illegal(at, op, None);
        }
        match op {
            0x00 => *place = I::Unreachable,
            0x01 => *place = I::Nop,
            0x02 => *place = I::Block(self.blocktype()?),
            0x03 => *place = I::Loop(self.blocktype()?),
            0x04 => *place = I::If(self.blocktype()?),
            0x08 => *place = I::Throw(self.idx()?),
            0x0a => *place = I::ThrowRef,
            0x0c => *place = I::Br(self.idx()?),
            0x0d => *place = I::BrIf(self.idx()?),
            0x0e => {
                let ls = self.list(Self::idx)?;
                *place = I::BrTable(ls.into(), self.idx()?);
            }
            0x0f => *place = I::Return,
            0x10 => *place = I::Call(self.idx()?),
            0x11 => {
                let y = self.idx()?;
                *place = I::CallIndirect(self.idx()?, y);
            }
            0x12 => *place = I::ReturnCall(self.idx()?),
            0x13 => {
                let y = self.idx()?;
                *place = I::ReturnCallIndirect(self.idx()?, y);
            }
            0x14 => *place = I::CallRef(self.idx()?),
            0x15 => *place = I::ReturnCallRef(self.idx()?),
            0x1a => *place = I::Drop,
            0x1b => *place = I::Select(None),
            0x1c => *place = I::Select(Some(self.list(Self::valtype)?.into())),
            0x1f => {
                let bt = self.blocktype()?;
                *place = I::TryTable(bt, Box::new(self.list(Self::catch)?));
            }
            0x20 => *place = I::LocalGet(self.idx()?),
            0x21 => *place = I::LocalSet(self.idx()?),
            0x22 => *place = I::LocalTee(self.idx()?),
            0x23 => *place = I::GlobalGet(self.idx()?),
            0x24 => *place = I::GlobalSet(self.idx()?),
            0x25 => *place = I::TableGet(self.idx()?),
            0x26 => *place = I::TableSet(self.idx()?),
            0x28..=0x35 => {
                let (t, op) = LOADS[usize::from(op - 0x28)];
                let (x, m) = self.memarg()?;
                *place = I::Load(t, op, x, m);
            }
            0x36..=0x3e => {
                let (t, sz) = STORES[usize::from(op - 0x36)];
                let (x, m) = self.memarg()?;
                *place = I::Store(t, sz, x, m);
            }
            0x3f => *place = I::MemorySize(self.memidx(rules::BINARY_MEMORY_SIZE)?),
            0x40 => *place = I::MemoryGrow(self.memidx(rules::BINARY_MEMORY_GROW)?),
            0x41 => *place = I::Const(Num::I32(self.i32()?)),
            0x42 => *place = I::Const(Num::I64(self.i64()?)),
            0x43 => *place = I::Const(Num::F32(self.f32()?)),
            0x44 => *place = I::Const(Num::F64(self.f64()?)),
            0x45..=0xc4 => *place = scalar::numeric(op),
            0xd0 => *place = I::RefNull(self.heaptype()?),
            0xd1 => *place = I::RefIsNull,
            0xd2 => *place = I::RefFunc(self.idx()?),
            0xd3 => *place = I::RefEq,
            0xd4 => *place = I::RefAsNonNull,
            0xd5 => *place = I::BrOnNull(self.idx()?),
            0xd6 => *place = I::BrOnNonNull(self.idx()?),
            0xfb => *place = self.instr_fb(at)?,
            0xfc => *place = self.instr_fc(at)?,
            0xfd => *place = self.instr_fd(at)?,
            _ => return self.illegal(at, op, None),
        }
        Ok(())
    }

    /// A prefixed opcode of a feature that is not part of the spec being decoded (relaxed
    /// SIMD under 2.0) is as illegal as one that does not exist.
    fn gate(&self, at: usize, byte: u8, sub: u32) -> Result<()> {
        let opcode = Opcode { byte, sub: Some(sub) };
        match Op::from_opcode(opcode) {
            Some(op) if !op.info().feature.in_spec(self.spec) => self.illegal(at, byte, Some(sub)),
            _ => Ok(()),
        }
    }

    /// `illegal opcode XX`, or `illegal opcode XX YY` for a prefixed one. An opcode of the
    /// legacy exception handling (`try`, `catch`, `rethrow`, `delegate`, `catch_all`) says
    /// so: it never was Wasm 3.0, whose `try_table` replaced it.
    fn illegal<T>(&self, at: usize, op: u8, sub: Option<u32>) -> Result<T> {
        let legacy = match op {
            0x06 => Some("try"),
            0x07 => Some("catch"),
            0x09 => Some("rethrow"),
            0x18 => Some("delegate"),
            0x19 => Some("catch_all"),
            _ => None,
        };
        let message = match (sub, legacy) {
            (None, Some(name)) => {
                format!(
                    "illegal opcode {op:02x} (legacy exception handling `{name}`, not Wasm 3.0: use try_table)"
                )
            }
            (None, None) => format!("illegal opcode {op:02x}"),
            (Some(n), _) => format!("illegal opcode {op:02x} {n:02x}"),
        };
        self.error(at, message, rules::BINARY_INSTR)
    }

    /// binary-blocktype: `0x40` for no result, a value type for one, or the index of a
    /// function type as a non-negative `s33`.
    fn blocktype(&mut self) -> Result<BlockType> {
        if self.peek() == Some(0x40) {
            self.pos += 1;
            return Ok(BlockType::Result(None));
        }
        let at = self.pos;
        match self.s33() {
            Ok(x) if x >= 0 => Ok(BlockType::Idx(x as u32)),
            _ => {
                self.pos = at;
                Ok(BlockType::Result(Some(self.valtype()?)))
            }
        }
    }

    /// binary-catch: the clauses of `try_table`.
    fn catch(&mut self) -> Result<Catch> {
        let at = self.pos;
        Ok(match self.byte()? {
            0x00 => Catch::Catch(self.idx()?, self.idx()?),
            0x01 => Catch::CatchRef(self.idx()?, self.idx()?),
            0x02 => Catch::CatchAll(self.idx()?),
            0x03 => Catch::CatchAllRef(self.idx()?),
            _ => return self.error(at, "malformed catch clause", rules::BINARY_CATCH),
        })
    }

    /// binary-memarg. Wasm 3.0: flags below `2^7`, whose bit 6 says a memory index follows
    /// (otherwise memory 0) and whose low bits are the alignment exponent; a `u64` offset.
    /// Wasm 2.0: an alignment exponent below 32 and a `u32` offset.
    fn memarg(&mut self) -> Result<(MemIdx, MemArg)> {
        let at = self.pos;
        let flags = self.u32()?;
        if !self.v3() {
            if flags >= 32 {
                return self.error(at, "malformed memop flags", rules::BINARY_MEMARG);
            }
            return Ok((0, MemArg { align: flags, offset: self.u32()?.into() }));
        }
        if flags >= 1 << 7 {
            return self.error(at, "malformed memop flags", rules::BINARY_MEMARG);
        }
        let x = if flags & 1 << 6 != 0 { self.idx()? } else { 0 };
        Ok((x, MemArg { align: flags & 0x3f, offset: self.u64()? }))
    }

    /// The memory index of `memory.size` and its kin, which Wasm 2.0 reserves as a zero byte.
    fn memidx(&mut self, rule: Rule) -> Result<MemIdx> {
        if self.v3() {
            return self.idx();
        }
        self.expect(0x00, "zero byte expected", rule)?;
        Ok(0)
    }

    /// binary-laneidx: a byte.
    fn laneidx(&mut self) -> Result<u8> {
        self.byte()
    }

    /// A type index and a field index (binary-struct.get and its kin).
    fn typeidx_fieldidx(&mut self) -> Result<(TypeIdx, FieldIdx)> {
        Ok((self.idx()?, self.idx()?))
    }

    /// binary-castop: which of the two reference types of `br_on_cast` are nullable.
    fn castop(&mut self) -> Result<(bool, bool)> {
        let at = self.pos;
        match self.byte()? {
            flags @ 0..=3 => Ok((flags & 1 != 0, flags & 2 != 0)),
            _ => self.error(at, "malformed br_on_cast flags", rules::BINARY_CASTOP),
        }
    }

    /// binary-instr-aggr, binary-instr-ref: the instructions of prefix `0xFB` (3.0 only).
    fn instr_fb(&mut self, at: usize) -> Result<Instr> {
        let sub = self.u32()?;
        self.gate(at, 0xfb, sub)?;
        let nonnull = |heap| RefType { nullable: false, heap };
        Ok(match sub {
            0 => I::StructNew(self.idx()?),
            1 => I::StructNewDefault(self.idx()?),
            2..=4 => {
                let (x, i) = self.typeidx_fieldidx()?;
                I::StructGet([None, Some(S), Some(U)][sub as usize - 2], x, i)
            }
            5 => {
                let (x, i) = self.typeidx_fieldidx()?;
                I::StructSet(x, i)
            }
            6 => I::ArrayNew(self.idx()?),
            7 => I::ArrayNewDefault(self.idx()?),
            8 => I::ArrayNewFixed(self.idx()?, self.u32()?),
            9 => I::ArrayNewData(self.idx()?, self.idx()?),
            10 => I::ArrayNewElem(self.idx()?, self.idx()?),
            11..=13 => I::ArrayGet([None, Some(S), Some(U)][sub as usize - 11], self.idx()?),
            14 => I::ArraySet(self.idx()?),
            15 => I::ArrayLen,
            16 => I::ArrayFill(self.idx()?),
            17 => I::ArrayCopy(self.idx()?, self.idx()?),
            18 => I::ArrayInitData(self.idx()?, self.idx()?),
            19 => I::ArrayInitElem(self.idx()?, self.idx()?),
            20 => I::RefTest(nonnull(self.heaptype()?)),
            21 => I::RefTest(RefType { nullable: true, heap: self.heaptype()? }),
            22 => I::RefCast(nonnull(self.heaptype()?)),
            23 => I::RefCast(RefType { nullable: true, heap: self.heaptype()? }),
            24 | 25 => {
                let (null1, null2) = self.castop()?;
                let l = self.idx()?;
                let rt1 = RefType { nullable: null1, heap: self.heaptype()? };
                let rt2 = RefType { nullable: null2, heap: self.heaptype()? };
                let rts = Box::new((rt1, rt2));
                if sub == 24 { I::BrOnCast(l, rts) } else { I::BrOnCastFail(l, rts) }
            }
            26 => I::AnyConvertExtern,
            27 => I::ExternConvertAny,
            28 => I::RefI31,
            29 => I::I31Get(S),
            30 => I::I31Get(U),
            _ => return self.illegal(at, 0xfb, Some(sub)),
        })
    }

    /// binary-instr-numeric, binary-instr-memory, binary-instr-table: the instructions of
    /// prefix `0xFC`.
    fn instr_fc(&mut self, at: usize) -> Result<Instr> {
        let sub = self.u32()?;
        self.gate(at, 0xfc, sub)?;
        Ok(match sub {
            0..=7 => {
                let (t1, t2, sx) = TRUNC_SATS[sub as usize];
                I::Cvtop(t1, t2, Cvtop::TruncSat(sx))
            }
            8 => {
                let y = self.idx()?;
                I::MemoryInit(self.memidx(rules::BINARY_MEMORY_INIT)?, y)
            }
            9 => I::DataDrop(self.idx()?),
            10 => {
                let x1 = self.memidx(rules::BINARY_MEMORY_COPY)?;
                I::MemoryCopy(x1, self.memidx(rules::BINARY_MEMORY_COPY)?)
            }
            11 => I::MemoryFill(self.memidx(rules::BINARY_MEMORY_FILL)?),
            12 => {
                let y = self.idx()?;
                I::TableInit(self.idx()?, y)
            }
            13 => I::ElemDrop(self.idx()?),
            14 => I::TableCopy(self.idx()?, self.idx()?),
            15 => I::TableGrow(self.idx()?),
            16 => I::TableSize(self.idx()?),
            17 => I::TableFill(self.idx()?),
            _ => return self.illegal(at, 0xfc, Some(sub)),
        })
    }

    /// `v128.load*` with its memarg.
    fn vload(&mut self, op: Option<VLoadOp>) -> Result<Instr> {
        let (x, m) = self.memarg()?;
        Ok(Instr::VLoad(op, x, m))
    }

    /// `v128.load*_lane` and `v128.store*_lane`: a memarg and a lane index.
    fn vlane(&mut self, sz: Sz, store: bool) -> Result<Instr> {
        let (x, m) = self.memarg()?;
        let l = self.laneidx()?;
        Ok(if store { Instr::VStoreLane(sz, x, m, l) } else { Instr::VLoadLane(sz, x, m, l) })
    }

    /// binary-instr-vec: the instructions of prefix `0xFD`; from 256 up, relaxed SIMD (3.0).
    fn instr_fd(&mut self, at: usize) -> Result<Instr> {
        let sub = self.u32()?;
        self.gate(at, 0xfd, sub)?;
        let ibin = |sh, op| I::VBinop(sh, VBinop::Int(op));
        let fbin = |sh, op| I::VBinop(sh, VBinop::Float(op));
        let iun = |sh, op| I::VUnop(sh, VUnop::Int(op));
        let fun = |sh, op| I::VUnop(sh, VUnop::Float(op));
        let idx = |sub: u32, base: u32| (sub - base) as usize;
        let ext = |sub, base| EXTS[idx(sub, base)];
        Ok(match sub {
            0 => self.vload(None)?,
            1..=6 => {
                let (sz, sx) =
                    [(Sz::N8, S), (Sz::N8, U), (Sz::N16, S), (Sz::N16, U), (Sz::N32, S), (Sz::N32, U)]
                        [idx(sub, 1)];
                self.vload(Some(VLoadOp::Shape(sz, (64 / sz.bits()) as u8, sx)))?
            }
            7..=10 => self.vload(Some(VLoadOp::Splat(SIZES[idx(sub, 7)])))?,
            11 => {
                let (x, m) = self.memarg()?;
                I::VStore(x, m)
            }
            12 => I::VConst(crate::syntax::V128(self.array()?)),
            13 => I::VShuffle(self.array()?),
            14 => I::VSwizzlop(VSwizzlop::Swizzle),
            15..=20 => I::VSplat(SHAPES[idx(sub, 15)]),
            21 => I::VExtractLane(I8x16, Some(S), self.laneidx()?),
            22 => I::VExtractLane(I8x16, Some(U), self.laneidx()?),
            23 => I::VReplaceLane(I8x16, self.laneidx()?),
            24 => I::VExtractLane(I16x8, Some(S), self.laneidx()?),
            25 => I::VExtractLane(I16x8, Some(U), self.laneidx()?),
            26 => I::VReplaceLane(I16x8, self.laneidx()?),
            27 | 29 | 31 | 33 => I::VExtractLane(SHAPES[idx(sub, 23) / 2], None, self.laneidx()?),
            28 | 30 | 32 | 34 => I::VReplaceLane(SHAPES[idx(sub, 24) / 2], self.laneidx()?),
            35..=44 => I::VRelop(I8x16, Relop::Int(IRELOPS[idx(sub, 35)])),
            45..=54 => I::VRelop(I16x8, Relop::Int(IRELOPS[idx(sub, 45)])),
            55..=64 => I::VRelop(I32x4, Relop::Int(IRELOPS[idx(sub, 55)])),
            65..=70 => I::VRelop(F32x4, Relop::Float(FRELOPS[idx(sub, 65)])),
            71..=76 => I::VRelop(F64x2, Relop::Float(FRELOPS[idx(sub, 71)])),
            77 => I::VVunop(VVunop::Not),
            78 => I::VVbinop(VVbinop::And),
            79 => I::VVbinop(VVbinop::AndNot),
            80 => I::VVbinop(VVbinop::Or),
            81 => I::VVbinop(VVbinop::Xor),
            82 => I::VVternop(VVternop::Bitselect),
            83 => I::VVtestop(VVtestop::AnyTrue),
            84..=87 => self.vlane(SIZES[idx(sub, 84)], false)?,
            88..=91 => self.vlane(SIZES[idx(sub, 88)], true)?,
            92 => self.vload(Some(VLoadOp::Zero(Sz::N32)))?,
            93 => self.vload(Some(VLoadOp::Zero(Sz::N64)))?,
            94 => I::VCvtop(F32x4, F64x2, VCvtop::Demote),
            95 => I::VCvtop(F64x2, F32x4, VCvtop::Promote),
            96 => iun(I8x16, VIUnop::Abs),
            97 => iun(I8x16, VIUnop::Neg),
            98 => iun(I8x16, VIUnop::Popcnt),
            99 => I::VTestop(I8x16, VTestop::AllTrue),
            100 => I::VBitmask(I8x16),
            101 => I::VNarrow(I8x16, I16x8, S),
            102 => I::VNarrow(I8x16, I16x8, U),
            103 => fun(F32x4, FUnop::Ceil),
            104 => fun(F32x4, FUnop::Floor),
            105 => fun(F32x4, FUnop::Trunc),
            106 => fun(F32x4, FUnop::Nearest),
            107 => I::VShiftop(I8x16, VShiftop::Shl),
            108 => I::VShiftop(I8x16, VShiftop::Shr(S)),
            109 => I::VShiftop(I8x16, VShiftop::Shr(U)),
            110 => ibin(I8x16, VIBinop::Add),
            111 => ibin(I8x16, VIBinop::AddSat(S)),
            112 => ibin(I8x16, VIBinop::AddSat(U)),
            113 => ibin(I8x16, VIBinop::Sub),
            114 => ibin(I8x16, VIBinop::SubSat(S)),
            115 => ibin(I8x16, VIBinop::SubSat(U)),
            116 => fun(F64x2, FUnop::Ceil),
            117 => fun(F64x2, FUnop::Floor),
            118 => ibin(I8x16, VIBinop::Min(S)),
            119 => ibin(I8x16, VIBinop::Min(U)),
            120 => ibin(I8x16, VIBinop::Max(S)),
            121 => ibin(I8x16, VIBinop::Max(U)),
            122 => fun(F64x2, FUnop::Trunc),
            123 => ibin(I8x16, VIBinop::Avgr),
            124 => I::VExtunop(I16x8, I8x16, VExtunop::ExtaddPairwise(S)),
            125 => I::VExtunop(I16x8, I8x16, VExtunop::ExtaddPairwise(U)),
            126 => I::VExtunop(I32x4, I16x8, VExtunop::ExtaddPairwise(S)),
            127 => I::VExtunop(I32x4, I16x8, VExtunop::ExtaddPairwise(U)),
            128 => iun(I16x8, VIUnop::Abs),
            129 => iun(I16x8, VIUnop::Neg),
            130 => ibin(I16x8, VIBinop::Q15mulrSat),
            131 => I::VTestop(I16x8, VTestop::AllTrue),
            132 => I::VBitmask(I16x8),
            133 => I::VNarrow(I16x8, I32x4, S),
            134 => I::VNarrow(I16x8, I32x4, U),
            135..=138 => {
                let (half, sx) = ext(sub, 135);
                I::VCvtop(I16x8, I8x16, VCvtop::Extend(half, sx))
            }
            139 => I::VShiftop(I16x8, VShiftop::Shl),
            140 => I::VShiftop(I16x8, VShiftop::Shr(S)),
            141 => I::VShiftop(I16x8, VShiftop::Shr(U)),
            142 => ibin(I16x8, VIBinop::Add),
            143 => ibin(I16x8, VIBinop::AddSat(S)),
            144 => ibin(I16x8, VIBinop::AddSat(U)),
            145 => ibin(I16x8, VIBinop::Sub),
            146 => ibin(I16x8, VIBinop::SubSat(S)),
            147 => ibin(I16x8, VIBinop::SubSat(U)),
            148 => fun(F64x2, FUnop::Nearest),
            149 => ibin(I16x8, VIBinop::Mul),
            150 => ibin(I16x8, VIBinop::Min(S)),
            151 => ibin(I16x8, VIBinop::Min(U)),
            152 => ibin(I16x8, VIBinop::Max(S)),
            153 => ibin(I16x8, VIBinop::Max(U)),
            155 => ibin(I16x8, VIBinop::Avgr),
            156..=159 => {
                let (half, sx) = ext(sub, 156);
                I::VExtbinop(I16x8, I8x16, VExtbinop::Extmul(half, sx))
            }
            160 => iun(I32x4, VIUnop::Abs),
            161 => iun(I32x4, VIUnop::Neg),
            163 => I::VTestop(I32x4, VTestop::AllTrue),
            164 => I::VBitmask(I32x4),
            167..=170 => {
                let (half, sx) = ext(sub, 167);
                I::VCvtop(I32x4, I16x8, VCvtop::Extend(half, sx))
            }
            171 => I::VShiftop(I32x4, VShiftop::Shl),
            172 => I::VShiftop(I32x4, VShiftop::Shr(S)),
            173 => I::VShiftop(I32x4, VShiftop::Shr(U)),
            174 => ibin(I32x4, VIBinop::Add),
            177 => ibin(I32x4, VIBinop::Sub),
            181 => ibin(I32x4, VIBinop::Mul),
            182 => ibin(I32x4, VIBinop::Min(S)),
            183 => ibin(I32x4, VIBinop::Min(U)),
            184 => ibin(I32x4, VIBinop::Max(S)),
            185 => ibin(I32x4, VIBinop::Max(U)),
            186 => I::VExtbinop(I32x4, I16x8, VExtbinop::Dot),
            188..=191 => {
                let (half, sx) = ext(sub, 188);
                I::VExtbinop(I32x4, I16x8, VExtbinop::Extmul(half, sx))
            }
            192 => iun(I64x2, VIUnop::Abs),
            193 => iun(I64x2, VIUnop::Neg),
            195 => I::VTestop(I64x2, VTestop::AllTrue),
            196 => I::VBitmask(I64x2),
            199..=202 => {
                let (half, sx) = ext(sub, 199);
                I::VCvtop(I64x2, I32x4, VCvtop::Extend(half, sx))
            }
            203 => I::VShiftop(I64x2, VShiftop::Shl),
            204 => I::VShiftop(I64x2, VShiftop::Shr(S)),
            205 => I::VShiftop(I64x2, VShiftop::Shr(U)),
            206 => ibin(I64x2, VIBinop::Add),
            209 => ibin(I64x2, VIBinop::Sub),
            213 => ibin(I64x2, VIBinop::Mul),
            214..=219 => {
                use IRelop::*;
                I::VRelop(I64x2, Relop::Int([Eq, Ne, Lt(S), Gt(S), Le(S), Ge(S)][idx(sub, 214)]))
            }
            220..=223 => {
                let (half, sx) = ext(sub, 220);
                I::VExtbinop(I64x2, I32x4, VExtbinop::Extmul(half, sx))
            }
            224 => fun(F32x4, FUnop::Abs),
            225 => fun(F32x4, FUnop::Neg),
            227 => fun(F32x4, FUnop::Sqrt),
            228..=235 => fbin(F32x4, VFBINOPS[idx(sub, 228)]),
            236 => fun(F64x2, FUnop::Abs),
            237 => fun(F64x2, FUnop::Neg),
            239 => fun(F64x2, FUnop::Sqrt),
            240..=247 => fbin(F64x2, VFBINOPS[idx(sub, 240)]),
            248 => I::VCvtop(I32x4, F32x4, VCvtop::TruncSat(S, false)),
            249 => I::VCvtop(I32x4, F32x4, VCvtop::TruncSat(U, false)),
            250 => I::VCvtop(F32x4, I32x4, VCvtop::Convert(None, S)),
            251 => I::VCvtop(F32x4, I32x4, VCvtop::Convert(None, U)),
            252 => I::VCvtop(I32x4, F64x2, VCvtop::TruncSat(S, true)),
            253 => I::VCvtop(I32x4, F64x2, VCvtop::TruncSat(U, true)),
            254 => I::VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), S)),
            255 => I::VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), U)),
            256 => I::VSwizzlop(VSwizzlop::RelaxedSwizzle),
            257 => I::VCvtop(I32x4, F32x4, VCvtop::RelaxedTrunc(S, false)),
            258 => I::VCvtop(I32x4, F32x4, VCvtop::RelaxedTrunc(U, false)),
            259 => I::VCvtop(I32x4, F64x2, VCvtop::RelaxedTrunc(S, true)),
            260 => I::VCvtop(I32x4, F64x2, VCvtop::RelaxedTrunc(U, true)),
            261 => I::VTernop(F32x4, VTernop::RelaxedMadd),
            262 => I::VTernop(F32x4, VTernop::RelaxedNmadd),
            263 => I::VTernop(F64x2, VTernop::RelaxedMadd),
            264 => I::VTernop(F64x2, VTernop::RelaxedNmadd),
            265..=268 => I::VTernop(SHAPES[idx(sub, 265)], VTernop::RelaxedLaneselect),
            269 => fbin(F32x4, VFBinop::RelaxedMin),
            270 => fbin(F32x4, VFBinop::RelaxedMax),
            271 => fbin(F64x2, VFBinop::RelaxedMin),
            272 => fbin(F64x2, VFBinop::RelaxedMax),
            273 => ibin(I16x8, VIBinop::RelaxedQ15mulr),
            274 => I::VExtbinop(I16x8, I8x16, VExtbinop::RelaxedDot),
            275 => I::VExtternop(I32x4, I16x8, VExtternop::RelaxedDotAdd),
            _ => return self.illegal(at, 0xfd, Some(sub)),
        })
    }
}

/// The rule of an opcode's family, cited if its immediates run out: read from a table, as
/// the decoder sets it for every instruction (the compares of the ranges were 6% of the
/// instructions executed to validate sql.js).
pub(crate) fn family(op: u8) -> Rule {
    FAMILIES[usize::from(op)]
}

/// [`family`] of every byte.
const FAMILIES: [Rule; 256] = {
    let mut families = [rules::BINARY_INSTR_NUMERIC; 256];
    let mut op = 0;
    while op < 256 {
        families[op] = family_of(op as u8);
        op += 1;
    }
    families
};

/// The family of `op`, by the ranges of the opcode table (spec 5.4).
const fn family_of(op: u8) -> Rule {
    match op {
        0x1a..=0x1c => rules::BINARY_INSTR_PARAMETRIC,
        0x00..=0x1f | 0xd5 | 0xd6 => rules::BINARY_INSTR_CONTROL,
        0x20..=0x24 => rules::BINARY_INSTR_VARIABLE,
        0x25 | 0x26 => rules::BINARY_INSTR_TABLE,
        0x28..=0x40 => rules::BINARY_INSTR_MEMORY,
        0xd0..=0xd4 => rules::BINARY_INSTR_REF,
        0xfb => rules::BINARY_INSTR_AGGR,
        0xfd => rules::BINARY_INSTR_VEC,
        _ => rules::BINARY_INSTR_NUMERIC,
    }
}

/// binary-vfbinop: the float lane operators `0xFD 228`-`235` (and `240`-`247`).
const VFBINOPS: [VFBinop; 8] = {
    use VFBinop::*;
    [Add, Sub, Mul, Div, Min, Max, Pmin, Pmax]
};

/// The six shapes, in the order of `splat` opcodes.
const SHAPES: [Shape; 6] = [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2];

/// The lane sizes of `load_splat` and `load_lane`, in opcode order.
const SIZES: [Sz; 4] = [Sz::N8, Sz::N16, Sz::N32, Sz::N64];

/// `extend` and `extmul` come in this order.
const EXTS: [(Half, Sx); 4] = [(Low, S), (High, S), (Low, U), (High, U)];

/// binary-sint `s32` of at most four bytes, shorter than its longest form and so in range
/// with no check: the number (as the `i32` it encodes) and its length. `None` for anything
/// else, left to the byte-by-byte reader and its errors ([`Reader::i32_const_expr`]).
fn short_s32(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut bits = 0u32;
    for (i, &b) in bytes.iter().take(4).enumerate() {
        bits |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            // Sign-extended from the last byte's sign bit, bit `7 * len - 1`.
            let unused = 32 - 7 * (i as u32 + 1);
            return Some((((bits << unused) as i32 >> unused) as u32, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;
    use crate::syntax::NumType::{F32, F64, I32, I64};
    use crate::syntax::{
        AbsHeapType, Binop, FRelop, HeapType, IBinop, IUnop, LoadOp, RefType, Unop, ValType,
    };

    /// The instructions of `bytes` (an expression without its final `end`), or the error.
    fn expr(spec: Spec, bytes: &[u8]) -> Result<Vec<Instr>, String> {
        let mut all = bytes.to_vec();
        all.push(0x0b);
        let mut r = Reader::new(&all, spec);
        r.in_section = true;
        let e = r.expr().map_err(|e| format!("{} @{}", e.message, e.offset))?;
        assert!(r.at_end(), "left {} bytes", r.left());
        let mut instrs = e.instrs;
        assert_eq!(instrs.pop(), Some(I::End));
        Ok(instrs.into_vec())
    }

    /// `i32.const n end` read at once is what the general reader makes of it, the reader left
    /// where it leaves it: every length of `n`, padded ones, the extremes, and the malformed
    /// (too large, too long, unterminated), which only the general reader reports.
    #[test]
    fn i32_const_offsets_read_at_once_as_the_general_reader_reads_them() {
        let numbers: [&[u8]; 15] = [
            &[0x00],
            &[0x3f],
            &[0x40],
            &[0x80, 0x01],
            &[0xff, 0x7f],
            &[0x80, 0x00],
            &[0x80, 0x80, 0x80, 0x00],
            &[0xff, 0xff, 0xff, 0x3f],
            &[0x80, 0x80, 0x80, 0x40],
            &[0xff, 0xff, 0xff, 0xff, 0x07],
            &[0x80, 0x80, 0x80, 0x80, 0x78],
            &[0xff, 0xff, 0xff, 0xff, 0x0f],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
            &[0x80, 0x80],
            &[0x80],
        ];
        for n in numbers {
            let bytes = [&[0x41][..], n, &[0x0b]].concat();
            let read = |general: bool| {
                let mut r = Reader::new(&bytes, Spec::V3);
                r.in_section = true;
                let mut e = Expr::default();
                let got = if general { r.expr_into(&mut e).map(|()| e) } else { r.expr() };
                (got.map(|e| e.instrs.into_vec()).map_err(|e| (e.message, e.offset)), r.pos)
            };
            assert_eq!(read(false), read(true), "{n:x?}");
        }
        assert_eq!(short_s32(&[0x80, 0x80, 0x80, 0x40]), Some((0xf800_0000, 4)));
        assert_eq!(short_s32(&[0xff, 0xff, 0xff, 0xff, 0x07]), None);
    }

    fn one(spec: Spec, bytes: &[u8]) -> Result<Instr, String> {
        let mut v = expr(spec, bytes)?;
        assert_eq!(v.len(), 1, "{v:?}");
        Ok(v.remove(0))
    }

    /// A constant expression of one instruction is held inline, however it was read (the
    /// `i32.const` offset at once, any other through the loop), and a long one is whole.
    #[test]
    fn short_expressions_are_inline() {
        for bytes in [&[0x41, 0xff, 0xff, 0x03, 0x0b][..], &[0x23, 0x00, 0x0b], &[0x42, 0x01, 0x0b]] {
            let mut r = Reader::new(bytes, Spec::V3);
            r.in_section = true;
            let e = r.expr().unwrap();
            assert_eq!((e.instrs.len(), e.offsets[..].to_vec()), (2, vec![0, bytes.len() as u32 - 1]));
            assert!(!e.instrs.spilled() && !e.offsets.spilled(), "{bytes:?}");
        }
        let long = [0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b];
        let mut r = Reader::new(&long, Spec::V3);
        r.in_section = true;
        assert_eq!(r.expr().unwrap().instrs.len(), 4);
    }

    #[test]
    fn structure_is_flat() {
        let v = expr(Spec::V3, &[0x02, 0x40, 0x03, 0x7f, 0x41, 0x00, 0x0b, 0x1a, 0x0b]).unwrap();
        assert_eq!(v[0], I::Block(BlockType::Result(None)));
        assert_eq!(v[1], I::Loop(BlockType::Result(Some(ValType::I32))));
        assert_eq!(v[3..], [I::End, I::Drop, I::End]);
        let v = expr(Spec::V2, &[0x41, 0x01, 0x04, 0x40, 0x05, 0x01, 0x0b]).unwrap();
        assert_eq!(v[1..], [I::If(BlockType::Result(None)), I::Else, I::Nop, I::End]);
        // A block that a type index types, as a positive s33 of two bytes.
        let v = expr(Spec::V2, &[0x02, 0x81, 0x01, 0x0b]).unwrap();
        assert_eq!(v[0], I::Block(BlockType::Idx(129)));
        // An else outside an if, a second else, an end too few.
        assert_eq!(expr(Spec::V3, &[0x05]), Err("END opcode expected @0".into()));
        assert_eq!(expr(Spec::V3, &[0x04, 0x40, 0x05, 0x05, 0x0b]), Err("END opcode expected @3".into()));
        let mut r = Reader::new(&[0x02, 0x40, 0x0b], Spec::V3);
        r.in_section = true;
        assert_eq!(r.expr().unwrap_err().message, "unexpected end of section or function");
    }

    #[test]
    fn nesting_costs_no_stack() {
        let depth = 1_000_000;
        let mut bytes = [0x02, 0x40].repeat(depth);
        bytes.extend(vec![0x0b; depth]);
        assert_eq!(expr(Spec::V3, &bytes).map(|v| v.len()), Ok(2 * depth));
    }

    #[test]
    fn numeric() {
        assert_eq!(one(Spec::V3, &[0x41, 0x7f]), Ok(I::Const(Num::I32(u32::MAX))));
        assert_eq!(one(Spec::V3, &[0x6d]), Ok(I::Binop(I32, Binop::Int(IBinop::Div(S)))));
        assert_eq!(one(Spec::V3, &[0x8a]), Ok(I::Binop(I64, Binop::Int(IBinop::Rotr))));
        assert_eq!(one(Spec::V3, &[0x91]), Ok(I::Unop(F32, Unop::Float(FUnop::Sqrt))));
        assert_eq!(one(Spec::V3, &[0x66]), Ok(I::Relop(F64, Relop::Float(FRelop::Ge))));
        assert_eq!(one(Spec::V3, &[0xa7]), Ok(I::Cvtop(I32, I64, Cvtop::Wrap)));
        assert_eq!(one(Spec::V3, &[0xbf]), Ok(I::Cvtop(F64, I64, Cvtop::Reinterpret)));
        assert_eq!(one(Spec::V3, &[0xc4]), Ok(I::Unop(I64, Unop::Int(IUnop::Extend(Sz::N32)))));
        assert_eq!(one(Spec::V2, &[0xfc, 0x07]), Ok(I::Cvtop(I64, F64, Cvtop::TruncSat(U))));
        assert_eq!(one(Spec::V3, &[0xc5]), Err("illegal opcode c5 @0".into()));
    }

    #[test]
    fn memory() {
        let m = |align, offset| MemArg { align, offset };
        let load8_u = Some(LoadOp { size: Sz::N8, sx: U });
        assert_eq!(one(Spec::V3, &[0x2d, 0x00, 0x10]), Ok(I::Load(I32, load8_u, 0, m(0, 16))));
        assert_eq!(one(Spec::V3, &[0x3e, 0x42, 0x03, 0x00]), Ok(I::Store(I64, Some(Sz::N32), 3, m(2, 0))));
        assert_eq!(one(Spec::V3, &[0x3f, 0x02]), Ok(I::MemorySize(2)));
        assert_eq!(one(Spec::V2, &[0x40, 0x00]), Ok(I::MemoryGrow(0)));
        assert_eq!(one(Spec::V2, &[0x40, 0x80, 0x00]), Err("zero byte expected @1".into()));
        assert_eq!(one(Spec::V3, &[0xfc, 0x08, 0x05, 0x01]), Ok(I::MemoryInit(1, 5)));
        assert_eq!(one(Spec::V2, &[0xfc, 0x0a, 0x00, 0x00]), Ok(I::MemoryCopy(0, 0)));
        let big = [0x28, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(one(Spec::V3, &big), Ok(I::Load(I32, None, 0, m(0, u64::MAX))));
        assert_eq!(one(Spec::V2, &big), Err("integer too large @6".into()));
        assert_eq!(one(Spec::V3, &[0x28, 0x80, 0x01, 0x00]), Err("malformed memop flags @1".into()));
        assert_eq!(one(Spec::V2, &[0x28, 0x20, 0x00]), Err("malformed memop flags @1".into()));
    }

    #[test]
    fn control_and_references() {
        assert_eq!(one(Spec::V3, &[0x11, 0x02, 0x01]), Ok(I::CallIndirect(1, 2)));
        assert_eq!(one(Spec::V3, &[0x0e, 0x02, 0x00, 0x01, 0x02]), Ok(I::BrTable(Box::new([0, 1]), 2)));
        assert_eq!(one(Spec::V3, &[0x1c, 0x01, 0x7b]), Ok(I::Select(Some(Box::new([ValType::V128])))));
        assert_eq!(one(Spec::V3, &[0xd0, 0x6c]), Ok(I::RefNull(HeapType::Abs(AbsHeapType::I31))));
        assert_eq!(one(Spec::V3, &[0xd0, 0x05]), Ok(I::RefNull(HeapType::Idx(5))));
        assert_eq!(one(Spec::V2, &[0xd0, 0x6f]), Ok(I::RefNull(HeapType::Abs(AbsHeapType::Extern))));
        assert_eq!(one(Spec::V2, &[0xd0, 0x05]), Err("malformed reference type @1".into()));
        let v = expr(Spec::V3, &[0x1f, 0x40, 0x02, 0x00, 0x01, 0x02, 0x03, 0x00, 0x0b]).unwrap();
        let catches = [Catch::Catch(1, 2), Catch::CatchAllRef(0)];
        assert_eq!(v, [I::TryTable(BlockType::Result(None), Box::new(catches.to_vec())), I::End]);
        assert_eq!(one(Spec::V2, &[0x1f, 0x40, 0x00]), Err("illegal opcode 1f @0".into()));
    }

    #[test]
    fn aggregates() {
        assert_eq!(one(Spec::V3, &[0xfb, 0x03, 0x01, 0x02]), Ok(I::StructGet(Some(S), 1, 2)));
        assert_eq!(one(Spec::V3, &[0xfb, 0x08, 0x01, 0x80, 0x01]), Ok(I::ArrayNewFixed(1, 128)));
        let nullable_eq = RefType { nullable: true, heap: HeapType::Abs(AbsHeapType::Eq) };
        assert_eq!(one(Spec::V3, &[0xfb, 0x17, 0x6d]), Ok(I::RefCast(nullable_eq)));
        let any = |nullable| RefType { nullable, heap: HeapType::Abs(AbsHeapType::Any) };
        let cast = one(Spec::V3, &[0xfb, 0x19, 0x02, 0x00, 0x6e, 0x03]);
        let three = RefType { nullable: true, heap: HeapType::Idx(3) };
        assert_eq!(cast, Ok(I::BrOnCastFail(0, Box::new((any(false), three)))));
        assert_eq!(one(Spec::V3, &[0xfb, 0x1e]), Ok(I::I31Get(U)));
        assert_eq!(one(Spec::V3, &[0xfb, 0x80, 0x01]), Err("illegal opcode fb 80 @0".into()));
    }

    #[test]
    fn vectors() {
        let c = [0xfd, 0x0c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
        assert_eq!(
            one(Spec::V2, &c),
            Ok(I::VConst(crate::syntax::V128(std::array::from_fn(|i| i as u8 + 1))))
        );
        assert_eq!(one(Spec::V3, &[0xfd, 0x15, 0x0f]), Ok(I::VExtractLane(I8x16, Some(S), 15)));
        assert_eq!(one(Spec::V3, &[0xfd, 0x21, 0x01]), Ok(I::VExtractLane(F64x2, None, 1)));
        assert_eq!(one(Spec::V3, &[0xfd, 0x1c, 0x03]), Ok(I::VReplaceLane(I32x4, 3)));
        assert_eq!(
            one(Spec::V3, &[0xfd, 0x55, 0x00, 0x00, 0x07]),
            Ok(I::VLoadLane(Sz::N16, 0, MemArg { align: 0, offset: 0 }, 7))
        );
        assert_eq!(
            one(Spec::V3, &[0xfd, 0x03, 0x00, 0x00]).map(|i| format!("{i:?}")),
            Ok("VLoad(Some(Shape(N16, 4, S)), 0, MemArg { align: 0, offset: 0 })".into())
        );
        assert_eq!(one(Spec::V3, &[0xfd, 0xd9, 0x01]), Ok(I::VRelop(I64x2, Relop::Int(IRelop::Gt(S)))));
        assert_eq!(
            one(Spec::V3, &[0xfd, 0xfe, 0x01]),
            Ok(I::VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), S)))
        );
        assert_eq!(
            one(Spec::V3, &[0xfd, 0x93, 0x02]),
            Ok(I::VExtternop(I32x4, I16x8, VExtternop::RelaxedDotAdd))
        );
        assert_eq!(one(Spec::V2, &[0xfd, 0x93, 0x02]), Err("illegal opcode fd 113 @0".into()));
        assert_eq!(one(Spec::V3, &[0xfd, 0xa2, 0x01]), Err("illegal opcode fd a2 @0".into()));
    }

    /// An entry's opcode followed by zero bytes: enough immediates for every instruction
    /// (indices 0, memarg 0 0, a block of type 0, empty lists and vectors of zeros).
    fn opcode_bytes(info: &opcodes::InstrInfo) -> Vec<u8> {
        let mut bytes = vec![info.opcode.byte];
        if let Some(mut sub) = info.opcode.sub {
            while sub >= 0x80 {
                bytes.push(sub as u8 | 0x80);
                sub >>= 7;
            }
            bytes.push(sub as u8);
        }
        if info.op == Op::TypedSelect {
            // One type, as wasmparser's `TypedSelect` has it (more are `TypedSelectMulti`).
            bytes.extend([0x01, 0x7f]);
        }
        bytes.extend([0; 32]);
        bytes
    }

    /// One instruction decoded from the start of `bytes`.
    fn first(spec: Spec, bytes: &[u8]) -> Result<Instr, String> {
        let mut r = Reader::new(bytes, spec);
        r.in_section = true;
        let mut place = I::Unreachable;
        r.instr(&mut place).map_err(|e| e.message)?;
        Ok(place)
    }

    /// The table of the instruction set and the decoder agree: every opcode of the table
    /// decodes to an instruction of its entry, under 2.0 only if its feature is 2.0's, and
    /// every other opcode is illegal. The mnemonics are wasmprinter's, the names of `Op`
    /// wasmparser's.
    #[test]
    fn every_opcode_of_the_table() {
        let mut names = Vec::new();
        for info in &opcodes::INSTRUCTIONS {
            if matches!(info.op, Op::Else | Op::End) {
                continue;
            }
            let bytes = opcode_bytes(info);
            let instr = first(Spec::V3, &bytes).unwrap_or_else(|e| panic!("{}: {e}", info.name));
            assert_eq!(instr.op(), Some(info.op), "{}: {instr:?}", info.name);
            match first(Spec::V2, &bytes) {
                Err(e) if e.starts_with("illegal opcode") => {
                    assert!(!info.feature.in_spec(Spec::V2), "{}", info.name)
                }
                _ => assert!(info.feature.in_spec(Spec::V2), "{} decodes under 2.0", info.name),
            }
            let mut reader = wasmparser::OperatorsReader::new(wasmparser::BinaryReader::new(&bytes, 0));
            let theirs = format!("{:?}", reader.read().expect("wasmparser decodes it"));
            let theirs = theirs.split([' ', '{', '(']).next().unwrap_or("");
            if format!("{:?}", info.op) != theirs {
                names.push(format!("{:?} is wasmparser's {theirs}", info.op));
            }
            let text = printed(&bytes, instr.op().is_some_and(opens_block));
            if text != info.name {
                names.push(format!("{} is wasmprinter's {text}", info.name));
            }
        }
        assert!(names.is_empty(), "{names:#?}");
        let known = |byte, sub| Op::from_opcode(Opcode { byte, sub }).is_some();
        for byte in 0..=0xffu8 {
            if !known(byte, None) && !matches!(byte, 0xfb..=0xfd) {
                let e = first(Spec::V3, &[byte, 0, 0]).expect_err("illegal");
                assert!(e.starts_with(&format!("illegal opcode {byte:02x}")), "{e}");
            }
        }
        for byte in 0xfb..=0xfdu8 {
            for sub in (0..400).filter(|&sub| !known(byte, Some(sub))) {
                let info = opcodes::InstrInfo { opcode: Opcode { byte, sub: Some(sub) }, ..*Op::Nop.info() };
                let e = first(Spec::V3, &opcode_bytes(&info)).expect_err("illegal");
                assert!(e.starts_with("illegal opcode"), "{byte:02x} {sub}: {e}");
            }
        }
    }

    fn opens_block(op: Op) -> bool {
        matches!(op, Op::Block | Op::Loop | Op::If | Op::TryTable)
    }

    /// The mnemonic wasmprinter prints for the instruction at the start of `instr`, in the
    /// body of a function of type `[] -> []`.
    fn printed(instr: &[u8], block: bool) -> String {
        let mut body = vec![0];
        body.extend(instr);
        body.extend(if block { &[0x0b, 0x0b][..] } else { &[0x0b] });
        let mut code = vec![1, body.len() as u8];
        code.extend(body);
        let mut module = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\x03\x02\x01\0\x0a".to_vec();
        module.push(code.len() as u8);
        module.extend(code);
        let text = wasmprinter::print_bytes(&module).expect("wasmprinter prints it");
        let mut lines = text.lines().skip_while(|l| !l.trim_start().starts_with("(func"));
        let line = lines.nth(1).unwrap_or("");
        line.split_whitespace().next().unwrap_or("").to_string()
    }
}
