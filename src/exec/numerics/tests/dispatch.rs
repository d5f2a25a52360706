//! The scalar dispatchers and the rule each instruction cites.

use crate::exec::numerics::*;
use crate::rules;
use crate::syntax::{
    Binop, Cvtop, F32, F64, FBinop, FRelop, FUnop, IBinop, IRelop, IUnop, Instr, Num, NumType, Relop, Shape,
    Sx, Sz, Testop, Unop, VBinop, VCvtop, VExtbinop, VFBinop, VSwizzlop, VTernop, VUnop,
};

#[test]
fn scalar_dispatch() {
    assert_eq!(unop(NumType::I32, Unop::Int(IUnop::Extend(Sz::N8)), Num::I32(0x80)), Num::I32(0xffff_ff80));
    assert_eq!(unop(NumType::I64, Unop::Int(IUnop::Clz), Num::I64(1)), Num::I64(63));
    assert_eq!(unop(NumType::F64, Unop::Float(FUnop::Neg), Num::F64(F64(0))), Num::F64(F64(1 << 63)));
    let div = Binop::Int(IBinop::Div(Sx::S));
    assert_eq!(
        binop(NumType::I32, div, Num::I32(0x8000_0000), Num::I32(u32::MAX)),
        Err(Trap::IntegerOverflow)
    );
    assert_eq!(binop(NumType::I64, div, Num::I64(6), Num::I64(u64::MAX)), Ok(Num::I64(-6i64 as u64)));
    assert_eq!(
        binop(NumType::I32, Binop::Int(IBinop::Rem(Sx::U)), Num::I32(1), Num::I32(0)),
        Err(Trap::IntegerDivideByZero)
    );
    // An i64 shift count is taken mod 64 over all its bits.
    assert_eq!(
        binop(NumType::I64, Binop::Int(IBinop::Shl), Num::I64(1), Num::I64((1 << 32) + 3)),
        Ok(Num::I64(8))
    );
    assert_eq!(
        binop(NumType::I64, Binop::Int(IBinop::Rotr), Num::I64(1), Num::I64(1 << 40)),
        Ok(Num::I64(1))
    );
    let one = Num::F32(F32::from_float(1.0));
    assert_eq!(binop(NumType::F32, Binop::Float(FBinop::Sub), one, one), Ok(Num::F32(F32(0))));
    assert_eq!(testop(NumType::I64, Testop::Eqz, Num::I64(0)), 1);
    assert_eq!(relop(NumType::I32, Relop::Int(IRelop::Lt(Sx::S)), Num::I32(u32::MAX), Num::I32(0)), 1);
    assert_eq!(relop(NumType::F32, Relop::Float(FRelop::Ne), one, Num::F32(F32(0x7fc0_0000))), 1);
    assert_eq!(
        cvtop(NumType::I64, NumType::I32, Cvtop::Extend(Sx::S), Num::I32(u32::MAX)),
        Ok(Num::I64(u64::MAX))
    );
    assert_eq!(
        cvtop(NumType::I64, NumType::I32, Cvtop::Extend(Sx::U), Num::I32(u32::MAX)),
        Ok(Num::I64(0xffff_ffff))
    );
    assert_eq!(cvtop(NumType::I32, NumType::I64, Cvtop::Wrap, Num::I64(0x1_0000_0002)), Ok(Num::I32(2)));
    assert_eq!(
        cvtop(NumType::I32, NumType::F32, Cvtop::Trunc(Sx::U), Num::F32(F32(0x7fc0_0000))),
        Err(Trap::InvalidConversionToInteger)
    );
    assert_eq!(
        cvtop(NumType::I64, NumType::F64, Cvtop::Trunc(Sx::S), Num::F64(F64::from_float(-1e19))),
        Err(Trap::IntegerOverflow)
    );
    assert_eq!(
        cvtop(NumType::I64, NumType::F32, Cvtop::TruncSat(Sx::U), Num::F32(F32::from_float(-5.0))),
        Ok(Num::I64(0))
    );
    assert_eq!(
        cvtop(NumType::F32, NumType::I64, Cvtop::Convert(Sx::U), Num::I64(u64::MAX)),
        Ok(Num::F32(F32(0x5f80_0000)))
    );
    assert_eq!(
        cvtop(NumType::F64, NumType::I32, Cvtop::Convert(Sx::S), Num::I32(u32::MAX)),
        Ok(Num::F64(F64::from_float(-1.0)))
    );
    assert_eq!(cvtop(NumType::F64, NumType::F32, Cvtop::Promote, one), Ok(Num::F64(F64::from_float(1.0))));
    assert_eq!(cvtop(NumType::F32, NumType::F64, Cvtop::Demote, Num::F64(F64::from_float(1.0))), Ok(one));
    assert_eq!(
        cvtop(NumType::I32, NumType::F32, Cvtop::Reinterpret, Num::F32(F32(0xff80_0001))),
        Ok(Num::I32(0xff80_0001))
    );
    assert_eq!(cvtop(NumType::F64, NumType::I64, Cvtop::Reinterpret, Num::I64(7)), Ok(Num::F64(F64(7))));
}

