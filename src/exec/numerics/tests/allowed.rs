//! The allowed sets: `nans_N` by the kinds of NaN operands, the relaxed alternatives of the
//! official relaxed-simd tests (each `either` branch is one parameter value), and the
//! consistency of parameter choices across a run.

use super::{AnyF32, AnyF64, AnyV128, check};
use crate::exec::numerics::*;
use crate::syntax::{
    Binop, Cvtop, F32, F64, FBinop, FUnop, Num, NumType, Shape, Sx, Unop, V128, VBinop, VCvtop, VExtbinop,
    VExtternop, VFBinop, VIBinop, VSwizzlop, VTernop, VUnop,
};

fn nan32(negative: bool, payload: u32) -> f32 {
    f32::from_bits(u32::from(negative) << 31 | 0x7f80_0000 | payload)
}
fn n32(z: f32) -> Num {
    Num::F32(F32::from_float(z))
}
fn n64(z: f64) -> Num {
    Num::F64(F64::from_float(z))
}
fn f32x4(c: [f32; 4]) -> V128 {
    inv_lanes(&c)
}

const CANON: u32 = 0x40_0000;

#[test]
fn nan_sets_depend_on_the_nan_operands() {
    assert_eq!(NanSet::of::<f32>(&[]), NanSet::Canonical);
    assert_eq!(NanSet::of(&[1.0f32, 2.0]), NanSet::Canonical);
    assert_eq!(NanSet::of(&[nan32(true, CANON), 1.0]), NanSet::Canonical);
    assert_eq!(NanSet::of(&[nan32(false, 1), 1.0]), NanSet::Arithmetic);
    assert_eq!(NanSet::of(&[nan32(false, CANON), nan32(true, CANON | 5)]), NanSet::Arithmetic);
    let c = NanSet::Canonical;
    assert!(c.contains(nan32(false, CANON)) && c.contains(nan32(true, CANON)));
    assert!(!c.contains(nan32(false, CANON | 1)) && !c.contains(1.0f32));
    let a = NanSet::Arithmetic;
    assert!(a.contains(nan32(true, CANON)) && a.contains(nan32(false, 0x7f_ffff)));
    assert!(!a.contains(nan32(false, 1)) && !a.contains(f32::INFINITY));
}

#[test]
fn scalar_float_results() {
    let t = NumType::F32;
    let add = |a, b| binop_allowed(t, Binop::Float(FBinop::Add), n32(a), n32(b)).unwrap();
    assert_eq!(add(nan32(false, CANON | 1), 1.0), Allowed::Nan(NanSet::Arithmetic));
    assert_eq!(add(nan32(true, CANON), 1.0), Allowed::Nan(NanSet::Canonical));
    assert_eq!(add(f32::INFINITY, f32::NEG_INFINITY), Allowed::Nan(NanSet::Canonical));
    assert_eq!(add(1.0, 2.0), Allowed::Exact(3.0f32.to_bits().into()));
    let inf_minus_inf = add(f32::INFINITY, f32::NEG_INFINITY);
    assert!(inf_minus_inf.contains(t, 0xffc0_0000) && inf_minus_inf.contains(t, 0x7fc0_0000));
    assert!(!inf_minus_inf.contains(t, 0x7fc0_0001));
    let any = add(nan32(false, 1), 1.0);
    assert!(any.contains(t, 0x7fff_ffff) && !any.contains(t, 0x7f80_0001));
    // Sign operators and pmin/pmax are exact, NaN payload and sign included.
    let neg = unop_allowed(t, Unop::Float(FUnop::Neg), n32(nan32(false, 1)));
    assert_eq!(neg, Allowed::Exact(0xff80_0001));
    let cs = binop_allowed(t, Binop::Float(FBinop::Copysign), n32(nan32(false, 3)), n32(-1.0));
    assert_eq!(cs, Ok(Allowed::Exact(0xff80_0003)));
    assert_eq!(
        unop_allowed(NumType::F64, Unop::Float(FUnop::Sqrt), n64(-1.0)),
        Allowed::Nan(NanSet::Canonical)
    );
    assert_eq!(
        unop_allowed(t, Unop::Float(FUnop::Nearest), n32(nan32(true, 7))),
        Allowed::Nan(NanSet::Arithmetic)
    );
    assert!(binop_allows(t, Binop::Float(FBinop::Mul), n32(0.0), n32(f32::INFINITY), n32(-f32::NAN)));
    assert!(!binop_allows(t, Binop::Float(FBinop::Mul), n32(2.0), n32(3.0), n32(6.5)));
    assert!(!binop_allows(t, Binop::Float(FBinop::Mul), n32(2.0), n32(3.0), Num::I32(0x40c0_0000)));
}

