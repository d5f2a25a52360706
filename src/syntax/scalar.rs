//! The scalar instructions by opcode, as binary-instr maps them: the numeric instructions
//! `0x45`-`0xC4`, the loads and stores, the saturating truncations. The decoder reads them
//! here, and so does the validator's checker over a body's bytes, which builds them for the
//! compiler (`valid/bytes.rs`).

use super::{
    Binop, Cvtop, FBinop, FRelop, FUnop, IBinop, IRelop, IUnop, Instr, LoadOp, NumType, Relop, Sx, Sz,
};
use super::{Testop, Unop};
use Instr as I;
use NumType::{F32, F64, I32, I64};
use Sx::{S, U};

/// The numeric instruction of opcode `op`, `0x45`-`0xC4` (`eqz` to the sign extensions).
#[inline(always)]
pub fn numeric(op: u8) -> Instr {
    match op {
        0x45 => I::Testop(I32, Testop::Eqz),
        0x46..=0x4f => I::Relop(I32, Relop::Int(IRELOPS[usize::from(op - 0x46)])),
        0x50 => I::Testop(I64, Testop::Eqz),
        0x51..=0x5a => I::Relop(I64, Relop::Int(IRELOPS[usize::from(op - 0x51)])),
        0x5b..=0x60 => I::Relop(F32, Relop::Float(FRELOPS[usize::from(op - 0x5b)])),
        0x61..=0x66 => I::Relop(F64, Relop::Float(FRELOPS[usize::from(op - 0x61)])),
        0x67..=0x69 => I::Unop(I32, Unop::Int(IUNOPS[usize::from(op - 0x67)])),
        0x6a..=0x78 => I::Binop(I32, Binop::Int(IBINOPS[usize::from(op - 0x6a)])),
        0x79..=0x7b => I::Unop(I64, Unop::Int(IUNOPS[usize::from(op - 0x79)])),
        0x7c..=0x8a => I::Binop(I64, Binop::Int(IBINOPS[usize::from(op - 0x7c)])),
        0x8b..=0x91 => I::Unop(F32, Unop::Float(FUNOPS[usize::from(op - 0x8b)])),
        0x92..=0x98 => I::Binop(F32, Binop::Float(FBINOPS[usize::from(op - 0x92)])),
        0x99..=0x9f => I::Unop(F64, Unop::Float(FUNOPS[usize::from(op - 0x99)])),
        0xa0..=0xa6 => I::Binop(F64, Binop::Float(FBINOPS[usize::from(op - 0xa0)])),
        0xa7..=0xbf => {
            let (t1, t2, op) = CVTOPS[usize::from(op - 0xa7)];
            I::Cvtop(t1, t2, op)
        }
        0xc0 => I::Unop(I32, Unop::Int(IUnop::Extend(Sz::N8))),
        0xc1 => I::Unop(I32, Unop::Int(IUnop::Extend(Sz::N16))),
        0xc2 => I::Unop(I64, Unop::Int(IUnop::Extend(Sz::N8))),
        0xc3 => I::Unop(I64, Unop::Int(IUnop::Extend(Sz::N16))),
        0xc4 => I::Unop(I64, Unop::Int(IUnop::Extend(Sz::N32))),
        _ => unreachable!("{op:#04x} is not a numeric opcode"),
    }
}

/// Opcodes `0x28`-`0x35`: `t.load` and `t.loadN_sx` (binary-load, binary-loadn).
pub const LOADS: [(NumType, Option<LoadOp>); 14] = {
    const fn n(size: Sz, sx: Sx) -> Option<LoadOp> {
        Some(LoadOp { size, sx })
    }
    [
        (I32, None),
        (I64, None),
        (F32, None),
        (F64, None),
        (I32, n(Sz::N8, S)),
        (I32, n(Sz::N8, U)),
        (I32, n(Sz::N16, S)),
        (I32, n(Sz::N16, U)),
        (I64, n(Sz::N8, S)),
        (I64, n(Sz::N8, U)),
        (I64, n(Sz::N16, S)),
        (I64, n(Sz::N16, U)),
        (I64, n(Sz::N32, S)),
        (I64, n(Sz::N32, U)),
    ]
};

/// Opcodes `0x36`-`0x3E`: `t.store` and `t.storeN` (binary-store, binary-storen).
pub const STORES: [(NumType, Option<Sz>); 9] = [
    (I32, None),
    (I64, None),
    (F32, None),
    (F64, None),
    (I32, Some(Sz::N8)),
    (I32, Some(Sz::N16)),
    (I64, Some(Sz::N8)),
    (I64, Some(Sz::N16)),
    (I64, Some(Sz::N32)),
];

/// binary-relop of integers, in opcode order.
pub const IRELOPS: [IRelop; 10] = {
    use IRelop::*;
    [Eq, Ne, Lt(S), Lt(U), Gt(S), Gt(U), Le(S), Le(U), Ge(S), Ge(U)]
};

/// binary-relop of floats, in opcode order.
pub const FRELOPS: [FRelop; 6] = {
    use FRelop::*;
    [Eq, Ne, Lt, Gt, Le, Ge]
};

/// binary-unop of integers, in opcode order.
pub const IUNOPS: [IUnop; 3] = [IUnop::Clz, IUnop::Ctz, IUnop::Popcnt];

/// binary-binop of integers, in opcode order.
pub const IBINOPS: [IBinop; 15] = {
    use IBinop::*;
    [Add, Sub, Mul, Div(S), Div(U), Rem(S), Rem(U), And, Or, Xor, Shl, Shr(S), Shr(U), Rotl, Rotr]
};

/// binary-unop of floats, in opcode order.
pub const FUNOPS: [FUnop; 7] = {
    use FUnop::*;
    [Abs, Neg, Ceil, Floor, Trunc, Nearest, Sqrt]
};

/// binary-binop of floats, in opcode order.
pub const FBINOPS: [FBinop; 7] = {
    use FBinop::*;
    [Add, Sub, Mul, Div, Min, Max, Copysign]
};

/// binary-cvtop: opcodes `0xA7`-`0xBF`, as `(t_1, t_2, op)` converting a `t_2` into a `t_1`.
pub const CVTOPS: [(NumType, NumType, Cvtop); 25] = {
    use Cvtop::*;
    [
        (I32, I64, Wrap),
        (I32, F32, Trunc(S)),
        (I32, F32, Trunc(U)),
        (I32, F64, Trunc(S)),
        (I32, F64, Trunc(U)),
        (I64, I32, Extend(S)),
        (I64, I32, Extend(U)),
        (I64, F32, Trunc(S)),
        (I64, F32, Trunc(U)),
        (I64, F64, Trunc(S)),
        (I64, F64, Trunc(U)),
        (F32, I32, Convert(S)),
        (F32, I32, Convert(U)),
        (F32, I64, Convert(S)),
        (F32, I64, Convert(U)),
        (F32, F64, Demote),
        (F64, I32, Convert(S)),
        (F64, I32, Convert(U)),
        (F64, I64, Convert(S)),
        (F64, I64, Convert(U)),
        (F64, F32, Promote),
        (I32, F32, Reinterpret),
        (I64, F64, Reinterpret),
        (F32, I32, Reinterpret),
        (F64, I64, Reinterpret),
    ]
};

/// binary-cvtop-trunc-sat: `0xFC 0`-`7`.
pub const TRUNC_SATS: [(NumType, NumType, Sx); 8] = [
    (I32, F32, S),
    (I32, F32, U),
    (I32, F64, S),
    (I32, F64, U),
    (I64, F32, S),
    (I64, F32, U),
    (I64, F64, S),
    (I64, F64, U),
];
