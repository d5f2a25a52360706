//! Operator dispatch for numbers (SpecTec `$unop_`, `$binop_`, `$testop_`, `$relop_`,
//! `$cvtop__`), and [`rule`]: the numeric rule an instruction applies.
//!
//! The scalar dispatchers read their operands' bits at the instruction's type: validation
//! guarantees the operands have that type (debug builds check it).

use crate::rules::{self, Rule};
use crate::syntax::{
    Binop, Cvtop, FBinop, FRelop, FUnop, IBinop, IRelop, IUnop, Instr, Num, NumType, Relop, Shape, Sx,
    Testop, Unop, VBinop, VCvtop, VExtbinop, VFBinop, VIBinop, VIUnop, VShiftop, VSwizzlop, VTernop, VUnop,
    VVbinop,
};

use super::Trap;
use super::convert::{convert, demote, extend, promote, reinterpret, trunc, trunc_sat, wrap};
use super::float::{
    Float, fabs, fadd, fceil, fcopysign, fdiv, feq, ffloor, fge, fgt, fle, flt, fmax, fmin, fmul, fne,
    fnearest, fneg, fsqrt, fsub, ftrunc,
};
use super::ill_typed;
use super::int::{
    Int, iadd, iand, iclz, ictz, idiv_s, idiv_u, ieq, ieqz, iextend_s, ige_s, ige_u, igt_s, igt_u, ile_s,
    ile_u, ilt_s, ilt_u, imul, ine, ior, ipopcnt, irem_s, irem_u, irotl, irotr, ishl, ishr_s, ishr_u, isub,
    ixor,
};

/// `unop_(Inn, op, i)`: `iclz`, `ictz`, `ipopcnt`, `iextendMs`.
pub fn iunop<I: Int>(op: IUnop, i: I) -> I {
    match op {
        IUnop::Clz => iclz(i),
        IUnop::Ctz => ictz(i),
        IUnop::Popcnt => ipopcnt(i),
        IUnop::Extend(m) => iextend_s(m.bits(), i),
    }
}

/// `unop_(Fnn, op, z)`.
pub fn funop<F: Float>(op: FUnop, z: F) -> F {
    match op {
        FUnop::Abs => fabs(z),
        FUnop::Neg => fneg(z),
        FUnop::Sqrt => fsqrt(z),
        FUnop::Ceil => fceil(z),
        FUnop::Floor => ffloor(z),
        FUnop::Trunc => ftrunc(z),
        FUnop::Nearest => fnearest(z),
    }
}

/// `binop_(Inn, op, i1, i2)`; division and remainder are partial.
pub fn ibinop<I: Int>(op: IBinop, i1: I, i2: I) -> Result<I, Trap> {
    // Shift counts are taken mod N, and N divides 2^32: the low 32 bits suffice.
    let k = i2.nat() as u32;
    Ok(match op {
        IBinop::Add => iadd(i1, i2),
        IBinop::Sub => isub(i1, i2),
        IBinop::Mul => imul(i1, i2),
        IBinop::Div(Sx::U) => idiv_u(i1, i2)?,
        IBinop::Div(Sx::S) => idiv_s(i1, i2)?,
        IBinop::Rem(Sx::U) => irem_u(i1, i2)?,
        IBinop::Rem(Sx::S) => irem_s(i1, i2)?,
        IBinop::And => iand(i1, i2),
        IBinop::Or => ior(i1, i2),
        IBinop::Xor => ixor(i1, i2),
        IBinop::Shl => ishl(i1, k),
        IBinop::Shr(Sx::U) => ishr_u(i1, k),
        IBinop::Shr(Sx::S) => ishr_s(i1, k),
        IBinop::Rotl => irotl(i1, i2),
        IBinop::Rotr => irotr(i1, i2),
    })
}