#[test]
fn integer_results_and_traps() {
    let div = Binop::Int(crate::syntax::IBinop::Div(Sx::S));
    assert_eq!(binop_allowed(NumType::I32, div, Num::I32(7), Num::I32(0)), Err(Trap::IntegerDivideByZero));
    assert!(!binop_allows(NumType::I32, div, Num::I32(7), Num::I32(0), Num::I32(0)));
    assert!(binop_allows(NumType::I32, div, Num::I32(7), Num::I32(2), Num::I32(3)));
    assert_eq!(
        cvtop_allowed(NumType::I32, NumType::F32, Cvtop::Trunc(Sx::S), n32(f32::NAN)),
        Err(Trap::InvalidConversionToInteger)
    );
}

#[test]
fn promote_and_demote_nans() {
    let promote = |z: f32| cvtop_allowed(NumType::F64, NumType::F32, Cvtop::Promote, n32(z)).unwrap();
    assert_eq!(promote(nan32(true, CANON)), Allowed::Nan(NanSet::Canonical));
    assert_eq!(promote(nan32(false, 1)), Allowed::Nan(NanSet::Arithmetic));
    assert_eq!(promote(1.5), Allowed::Exact(1.5f64.to_bits()));
    let demote = |z: f64| cvtop_allowed(NumType::F32, NumType::F64, Cvtop::Demote, n64(z)).unwrap();
    assert_eq!(demote(f64::from_bits(0xfff8_0000_0000_0000)), Allowed::Nan(NanSet::Canonical));
    assert_eq!(demote(f64::from_bits(0x7ff0_0000_0000_0001)), Allowed::Nan(NanSet::Arithmetic));
    assert!(cvtop_allows(NumType::F32, NumType::F64, Cvtop::Demote, n64(f64::NAN), n32(-f32::NAN)));
    let v = inv_lanes(&[f64::from_bits(0x7ff0_0000_0000_0001), 1.0]);
    let d = vcvtop_allowed(Relaxed::DETERMINISTIC, Shape::F32x4, Shape::F64x2, VCvtop::Demote, v);
    assert_eq!(
        d.lanes(),
        &[
            Allowed::Nan(NanSet::Arithmetic),
            Allowed::Exact(0x3f80_0000),
            Allowed::Exact(0),
            Allowed::Exact(0)
        ]
    );
}

/// The deterministic result is always allowed, and a NaN set holds both signs.
#[test]
fn the_deterministic_result_is_allowed() {
    use crate::syntax::{FBinop::*, FUnop::*};
    check(
        2000,
        (|AnyF32(a): AnyF32, AnyF32(b): AnyF32, AnyF64(c): AnyF64| {
            let t = NumType::F32;
            let (x, y) = (n32(a), n32(b));
            let unops = [Abs, Neg, Sqrt, Ceil, Floor, Trunc, Nearest];
            let binops = [Add, Sub, Mul, Div, Min, Max, Copysign];
            unops.iter().all(|&op| unop_allows(t, Unop::Float(op), x, unop(t, Unop::Float(op), x)))
                && binops.iter().all(|&op| {
                    let r = binop(t, Binop::Float(op), x, y).unwrap();
                    let flipped = Num::F32(F32(r.bits() as u32 ^ 0x8000_0000));
                    binop_allows(t, Binop::Float(op), x, y, r)
                        && (op == Copysign
                            || !f32::from_bits(r.bits() as u32).is_nan()
                            || binop_allows(t, Binop::Float(op), x, y, flipped))
                })
                && cvtop_allows(
                    NumType::F32,
                    NumType::F64,
                    Cvtop::Demote,
                    n64(c),
                    cvtop(NumType::F32, NumType::F64, Cvtop::Demote, n64(c)).unwrap(),
                )
                && cvtop_allows(
                    NumType::F64,
                    NumType::F32,
                    Cvtop::Promote,
                    x,
                    cvtop(NumType::F64, NumType::F32, Cvtop::Promote, x).unwrap(),
                )
        }) as fn(AnyF32, AnyF32, AnyF64) -> bool,
    );
    check(
        1000,
        (|AnyV128(v1): AnyV128, AnyV128(v2): AnyV128, AnyV128(v3): AnyV128| {
            let det = Relaxed::DETERMINISTIC;
            let mut choices = Choices::DETERMINISTIC;
            [Shape::F32x4, Shape::F64x2].iter().all(|&sh| {
                [VFBinop::Add, VFBinop::Min, VFBinop::Pmax, VFBinop::RelaxedMin, VFBinop::RelaxedMax]
                    .iter()
                    .all(|&op| {
                        let op = VBinop::Float(op);
                        vbinop_allows(&mut choices, sh, op, v1, v2, vbinop(det, sh, op, v1, v2))
                    })
                    && vunop_allows(sh, VUnop::Float(Sqrt), v1, vunop(sh, VUnop::Float(Sqrt), v1))
                    && [VTernop::RelaxedMadd, VTernop::RelaxedNmadd].iter().all(|&op| {
                        vternop_allows(&mut choices, sh, op, v1, v2, v3, vternop(det, sh, op, v1, v2, v3))
                    })
            }) && choices == Choices::DETERMINISTIC
        }) as fn(AnyV128, AnyV128, AnyV128) -> bool,
    );
}

