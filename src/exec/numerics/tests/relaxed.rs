//! Relaxed operators under each value of their parameter, with the values of the official
//! relaxed-simd tests where they exist.

use super::{AnyF32, AnyV128, check};
use crate::exec::numerics::*;
use crate::syntax::{Instr, Shape, Sx, V128, VBinop, VCvtop, VExtbinop, VExtternop, VIBinop, VTernop};

fn same(a: f32, b: f32) -> bool {
    a.to_bits() == b.to_bits()
}

#[test]
fn madd_is_unfused_then_fused() {
    // FLT_MAX * 2 - FLT_MAX: +inf rounded twice, FLT_MAX rounded once.
    assert!(same(frelaxed_madd(0, f32::MAX, 2.0, -f32::MAX), f32::INFINITY));
    assert!(same(frelaxed_madd(1, f32::MAX, 2.0, -f32::MAX), f32::MAX));
    let (x, y) = (1.0 + 2f32.powi(-22), 1.0 + 2f32.powi(-15));
    let z = -(1.0 + 2f32.powi(-15) + 2f32.powi(-22));
    assert!(same(frelaxed_madd(0, x, y, z), 0.0));
    assert!(same(frelaxed_madd(1, x, y, z), 2f32.powi(-37)));
    // nmadd negates the first operand: given -x, or -y, it computes x * y + z again.
    assert!(same(frelaxed_nmadd(1, -x, y, z), 2f32.powi(-37)));
    assert!(same(frelaxed_nmadd(1, x, -y, z), 2f32.powi(-37)));
    assert!(same(frelaxed_nmadd(0, x, -y, z), 0.0));
    let (x, y) = (1.0 + 2f64.powi(-30), 1.0 + 2f64.powi(-23));
    let z = -(1.0 + 2f64.powi(-23) + 2f64.powi(-30));
    assert_eq!(frelaxed_madd(1, x, y, z), 2f64.powi(-53));
    assert_eq!(frelaxed_madd(0, x, y, z), 0.0);
}

#[test]
fn min_and_max_alternatives() {
    let nan = f32::from_bits(0xffc0_0000); // -nan
    let canon = f32::from_bits(0x7fc0_0000);
    // relaxed(R)[fmin(z1, z2), NaN(n), z2, z2] for z1 = NaN(n).
    let r: Vec<f32> = (0..4).map(|r| frelaxed_min(r, nan, 1.0)).collect();
    assert!(same(r[0], canon) && same(r[1], nan) && same(r[2], 1.0) && same(r[3], 1.0));
    // relaxed(R)[fmin(z1, z2), z1, NaN(n), z1] for z2 = NaN(n).
    let r: Vec<f32> = (0..4).map(|r| frelaxed_max(r, 1.0, nan)).collect();
    assert!(same(r[0], canon) && same(r[1], 1.0) && same(r[2], nan) && same(r[3], 1.0));
    // relaxed(R)[fmin(±0, ∓0), ±0, ∓0, -0] and for max with +0 last.
    let r: Vec<f32> = (0..4).map(|r| frelaxed_min(r, 0.0, -0.0)).collect();
    assert!(same(r[0], -0.0) && same(r[1], 0.0) && same(r[2], -0.0) && same(r[3], -0.0));
    let r: Vec<f32> = (0..4).map(|r| frelaxed_max(r, -0.0, 0.0)).collect();
    assert!(same(r[0], 0.0) && same(r[1], -0.0) && same(r[2], 0.0) && same(r[3], 0.0));
    // Elsewhere all four are fmin, fmax.
    check(
        2000,
        (|AnyF32(a): AnyF32, AnyF32(b): AnyF32, r: u8| {
            let special = a.is_nan() || b.is_nan() || a == 0.0 && b == 0.0;
            special
                || same(frelaxed_min(r % 4, a, b), fmin(a, b)) && same(frelaxed_max(r % 4, a, b), fmax(a, b))
        }) as fn(AnyF32, AnyF32, u8) -> bool,
    );
}