/// `binop_(Fnn, op, z1, z2)`.
pub fn fbinop<F: Float>(op: FBinop, z1: F, z2: F) -> F {
    match op {
        FBinop::Add => fadd(z1, z2),
        FBinop::Sub => fsub(z1, z2),
        FBinop::Mul => fmul(z1, z2),
        FBinop::Div => fdiv(z1, z2),
        FBinop::Min => fmin(z1, z2),
        FBinop::Max => fmax(z1, z2),
        FBinop::Copysign => fcopysign(z1, z2),
    }
}

/// `relop_(Inn, op, i1, i2)`.
pub fn irelop<I: Int>(op: IRelop, i1: I, i2: I) -> u32 {
    match op {
        IRelop::Eq => ieq(i1, i2),
        IRelop::Ne => ine(i1, i2),
        IRelop::Lt(Sx::U) => ilt_u(i1, i2),
        IRelop::Lt(Sx::S) => ilt_s(i1, i2),
        IRelop::Gt(Sx::U) => igt_u(i1, i2),
        IRelop::Gt(Sx::S) => igt_s(i1, i2),
        IRelop::Le(Sx::U) => ile_u(i1, i2),
        IRelop::Le(Sx::S) => ile_s(i1, i2),
        IRelop::Ge(Sx::U) => ige_u(i1, i2),
        IRelop::Ge(Sx::S) => ige_s(i1, i2),
    }
}

/// `relop_(Fnn, op, z1, z2)`.
pub fn frelop<F: Float>(op: FRelop, z1: F, z2: F) -> u32 {
    match op {
        FRelop::Eq => feq(z1, z2),
        FRelop::Ne => fne(z1, z2),
        FRelop::Lt => flt(z1, z2),
        FRelop::Gt => fgt(z1, z2),
        FRelop::Le => fle(z1, z2),
        FRelop::Ge => fge(z1, z2),
    }
}

/// `unop_(t, op, c)`. No unary operator is partial: `Step_pure/unop-trap` never applies.
#[inline]
pub fn unop(t: NumType, op: Unop, c: Num) -> Num {
    debug_assert_eq!(c.ty(), t, "operand of {op:?}");
    let c = c.bits();
    let r = match (t, op) {
        (NumType::I32, Unop::Int(op)) => iunop(op, c as u32).into(),
        (NumType::I64, Unop::Int(op)) => iunop(op, c),
        (NumType::F32, Unop::Float(op)) => funop(op, f32::from_bits(c as u32)).to_bits().into(),
        (NumType::F64, Unop::Float(op)) => funop(op, f64::from_bits(c)).to_bits(),
        _ => ill_typed((t, op)),
    };
    Num::from_bits(t, r)
}

/// `binop_(t, op, c1, c2)`: `Err` for the partial `idiv`, `irem` outside their domain
/// (`Step_pure/binop-trap`).
#[inline]
pub fn binop(t: NumType, op: Binop, c1: Num, c2: Num) -> Result<Num, Trap> {
    debug_assert!(c1.ty() == t && c2.ty() == t, "operands of {op:?} at {t:?}");
    let (c1, c2) = (c1.bits(), c2.bits());
    let r = match (t, op) {
        (NumType::I32, Binop::Int(op)) => ibinop(op, c1 as u32, c2 as u32)?.into(),
        (NumType::I64, Binop::Int(op)) => ibinop(op, c1, c2)?,
        (NumType::F32, Binop::Float(op)) => {
            fbinop(op, f32::from_bits(c1 as u32), f32::from_bits(c2 as u32)).to_bits().into()
        }
        (NumType::F64, Binop::Float(op)) => fbinop(op, f64::from_bits(c1), f64::from_bits(c2)).to_bits(),
        _ => ill_typed((t, op)),
    };
    Ok(Num::from_bits(t, r))
}

/// `testop_(Inn, EQZ, i) = ieqz_N(i)`, an `i32` 0 or 1.
#[inline]
pub fn testop(t: NumType, op: Testop, c: Num) -> u32 {
    debug_assert_eq!(c.ty(), t, "operand of {op:?}");
    let Testop::Eqz = op;
    match t {
        NumType::I32 => ieqz(c.bits() as u32),
        NumType::I64 => ieqz(c.bits()),
        _ => ill_typed((t, op)),
    }
}