#[test]
fn relaxed_min_alternatives_are_the_parameter_values() {
    // relaxed_min.wast: (-nan nan 0 0) with (0 0 -nan nan). Its four `either` results are
    // exactly R_fmin = 0, 1, 2, 3.
    let (a, b) = (f32x4([-f32::NAN, f32::NAN, 0.0, 0.0]), f32x4([0.0, 0.0, -f32::NAN, f32::NAN]));
    let n = f32::NAN;
    let op = VBinop::Float(VFBinop::RelaxedMin);
    for (r, result) in [[n, n, n, n], [n, n, 0.0, 0.0], [0.0, 0.0, n, n], [0.0; 4]].iter().enumerate() {
        let mut choices = Choices::ANY;
        assert!(vbinop_allows(&mut choices, Shape::F32x4, op, a, b, f32x4(*result)));
        assert_eq!(choices.values(Param::Fmin).collect::<Vec<_>>(), [r as u8]);
        // Once chosen, the other results are rejected, and the choice is left alone.
        let other = f32x4([[n, n, n, n], [0.0; 4]][usize::from(r == 0)]);
        assert!(!vbinop_allows(&mut choices, Shape::F32x4, op, a, b, other));
        assert_eq!(choices.values(Param::Fmin).count(), 1);
    }
    // Zeros: (+0 -0 +0 -0) with (-0 +0 +0 -0).
    let (a, b) = (f32x4([0.0, -0.0, 0.0, -0.0]), f32x4([-0.0, 0.0, 0.0, -0.0]));
    let mut choices = Choices::ANY;
    assert!(vbinop_allows(&mut choices, Shape::F32x4, op, a, b, f32x4([0.0, -0.0, 0.0, -0.0])));
    assert_eq!(choices.values(Param::Fmin).collect::<Vec<_>>(), [1]);
    // A NaN of another payload is never allowed by the NaN(n) alternative.
    let mut choices = Choices::ANY;
    let odd = f32x4([nan32(false, CANON | 9), 0.0, 0.0, 0.0]);
    let a = f32x4([-f32::NAN, 0.0, 0.0, 0.0]);
    assert!(!vbinop_allows(&mut choices, Shape::F32x4, op, a, f32x4([0.0; 4]), odd));
    assert_eq!(choices, Choices::ANY);
}

#[test]
fn relaxed_madd_fused_or_not() {
    let v = |z: f32| f32x4([z; 4]);
    let (x, y, z) = (v(f32::MAX), v(2.0), v(-f32::MAX));
    let mut choices = Choices::ANY;
    assert!(vternop_allows(&mut choices, Shape::F32x4, VTernop::RelaxedMadd, x, y, z, v(f32::MAX)));
    assert_eq!(choices.values(Param::Fmadd).collect::<Vec<_>>(), [1]);
    // The same engine must stay fused.
    assert!(!vternop_allows(&mut choices, Shape::F32x4, VTernop::RelaxedMadd, x, y, z, v(f32::INFINITY)));
    let mut det = Choices::DETERMINISTIC;
    assert!(!vternop_allows(&mut det, Shape::F32x4, VTernop::RelaxedMadd, x, y, z, v(f32::MAX)));
    assert!(vternop_allows(&mut det, Shape::F32x4, VTernop::RelaxedMadd, x, y, z, v(f32::INFINITY)));
}

fn i8x16(c: [i8; 16]) -> V128 {
    V128(c.map(|c| c as u8))
}