#[test]
fn trap_messages() {
    assert_eq!(Trap::IntegerDivideByZero.to_string(), "integer divide by zero");
    assert_eq!(Trap::IntegerOverflow.message(), "integer overflow");
    assert_eq!(Trap::InvalidConversionToInteger.message(), "invalid conversion to integer");
}

#[test]
#[should_panic(expected = "Instr_ok")]
fn ill_typed_operators_are_rejected() {
    unop(NumType::I32, Unop::Float(FUnop::Abs), Num::I32(0));
}

#[test]
fn rules_cited() {
    use rules::*;
    let cases = [
        (Instr::Binop(NumType::I32, Binop::Int(IBinop::Add)), OP_IADD),
        (Instr::Binop(NumType::I64, Binop::Int(IBinop::Div(Sx::U))), OP_IDIV),
        (Instr::Unop(NumType::I32, Unop::Int(IUnop::Extend(Sz::N16))), OP_IEXTENDN),
        (Instr::Unop(NumType::F32, Unop::Float(FUnop::Nearest)), OP_FNEAREST),
        (Instr::Testop(NumType::I64, Testop::Eqz), OP_IEQZ),
        (Instr::Relop(NumType::F64, Relop::Float(FRelop::Ge)), OP_FGE),
        (Instr::Cvtop(NumType::I32, NumType::F32, Cvtop::TruncSat(Sx::S)), OP_TRUNC_SAT),
        (Instr::Cvtop(NumType::F64, NumType::F32, Cvtop::Promote), OP_PROMOTE),
        (Instr::VUnop(Shape::F32x4, VUnop::Float(FUnop::Sqrt)), OP_FSQRT),
        (Instr::VBinop(Shape::F32x4, VBinop::Float(VFBinop::RelaxedMin)), OP_FRELAXED_MIN),
        (Instr::VBinop(Shape::F64x2, VBinop::Float(VFBinop::Pmax)), OP_FPMAX),
        (Instr::VTernop(Shape::I8x16, VTernop::RelaxedLaneselect), OP_IRELAXED_LANESELECT),
        (Instr::VSwizzlop(VSwizzlop::RelaxedSwizzle), OP_IVRELAXED_SWIZZLE),
        (Instr::VShuffle([0; 16]), OP_IVSHUFFLE),
        (Instr::VBitmask(Shape::I16x8), OP_IVBITMASK),
        (Instr::VExtbinop(Shape::I16x8, Shape::I8x16, VExtbinop::RelaxedDot), OP_IRELAXED_DOT),
        (Instr::VCvtop(Shape::I32x4, Shape::F32x4, VCvtop::RelaxedTrunc(Sx::U, false)), OP_RELAXED_TRUNC_U),
        (Instr::VCvtop(Shape::F32x4, Shape::F64x2, VCvtop::Demote), OP_VCVTOP),
        (Instr::VExtractLane(Shape::I8x16, Some(Sx::S), 3), OP_EXTEND),
        (Instr::VExtractLane(Shape::F32x4, None, 3), OP_VEC),
        (Instr::VSplat(Shape::I16x8), OP_WRAP),
    ];
    for (instr, rule_) in cases {
        let cited = rule(&instr);
        assert_eq!(cited, Some(rule_), "{instr:?}");
        assert_eq!(rule_.info().kind, "numeric");
    }
    assert_eq!(rule(&Instr::Const(Num::I32(0))), None);
    assert_eq!(rule(&Instr::Nop), None);
}