/// `relop_(t, op, c1, c2)`, an `i32` 0 or 1.
#[inline]
pub fn relop(t: NumType, op: Relop, c1: Num, c2: Num) -> u32 {
    debug_assert!(c1.ty() == t && c2.ty() == t, "operands of {op:?} at {t:?}");
    let (c1, c2) = (c1.bits(), c2.bits());
    match (t, op) {
        (NumType::I32, Relop::Int(op)) => irelop(op, c1 as u32, c2 as u32),
        (NumType::I64, Relop::Int(op)) => irelop(op, c1, c2),
        (NumType::F32, Relop::Float(op)) => frelop(op, f32::from_bits(c1 as u32), f32::from_bits(c2 as u32)),
        (NumType::F64, Relop::Float(op)) => frelop(op, f64::from_bits(c1), f64::from_bits(c2)),
        _ => ill_typed((t, op)),
    }
}

/// `cvtop__(from, to, op, c)`: convert `c` of type `from` to type `to` (the instruction
/// `to.op_from`, written `CVTOP to from op`). `Err` for `trunc` outside its domain
/// (`Step_pure/cvtop-trap`).
#[inline]
pub fn cvtop(to: NumType, from: NumType, op: Cvtop, c: Num) -> Result<Num, Trap> {
    debug_assert_eq!(c.ty(), from, "operand of {op:?}");
    use NumType::{F32, F64, I32, I64};
    let c = c.bits();
    let (c32, c64) = (c as u32, c);
    let (z32, z64) = (f32::from_bits(c32), f64::from_bits(c64));
    Ok(match (op, to, from) {
        (Cvtop::Extend(sx), I64, I32) => Num::I64(extend(sx, c32)),
        (Cvtop::Wrap, I32, I64) => Num::I32(wrap(c64)),
        (Cvtop::Convert(sx), F32, I32) => float(convert::<u32, f32>(sx, c32)),
        (Cvtop::Convert(sx), F32, I64) => float(convert::<u64, f32>(sx, c64)),
        (Cvtop::Convert(sx), F64, I32) => float(convert::<u32, f64>(sx, c32)),
        (Cvtop::Convert(sx), F64, I64) => float(convert::<u64, f64>(sx, c64)),
        (Cvtop::Trunc(sx), I32, F32) => Num::I32(trunc(sx, z32)?),
        (Cvtop::Trunc(sx), I32, F64) => Num::I32(trunc(sx, z64)?),
        (Cvtop::Trunc(sx), I64, F32) => Num::I64(trunc(sx, z32)?),
        (Cvtop::Trunc(sx), I64, F64) => Num::I64(trunc(sx, z64)?),
        (Cvtop::TruncSat(sx), I32, F32) => Num::I32(trunc_sat(sx, z32)),
        (Cvtop::TruncSat(sx), I32, F64) => Num::I32(trunc_sat(sx, z64)),
        (Cvtop::TruncSat(sx), I64, F32) => Num::I64(trunc_sat(sx, z32)),
        (Cvtop::TruncSat(sx), I64, F64) => Num::I64(trunc_sat(sx, z64)),
        (Cvtop::Promote, F64, F32) => float(promote(z32)),
        (Cvtop::Demote, F32, F64) => float(demote(z64)),
        (Cvtop::Reinterpret, I32, F32)
        | (Cvtop::Reinterpret, F32, I32)
        | (Cvtop::Reinterpret, I64, F64)
        | (Cvtop::Reinterpret, F64, I64) => reinterpret(to, Num::from_bits(from, c)),
        _ => ill_typed((to, from, op)),
    })
}

/// A float result as a `Num` of its type.
fn float<F: Float>(z: F) -> Num {
    let t = if F::N == 32 { NumType::F32 } else { NumType::F64 };
    Num::from_bits(t, z.to_bits().nat() as u64)
}