#[test]
fn relaxed_integer_alternatives() {
    // relaxed_dot_product.wast: -128 -128 by -127 -127.
    let mut x = [0i8; 16];
    (x[0], x[1]) = (-128, -128);
    let mut y = [0i8; 16];
    (y[0], y[1]) = (-127, -127);
    let dot = |c: &mut Choices, r: u16| {
        let result = inv_lanes(&[r, 0, 0, 0, 0, 0, 0, 0]);
        vextbinop_allows(c, Shape::I16x8, Shape::I8x16, VExtbinop::RelaxedDot, i8x16(x), i8x16(y), result)
    };
    assert!(dot(&mut Choices::default(), 32512) && dot(&mut Choices::default(), 0x8000));
    // The suite also accepts unsigned * unsigned (33024); the spec's R_idot does not.
    assert!(!dot(&mut Choices::default(), 33024));

    (x[2], x[3], y[2], y[3]) = (-128, -128, -127, -127);
    let dot_add = |c: &mut Choices, r: i32| {
        let (c3, result) = (inv_lanes(&[1u32, 2, 3, 4]), inv_lanes(&[r as u32, 2, 3, 4]));
        vextternop_allows(
            c,
            Shape::I32x4,
            Shape::I8x16,
            VExtternop::RelaxedDotAdd,
            i8x16(x),
            i8x16(y),
            c3,
            result,
        )
    };
    let mut c = Choices::ANY;
    assert!(dot_add(&mut c, 65025) && dot_add(&mut Choices::default(), -65535));
    assert!(!dot_add(&mut c, -65535), "R_idot is fixed at 0 by the first result");
    // Without the intermediate saturation (VNNI's -66047) is not in the spec's set.
    assert!(!dot_add(&mut Choices::default(), -66047));

    // i16x8_relaxed_q15mulr_s.wast.
    let a: V128 = inv_lanes(&[0x8000u16, 0x8001, 0x7fff, 0, 0, 0, 0, 0]);
    let b: V128 = inv_lanes(&[0x8000u16, 0x8000, 0x7fff, 0, 0, 0, 0, 0]);
    let q = |r: u16| inv_lanes(&[r, 0x7fff, 0x7ffe, 0, 0, 0, 0, 0]);
    let op = VBinop::Int(VIBinop::RelaxedQ15mulr);
    assert!(vbinop_allows(&mut Choices::default(), Shape::I16x8, op, a, b, q(0x8000)));
    assert!(vbinop_allows(&mut Choices::default(), Shape::I16x8, op, a, b, q(0x7fff)));
    assert!(!vbinop_allows(&mut Choices::default(), Shape::I16x8, op, a, b, q(0)));

    // relaxed_laneselect.wast, i16x8 with masks 0xffff 0 0xff00 0x0080.
    let (a, b): (V128, V128) = (
        inv_lanes(&[0u16, 1, 0x1234, 0x1234, 4, 5, 6, 7]),
        inv_lanes(&[8u16, 9, 0x5678, 0x5678, 12, 13, 14, 15]),
    );
    let m = inv_lanes(&[0xffffu16, 0, 0xff00, 0x0080, 0, 0, 0, 0]);
    let sel = |l2: u16, l3: u16| inv_lanes(&[0u16, 9, l2, l3, 12, 13, 14, 15]);
    let allows =
        |r| vternop_allows(&mut Choices::default(), Shape::I16x8, VTernop::RelaxedLaneselect, a, b, m, r);
    assert!(allows(sel(0x1278, 0x5678)) && allows(sel(0x1234, 0x5678)));
    // The suite's third alternative (pblendvb, the top bit of each byte) is outside R_laneselect.
    assert!(!allows(sel(0x1278, 0x5634)));

    // i8x16_relaxed_swizzle.wast: indices 16..31 give 0 or the index mod 16.
    let i: V128 = inv_lanes(&std::array::from_fn::<u8, 16, _>(|k| k as u8));
    let j: V128 = inv_lanes(&std::array::from_fn::<u8, 16, _>(|k| 16 + k as u8));
    let swizzle = |c: &mut Choices, r| vswizzlop_allows(c, VSwizzlop::RelaxedSwizzle, i, j, r);
    assert!(swizzle(&mut Choices::default(), V128::default()) && swizzle(&mut Choices::default(), i));
    // Indices 128..255 give 0 under both values (the suite also accepts the index mod 16).
    let j: V128 = inv_lanes(&std::array::from_fn::<u8, 16, _>(|k| 128 + k as u8));
    let swizzle = |r| vswizzlop_allows(&mut Choices::default(), VSwizzlop::RelaxedSwizzle, i, j, r);
    assert!(swizzle(V128::default()) && !swizzle(i));
}