#[test]
fn q15mulr_overflow_saturates_or_wraps() {
    assert_eq!(irelaxed_q15mulr_s(0, 0x8000u16, 0x8000), 0x7fff);
    assert_eq!(irelaxed_q15mulr_s(1, 0x8000u16, 0x8000), 0x8000);
    check(
        2000,
        (|a: u16, b: u16, r: bool| {
            a == 0x8000 && b == 0x8000 || irelaxed_q15mulr_s(r.into(), a, b) == iq15mulr_sat_s(a, b)
        }) as fn(u16, u16, bool) -> bool,
    );
}

#[test]
fn laneselect_bitwise_or_by_top_bit() {
    // The official test's lanes: masks 0xffff, 0, 0xff00, 0x0080.
    let (a, b) = (0x1234u16, 0x5678u16);
    assert_eq!(irelaxed_laneselect(0, a, b, 0xff00), 0x1278);
    assert_eq!(irelaxed_laneselect(1, a, b, 0xff00), 0x1234);
    assert_eq!(irelaxed_laneselect(0, a, b, 0x0080), 0x5678);
    assert_eq!(irelaxed_laneselect(1, a, b, 0x0080), 0x5678);
    check(
        2000,
        (|a: u32, b: u32, m: bool, r: bool| {
            let m = if m { u32::MAX } else { 0 };
            irelaxed_laneselect(r.into(), a, b, m) == if m == 0 { b } else { a }
        }) as fn(u32, u32, bool, bool) -> bool,
    );
}

#[test]
fn trunc_alternatives() {
    for z in [f32::NAN, -f32::NAN, -2147483904.0, 2147483904.0, f32::INFINITY] {
        assert_eq!(relaxed_trunc_s::<f32, u32>(0, z), trunc_sat_s::<f32, u32>(z));
        assert_eq!(relaxed_trunc_s::<f32, u32>(1, z), 0x8000_0000);
    }
    for z in [f32::NAN, -1.0, 4294967296.0, f32::NEG_INFINITY] {
        assert_eq!(relaxed_trunc_u::<f32, u32>(0, z), trunc_sat_u::<f32, u32>(z));
        assert_eq!(relaxed_trunc_u::<f32, u32>(1, z), u32::MAX);
    }
    // In range both choices truncate.
    for r in 0..2 {
        assert_eq!(relaxed_trunc_s::<f64, u32>(r, -2147483648.9), 0x8000_0000);
        assert_eq!(relaxed_trunc_u::<f64, u32>(r, 4294967295.9), u32::MAX);
        assert_eq!(relaxed_trunc_u::<f32, u32>(r, -0.5), 0);
    }
}

#[test]
fn swizzle_lanes() {
    let i: Vec<u8> = (0x10..0x20).collect();
    for r in 0..2 {
        assert_eq!(ivrelaxed_swizzle_lane(r, &i, 5), 0x15);
        assert_eq!(ivrelaxed_swizzle_lane(r, &i, 0x80), 0);
        assert_eq!(ivrelaxed_swizzle_lane(r, &i, 0xff), 0);
    }
    assert_eq!(ivrelaxed_swizzle_lane(0, &i, 17), 0);
    assert_eq!(ivrelaxed_swizzle_lane(1, &i, 17), 0x11);
    assert_eq!(ivrelaxed_swizzle_lane(1, &i, 0x7f), 0x1f);
    check(
        1000,
        (|AnyV128(a): AnyV128, AnyV128(j): AnyV128| {
            let det = vswizzlop(Relaxed::DETERMINISTIC, crate::syntax::VSwizzlop::RelaxedSwizzle, a, j);
            det == vswizzlop(Relaxed::DETERMINISTIC, crate::syntax::VSwizzlop::Swizzle, a, j)
        }) as fn(AnyV128, AnyV128) -> bool,
    );
}

fn i8x16(c: [i8; 16]) -> V128 {
    V128(c.map(|c| c as u8))
}