/// The rule of chapter 4.3 that the numeric or vector instruction `instr` applies: the
/// operator it computes (`op-iadd` for `i32.add`, `op-fmin` for `f32x4.min`), for a trace to
/// cite next to the instruction's `Step_pure` rule. `None` for instructions that are not
/// numeric, and for `const`.
///
/// Instructions that only move lanes cite `op-vec`, except where packing a lane is a
/// conversion (`op-wrap` for `i8x16.splat`, `op-extend` for `i8x16.extract_lane_s`).
pub fn rule(instr: &Instr) -> Option<Rule> {
    use rules::*;
    Some(match instr {
        Instr::Unop(_, Unop::Int(op)) => match op {
            IUnop::Clz => OP_ICLZ,
            IUnop::Ctz => OP_ICTZ,
            IUnop::Popcnt => OP_IPOPCNT,
            IUnop::Extend(_) => OP_IEXTENDN,
        },
        Instr::Unop(_, Unop::Float(op)) | Instr::VUnop(_, VUnop::Float(op)) => funop_rule(*op),
        Instr::Binop(_, Binop::Int(op)) => match op {
            IBinop::Add => OP_IADD,
            IBinop::Sub => OP_ISUB,
            IBinop::Mul => OP_IMUL,
            IBinop::Div(_) => OP_IDIV,
            IBinop::Rem(_) => OP_IREM,
            IBinop::And => OP_IAND,
            IBinop::Or => OP_IOR,
            IBinop::Xor => OP_IXOR,
            IBinop::Shl => OP_ISHL,
            IBinop::Shr(_) => OP_ISHR,
            IBinop::Rotl => OP_IROTL,
            IBinop::Rotr => OP_IROTR,
        },
        Instr::Binop(_, Binop::Float(op)) => match op {
            FBinop::Add => OP_FADD,
            FBinop::Sub => OP_FSUB,
            FBinop::Mul => OP_FMUL,
            FBinop::Div => OP_FDIV,
            FBinop::Min => OP_FMIN,
            FBinop::Max => OP_FMAX,
            FBinop::Copysign => OP_FCOPYSIGN,
        },
        Instr::Testop(..) => OP_IEQZ,
        Instr::Relop(_, op) | Instr::VRelop(_, op) => match op {
            Relop::Int(IRelop::Eq) => OP_IEQ,
            Relop::Int(IRelop::Ne) => OP_INE,
            Relop::Int(IRelop::Lt(_)) => OP_ILT,
            Relop::Int(IRelop::Gt(_)) => OP_IGT,
            Relop::Int(IRelop::Le(_)) => OP_ILE,
            Relop::Int(IRelop::Ge(_)) => OP_IGE,
            Relop::Float(FRelop::Eq) => OP_FEQ,
            Relop::Float(FRelop::Ne) => OP_FNE,
            Relop::Float(FRelop::Lt) => OP_FLT,
            Relop::Float(FRelop::Gt) => OP_FGT,
            Relop::Float(FRelop::Le) => OP_FLE,
            Relop::Float(FRelop::Ge) => OP_FGE,
        },
        Instr::Cvtop(_, _, op) => match op {
            Cvtop::Extend(_) => OP_EXTEND,
            Cvtop::Wrap => OP_WRAP,
            Cvtop::Convert(_) => OP_CONVERT,
            Cvtop::Reinterpret => OP_REINTERPRET,
            Cvtop::Trunc(_) => OP_TRUNC,
            Cvtop::TruncSat(_) => OP_TRUNC_SAT,
            Cvtop::Promote => OP_PROMOTE,
            Cvtop::Demote => OP_DEMOTE,
        },
        Instr::VVunop(_) => OP_INOT,
        Instr::VVbinop(op) => match op {
            VVbinop::And => OP_IAND,
            VVbinop::AndNot => OP_IANDNOT,
            VVbinop::Or => OP_IOR,
            VVbinop::Xor => OP_IXOR,
        },
        Instr::VVternop(_) => OP_IBITSELECT,
        Instr::VVtestop(_) | Instr::VTestop(..) => OP_INEZ,
        Instr::VUnop(_, VUnop::Int(op)) => match op {
            VIUnop::Abs => OP_IABS,
            VIUnop::Neg => OP_INEG,
            VIUnop::Popcnt => OP_IPOPCNT,
        },
        Instr::VBinop(_, VBinop::Int(op)) => match op {
            VIBinop::Add => OP_IADD,
            VIBinop::Sub => OP_ISUB,
            VIBinop::AddSat(_) => OP_IADD_SAT,
            VIBinop::SubSat(_) => OP_ISUB_SAT,
            VIBinop::Mul => OP_IMUL,
            VIBinop::Avgr => OP_IAVGR,
            VIBinop::Q15mulrSat => OP_IQ15MULRSAT,
            VIBinop::RelaxedQ15mulr => OP_IRELAXED_Q15MULR_S,
            VIBinop::Min(_) => OP_IMIN,
            VIBinop::Max(_) => OP_IMAX,
        },
        Instr::VBinop(_, VBinop::Float(op)) => match op {
            VFBinop::Add => OP_FADD,
            VFBinop::Sub => OP_FSUB,
            VFBinop::Mul => OP_FMUL,
            VFBinop::Div => OP_FDIV,
            VFBinop::Min => OP_FMIN,
            VFBinop::Max => OP_FMAX,
            VFBinop::Pmin => OP_FPMIN,
            VFBinop::Pmax => OP_FPMAX,
            VFBinop::RelaxedMin => OP_FRELAXED_MIN,
            VFBinop::RelaxedMax => OP_FRELAXED_MAX,
        },
        Instr::VTernop(_, op) => match op {
            VTernop::RelaxedLaneselect => OP_IRELAXED_LANESELECT,
            VTernop::RelaxedMadd => OP_FRELAXED_MADD,
            VTernop::RelaxedNmadd => OP_FRELAXED_NMADD,
        },
        Instr::VShiftop(_, VShiftop::Shl) => OP_ISHL,
        Instr::VShiftop(_, VShiftop::Shr(_)) => OP_ISHR,
        Instr::VBitmask(_) => OP_IVBITMASK,
        Instr::VSwizzlop(VSwizzlop::Swizzle) => OP_IVSWIZZLE,
        Instr::VSwizzlop(VSwizzlop::RelaxedSwizzle) => OP_IVRELAXED_SWIZZLE,
        Instr::VShuffle(_) => OP_IVSHUFFLE,
        Instr::VExtunop(..) => OP_VEXTUNOP,
        Instr::VExtbinop(_, _, VExtbinop::RelaxedDot) => OP_IRELAXED_DOT,
        Instr::VExtbinop(..) => OP_VEXTBINOP,
        Instr::VExtternop(..) => OP_IRELAXED_DOT_ADD,
        Instr::VNarrow(..) => OP_VNARROW,
        Instr::VCvtop(_, _, VCvtop::RelaxedTrunc(Sx::U, _)) => OP_RELAXED_TRUNC_U,
        Instr::VCvtop(_, _, VCvtop::RelaxedTrunc(Sx::S, _)) => OP_RELAXED_TRUNC_S,
        Instr::VCvtop(..) => OP_VCVTOP,
        Instr::VSplat(Shape::I8x16 | Shape::I16x8) | Instr::VReplaceLane(Shape::I8x16 | Shape::I16x8, _) => {
            OP_WRAP
        }
        Instr::VExtractLane(_, Some(_), _) => OP_EXTEND,
        Instr::VSplat(_) | Instr::VExtractLane(..) | Instr::VReplaceLane(..) => OP_VEC,
        _ => return None,
    })
}

fn funop_rule(op: FUnop) -> Rule {
    use rules::*;
    match op {
        FUnop::Abs => OP_FABS,
        FUnop::Neg => OP_FNEG,
        FUnop::Sqrt => OP_FSQRT,
        FUnop::Ceil => OP_FCEIL,
        FUnop::Floor => OP_FFLOOR,
        FUnop::Trunc => OP_FTRUNC,
        FUnop::Nearest => OP_FNEAREST,
    }
}