#[test]
fn relaxed_trunc_alternatives() {
    // i32x4_relaxed_trunc.wast.
    let to = |c: [i64; 4]| inv_lanes(&c.map(|c| c as u32));
    let trunc = |sx, z: [f32; 4], r: V128| {
        vcvtop_allows(
            &mut Choices::default(),
            Shape::I32x4,
            Shape::F32x4,
            VCvtop::RelaxedTrunc(sx, false),
            f32x4(z),
            r,
        )
    };
    let z = [-2147483648.0, -2147483904.0, 2.0, 2147483904.0];
    assert!(trunc(Sx::S, z, to([-2147483648, -2147483648, 2, 2147483647])));
    assert!(trunc(Sx::S, z, to([-2147483648, -2147483648, 2, -2147483648])));
    assert!(!trunc(Sx::S, z, to([-2147483648, -2147483648, 2, 0])));
    let z = [f32::NAN, -f32::NAN, nan32(false, 0x44_4444), nan32(true, 0x44_4444)];
    assert!(trunc(Sx::S, z, to([0; 4])) && trunc(Sx::S, z, to([0x8000_0000; 4])));
    assert!(trunc(Sx::U, z, to([0; 4])) && trunc(Sx::U, z, to([0xffff_ffff; 4])));
    let z = [0.0, -1.0, 4294967040.0, 4294967296.0];
    assert!(trunc(Sx::U, z, to([0, 0, 4294967040, 0xffff_ffff])));
    assert!(trunc(Sx::U, z, to([0, 0xffff_ffff, 4294967040, 0xffff_ffff])));
    // f64x2 with zeroed upper lanes.
    let r = to([0, 0xffff_ffff, 0, 0]);
    let v = inv_lanes(&[-1.0f64, 4294967296.0]);
    let mut c = Choices::ANY;
    assert!(vcvtop_allows(&mut c, Shape::I32x4, Shape::F64x2, VCvtop::RelaxedTrunc(Sx::U, true), v, r));
    assert_eq!(c.values(Param::TruncU).collect::<Vec<_>>(), [0]);
}

#[test]
fn vector_nan_lanes() {
    let v = f32x4([-1.0, 4.0, nan32(true, 1), f32::NAN]);
    let a = vunop_allowed(Shape::F32x4, VUnop::Float(FUnop::Sqrt), v);
    assert_eq!(
        a.lanes(),
        &[
            Allowed::Nan(NanSet::Canonical),
            Allowed::Exact(2.0f32.to_bits().into()),
            Allowed::Nan(NanSet::Arithmetic),
            Allowed::Nan(NanSet::Canonical)
        ]
    );
    assert!(a.contains(f32x4([-f32::NAN, 2.0, nan32(false, 0x7f_0000), -f32::NAN])));
    assert!(!a.contains(f32x4([-f32::NAN, 2.0, nan32(false, 1), -f32::NAN])));
    let p = vbinop_allowed(Relaxed::DETERMINISTIC, Shape::F32x4, VBinop::Float(VFBinop::Pmin), v, v);
    assert_eq!(p.lanes()[2], Allowed::Exact(nan32(true, 1).to_bits().into()));
    let i = VAllowed::exact(Shape::I8x16, V128::from_u128(0xff));
    assert_eq!(i.lanes().len(), 16);
    assert!(i.contains(V128::from_u128(0xff)) && !i.contains(V128::from_u128(0x1ff)));
}

#[test]
fn choices() {
    assert_eq!(Choices::default(), Choices::ANY);
    assert_eq!(Choices::ANY.values(Param::Fmax).collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(Choices::ANY.values(Param::Swizzle).collect::<Vec<_>>(), [0, 1]);
    assert!(Choices::DETERMINISTIC.allows(Param::Idot, 0) && !Choices::DETERMINISTIC.allows(Param::Idot, 1));
    // A deterministic operator leaves the choices alone.
    let mut c = Choices::ANY;
    let v = V128::from_u128(3);
    let sum = vbinop(Relaxed::DETERMINISTIC, Shape::I8x16, VBinop::Int(VIBinop::Add), v, v);
    assert!(vbinop_allows(&mut c, Shape::I8x16, VBinop::Int(VIBinop::Add), v, v, sum));
    assert!(!vbinop_allows(&mut c, Shape::I8x16, VBinop::Int(VIBinop::Add), v, v, v));
    assert_eq!(c, Choices::ANY);
}