#[test]
fn dot_products() {
    let rx = |r| Relaxed::DETERMINISTIC.with(Param::Idot, r);
    let dot =
        |r, a, b| lanes::<u16>(vextbinop(rx(r), Shape::I16x8, Shape::I8x16, VExtbinop::RelaxedDot, a, b));
    let a = i8x16([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assert_eq!(dot(0, a, a)[..], [1, 13, 41, 85, 145, 221, 313, 421]);
    let mut x = [0; 16];
    (x[0], x[1]) = (-128, -128);
    let mut y = [0; 16];
    (y[0], y[1]) = (-127, -127);
    // Second operand signed: -128 * -127 * 2 = 32512. Unsigned (129): -33024, saturated.
    assert_eq!(dot(0, i8x16(x), i8x16(y))[0], 32512);
    assert_eq!(dot(1, i8x16(x), i8x16(y))[0], 0x8000);

    let add = |r, a, b, c| {
        lanes::<u32>(vextternop(rx(r), Shape::I32x4, Shape::I8x16, VExtternop::RelaxedDotAdd, a, b, c))
    };
    // Products summed in fours: [14, 126, 366, 734], plus c.
    assert_eq!(add(0, a, a, inv_lanes(&[0u32, 1, 2, 3]))[..], [14, 127, 368, 737]);
    let c: V128 = inv_lanes(&[1u32, 2, 3, 4]);
    (x[2], x[3], y[2], y[3]) = (-128, -128, -127, -127);
    assert_eq!(add(0, i8x16(x), i8x16(y), c)[..], [65025, 2, 3, 4]);
    // Saturated to -32768 per pair before the pairwise sum: -65536 + 1.
    assert_eq!(add(1, i8x16(x), i8x16(y), c)[..], [-65535i32 as u32, 2, 3, 4]);
}

#[test]
fn vector_dispatch_uses_the_parameters() {
    let rx = Relaxed::DETERMINISTIC.with(Param::TruncS, 1).with(Param::Iq15mulr, 1);
    let z = inv_lanes(&[f32::NAN, 1.5, 3e9, -3e9]);
    let t = lanes::<u32>(vcvtop(rx, Shape::I32x4, Shape::F32x4, VCvtop::RelaxedTrunc(Sx::S, false), z));
    assert_eq!(t[..], [0x8000_0000, 1, 0x8000_0000, 0x8000_0000]);
    let t = lanes::<u32>(vcvtop(rx, Shape::I32x4, Shape::F32x4, VCvtop::RelaxedTrunc(Sx::U, false), z));
    assert_eq!(t[..], [0, 1, 3_000_000_000, 0]);
    let m: V128 = inv_lanes(&[0x8000u16; 8]);
    let q = lanes::<u16>(vbinop(rx, Shape::I16x8, VBinop::Int(VIBinop::RelaxedQ15mulr), m, m));
    assert_eq!(q[..], [0x8000; 8]);
    let sel = vternop(
        Relaxed::DETERMINISTIC.with(Param::Laneselect, 1),
        Shape::I32x4,
        VTernop::RelaxedLaneselect,
        inv_lanes(&[1u32; 4]),
        inv_lanes(&[2u32; 4]),
        inv_lanes(&[0x8000_0000u32, 0x7fff_ffff, 0, u32::MAX]),
    );
    assert_eq!(lanes::<u32>(sel)[..], [1, 2, 2, 1]);
}

#[test]
fn parameters() {
    assert_eq!(Param::ALL.iter().map(|p| p.arity()).sum::<u8>(), 2 * 7 + 4 * 2);
    let rx = Relaxed::DETERMINISTIC.with(Param::Fmin, 3);
    assert_eq!((rx.get(Param::Fmin), rx.get(Param::Fmax)), (3, 0));
    let of = |i: Instr| Param::of(&i);
    assert_eq!(of(Instr::VSwizzlop(crate::syntax::VSwizzlop::RelaxedSwizzle)), Some(Param::Swizzle));
    assert_eq!(of(Instr::VSwizzlop(crate::syntax::VSwizzlop::Swizzle)), None);
    assert_eq!(of(Instr::VTernop(Shape::F64x2, VTernop::RelaxedNmadd)), Some(Param::Fmadd));
    assert_eq!(of(Instr::VBinop(Shape::I16x8, VBinop::Int(VIBinop::Add))), None);
    assert_eq!(Param::TruncU.name(), "R_trunc_u");
}
