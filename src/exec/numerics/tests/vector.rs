//! Vector operators: the lane-wise lifting against the scalar definitions lane by lane, and
//! the operators over whole lane sequences by hand.

use super::{AnyV128, check, lane, modn, signed};
use crate::exec::numerics::*;
use crate::syntax::{
    FBinop, FRelop, FUnop, Half, IRelop, Num, NumType, Relop, Shape, Sx, V128, VBinop, VCvtop, VExtbinop,
    VExtunop, VFBinop, VIBinop, VIUnop, VShiftop, VSwizzlop, VTestop, VUnop, VVbinop, VVternop, VVtestop,
    VVunop,
};

const DET: Relaxed = Relaxed::DETERMINISTIC;
const INT_SHAPES: [Shape; 4] = [Shape::I8x16, Shape::I16x8, Shape::I32x4, Shape::I64x2];

fn v8(c: [u8; 16]) -> V128 {
    inv_lanes(&c)
}
fn v16(c: [u16; 8]) -> V128 {
    inv_lanes(&c)
}
fn v32(c: [u32; 4]) -> V128 {
    inv_lanes(&c)
}
fn v64(c: [u64; 2]) -> V128 {
    inv_lanes(&c)
}
fn f32x4(c: [f32; 4]) -> V128 {
    inv_lanes(&c)
}
fn f64x2(c: [f64; 2]) -> V128 {
    inv_lanes(&c)
}

#[test]
fn lanes_are_little_endian() {
    let v = V128::from_u128(0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100);
    assert_eq!(lanes::<u8>(v)[..], (0..16).collect::<Vec<u8>>()[..]);
    assert_eq!(lanes::<u16>(v)[0], 0x0100);
    assert_eq!(lanes::<u32>(v)[3], 0x0f0e_0d0c);
    assert_eq!(lanes::<u64>(v)[1], 0x0f0e_0d0c_0b0a_0908);
    check(
        1000,
        (|AnyV128(v): AnyV128| {
            inv_lanes(&lanes::<u8>(v)) == v
                && inv_lanes(&lanes::<u16>(v)) == v
                && inv_lanes(&lanes::<u64>(v)) == v
                && inv_lanes(&lanes::<f32>(v)) == v
                && inv_lanes(&lanes::<f64>(v)) == v
        }) as fn(AnyV128) -> bool,
    );
}

/// The spec's integer lane operators at width `n`, in `i128`.
fn ibinop_spec(op: VIBinop, n: u32, a: u128, b: u128) -> u128 {
    let (sa, sb, a, b) = (signed(n, a), signed(n, b), a as i128, b as i128);
    let sat_u = |i: i128| modn(n, i.clamp(0, (1 << n) - 1));
    let sat_s = |i: i128| modn(n, i.clamp(-(1 << (n - 1)), (1 << (n - 1)) - 1));
    match op {
        VIBinop::Add => modn(n, a + b),
        VIBinop::Sub => modn(n, a - b),
        VIBinop::Mul => (a as u128).wrapping_mul(b as u128) % (1 << n),
        VIBinop::AddSat(Sx::U) => sat_u(a + b),
        VIBinop::AddSat(Sx::S) => sat_s(sa + sb),
        VIBinop::SubSat(Sx::U) => sat_u(a - b),
        VIBinop::SubSat(Sx::S) => sat_s(sa - sb),
        VIBinop::Avgr => modn(n, (a + b + 1) / 2),
        VIBinop::Q15mulrSat => sat_s((sa * sb + (1 << 14)) >> 15),
        // The deterministic choice where both are -2^(N-1): 2^(N-1) - 1 (the saturated
        // product at N = 16, the only shape the instruction has).
        VIBinop::RelaxedQ15mulr if sa == sb && sa == -(1 << (n - 1)) => (1 << (n - 1)) - 1,
        VIBinop::RelaxedQ15mulr => sat_s((sa * sb + (1 << 14)) >> 15),
        VIBinop::Min(Sx::U) => modn(n, a.min(b)),
        VIBinop::Min(Sx::S) => modn(n, sa.min(sb)),
        VIBinop::Max(Sx::U) => modn(n, a.max(b)),
        VIBinop::Max(Sx::S) => modn(n, sa.max(sb)),
    }
}

const IBINOPS: [VIBinop; 14] = [
    VIBinop::Add,
    VIBinop::Sub,
    VIBinop::Mul,
    VIBinop::AddSat(Sx::U),
    VIBinop::AddSat(Sx::S),
    VIBinop::SubSat(Sx::U),
    VIBinop::SubSat(Sx::S),
    VIBinop::Avgr,
    VIBinop::Q15mulrSat,
    VIBinop::RelaxedQ15mulr,
    VIBinop::Min(Sx::U),
    VIBinop::Min(Sx::S),
    VIBinop::Max(Sx::U),
    VIBinop::Max(Sx::S),
];

#[test]
fn integer_lanes_follow_the_scalar_definitions() {
    check(
        1000,
        (|AnyV128(v1): AnyV128, AnyV128(v2): AnyV128, count: u32| {
            INT_SHAPES.iter().all(|&sh| {
                let (n, dim) = (sh.lane_bits(), sh.dim());
                let each = |r: V128, f: &dyn Fn(u128, u128) -> u128| {
                    (0..dim).all(|k| lane(r, n, k) == f(lane(v1, n, k), lane(v2, n, k)))
                };
                let ones = |c: bool| if c { (1 << n) - 1 } else { 0 };
                let s = |i: u128| signed(n, i);
                IBINOPS.iter().all(|&op| {
                    each(vbinop(DET, sh, VBinop::Int(op), v1, v2), &|a, b| ibinop_spec(op, n, a, b))
                }) && each(vunop(sh, VUnop::Int(VIUnop::Neg), v1), &|a, _| modn(n, -(a as i128)))
                    && each(vunop(sh, VUnop::Int(VIUnop::Abs), v1), &|a, _| modn(n, s(a).abs()))
                    && each(vunop(sh, VUnop::Int(VIUnop::Popcnt), v1), &|a, _| a.count_ones().into())
                    && each(vrelop(sh, Relop::Int(IRelop::Eq), v1, v2), &|a, b| ones(a == b))
                    && each(vrelop(sh, Relop::Int(IRelop::Lt(Sx::S)), v1, v2), &|a, b| ones(s(a) < s(b)))
                    && each(vrelop(sh, Relop::Int(IRelop::Ge(Sx::U)), v1, v2), &|a, b| ones(a >= b))
                    && each(vrelop(sh, Relop::Int(IRelop::Le(Sx::S)), v1, v2), &|a, b| ones(s(a) <= s(b)))
                    && each(vshiftop(sh, VShiftop::Shl, v1, count), &|a, _| (a << (count % n)) % (1 << n))
                    && each(vshiftop(sh, VShiftop::Shr(Sx::U), v1, count), &|a, _| a >> (count % n))
                    && each(vshiftop(sh, VShiftop::Shr(Sx::S), v1, count), &|a, _| {
                        modn(n, s(a) >> (count % n))
                    })
            })
        }) as fn(AnyV128, AnyV128, u32) -> bool,
    );
}

#[test]
fn float_lanes_follow_the_scalar_operators() {
    const FUNOPS: [FUnop; 7] =
        [FUnop::Abs, FUnop::Neg, FUnop::Sqrt, FUnop::Ceil, FUnop::Floor, FUnop::Trunc, FUnop::Nearest];
    const FBINOPS: [(VFBinop, Option<FBinop>); 8] = [
        (VFBinop::Add, Some(FBinop::Add)),
        (VFBinop::Sub, Some(FBinop::Sub)),
        (VFBinop::Mul, Some(FBinop::Mul)),
        (VFBinop::Div, Some(FBinop::Div)),
        (VFBinop::Min, Some(FBinop::Min)),
        (VFBinop::Max, Some(FBinop::Max)),
        (VFBinop::RelaxedMin, Some(FBinop::Min)),
        (VFBinop::RelaxedMax, Some(FBinop::Max)),
    ];
    check(
        1000,
        (|AnyV128(v1): AnyV128, AnyV128(v2): AnyV128| {
            [(Shape::F32x4, NumType::F32), (Shape::F64x2, NumType::F64)].iter().all(|&(sh, t)| {
                let (n, dim) = (sh.lane_bits(), sh.dim());
                let num = |v: V128, k: u32| Num::from_bits(t, lane(v, n, k) as u64);
                let each = |r: V128, f: &dyn Fn(Num, Num) -> u64| {
                    (0..dim).all(|k| lane(r, n, k) as u64 == f(num(v1, k), num(v2, k)))
                };
                let flt = |a: Num, b: Num| relop(t, Relop::Float(FRelop::Lt), a, b) == 1;
                FUNOPS.iter().all(|&op| {
                    each(vunop(sh, VUnop::Float(op), v1), &|a, _| {
                        unop(t, crate::syntax::Unop::Float(op), a).bits()
                    })
                }) && FBINOPS.iter().all(|&(vop, op)| {
                    each(vbinop(DET, sh, VBinop::Float(vop), v1, v2), &|a, b| {
                        binop(t, crate::syntax::Binop::Float(op.unwrap()), a, b).unwrap().bits()
                    })
                }) && each(vbinop(DET, sh, VBinop::Float(VFBinop::Pmin), v1, v2), &|a, b| {
                    if flt(b, a) { b.bits() } else { a.bits() }
                }) && each(vbinop(DET, sh, VBinop::Float(VFBinop::Pmax), v1, v2), &|a, b| {
                    if flt(a, b) { b.bits() } else { a.bits() }
                }) && each(vrelop(sh, Relop::Float(FRelop::Le), v1, v2), &|a, b| {
                    if relop(t, Relop::Float(FRelop::Le), a, b) == 1 { u64::MAX >> (64 - n) } else { 0 }
                })
            })
        }) as fn(AnyV128, AnyV128) -> bool,
    );
}

#[test]
fn bitwise_on_the_whole_vector() {
    let (a, b, m) = (V128::from_u128(0xff00), V128::from_u128(0x0ff0), V128::from_u128(0x3c3c));
    assert_eq!(vvunop(VVunop::Not, a).to_u128(), !0xff00);
    assert_eq!(vvbinop(VVbinop::And, a, b).to_u128(), 0x0f00);
    assert_eq!(vvbinop(VVbinop::AndNot, a, b).to_u128(), 0xf000);
    assert_eq!(vvbinop(VVbinop::Or, a, b).to_u128(), 0xfff0);
    assert_eq!(vvbinop(VVbinop::Xor, a, b).to_u128(), 0xf0f0);
    // a where m has ones, b elsewhere: 0x3c00 | 0x03c0.
    assert_eq!(vvternop(VVternop::Bitselect, a, b, m).to_u128(), 0x3fc0);
    assert_eq!(vvtestop(VVtestop::AnyTrue, V128::default()), 0);
    assert_eq!(vvtestop(VVtestop::AnyTrue, V128::from_u128(1 << 127)), 1);
}

#[test]
fn bitmask_and_all_true() {
    let mut l = [0u8; 16];
    (l[0], l[15], l[3]) = (0x80, 0xff, 0x7f);
    assert_eq!(vbitmask(Shape::I8x16, v8(l)), 0x8001);
    assert_eq!(vbitmask(Shape::I64x2, v64([u64::MAX, 1])), 1);
    assert_eq!(vbitmask(Shape::I16x8, v16([0x8000; 8])), 0xff);
    assert_eq!(vbitmask(Shape::I32x4, v32([0, 0x8000_0000, 0x7fff_ffff, 0x8000_0000])), 0b1010);
    assert_eq!(vtestop(Shape::I32x4, VTestop::AllTrue, v32([1, 2, 3, 0])), 0);
    assert_eq!(vtestop(Shape::I32x4, VTestop::AllTrue, v32([1, 1 << 31, 3, 4])), 1);
    assert_eq!(vtestop(Shape::I8x16, VTestop::AllTrue, v8([1; 16])), 1);
    assert_eq!(vtestop(Shape::I64x2, VTestop::AllTrue, v64([1 << 32, 0])), 0);
}

#[test]
fn swizzle_and_shuffle() {
    let i: [u8; 16] = std::array::from_fn(|k| 0x10 + k as u8);
    let mut j: [u8; 16] = std::array::from_fn(|k| 15 - k as u8);
    (j[0], j[1], j[2]) = (16, 0x80, 0xff);
    let r = lanes::<u8>(vswizzlop(DET, VSwizzlop::Swizzle, v8(i), v8(j)));
    assert_eq!(&r[..4], &[0, 0, 0, 0x1c]);
    assert_eq!(r[15], 0x10);
    let sel: [u8; 16] = std::array::from_fn(|k| if k % 2 == 0 { k as u8 } else { 16 + k as u8 });
    let b: [u8; 16] = std::array::from_fn(|k| 0x20 + k as u8);
    let r = lanes::<u8>(vshuffle(sel, v8(i), v8(b)));
    assert_eq!(&r[..4], &[0x10, 0x21, 0x12, 0x23]);
    assert_eq!(r[15], 0x2f);
}

#[test]
fn splat_extract_replace() {
    assert_eq!(vsplat(Shape::I8x16, Num::I32(0x1ff)), v8([0xff; 16]));
    assert_eq!(vsplat(Shape::I16x8, Num::I32(0x1_2345)), v16([0x2345; 8]));
    assert_eq!(vsplat(Shape::I64x2, Num::I64(7)), v64([7, 7]));
    let nan = Num::F32(crate::syntax::F32(0xff80_0001));
    assert_eq!(vsplat(Shape::F32x4, nan), v32([0xff80_0001; 4]));
    let v = v8([0x80, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(vextract_lane(Shape::I8x16, Some(Sx::S), 0, v), Num::I32(0xffff_ff80));
    assert_eq!(vextract_lane(Shape::I8x16, Some(Sx::U), 0, v), Num::I32(0x80));
    assert_eq!(vextract_lane(Shape::I16x8, Some(Sx::S), 0, v), Num::I32(0x7f80));
    let w = f64x2([1.5, -0.0]);
    assert_eq!(vextract_lane(Shape::F64x2, None, 1, w), Num::F64(crate::syntax::F64(1 << 63)));
    assert_eq!(vextract_lane(Shape::I64x2, None, 0, w), Num::I64(1.5f64.to_bits()));
    let r = vreplace_lane(Shape::I16x8, 3, V128::default(), Num::I32(0x1_2345));
    assert_eq!(r, v16([0, 0, 0, 0x2345, 0, 0, 0, 0]));
    let r = vreplace_lane(Shape::F32x4, 1, f32x4([1.0; 4]), Num::F32(crate::syntax::F32(0x7fa0_0000)));
    assert_eq!(lanes::<u32>(r)[1], 0x7fa0_0000);
}

#[test]
fn extended_pairwise_addition_and_multiplication() {
    let x = v8([0x80, 0x80, 0xff, 0xff, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0x7f]);
    let s = lanes::<u16>(vextunop(Shape::I16x8, Shape::I8x16, VExtunop::ExtaddPairwise(Sx::S), x));
    assert_eq!((s[0], s[1], s[2], s[7]), (-256i16 as u16, -2i16 as u16, 3, 254));
    let u = lanes::<u16>(vextunop(Shape::I16x8, Shape::I8x16, VExtunop::ExtaddPairwise(Sx::U), x));
    assert_eq!((u[0], u[1]), (256, 510));
    let y = v16([0xffff, 0xffff, 1, 0, 0, 0, 0, 0x8000]);
    let w = lanes::<u32>(vextunop(Shape::I32x4, Shape::I16x8, VExtunop::ExtaddPairwise(Sx::U), y));
    assert_eq!((w[0], w[1], w[3]), (0x1fffe, 1, 0x8000));

    let extmul = |h, sx, to, from, a, b| vextbinop(DET, to, from, VExtbinop::Extmul(h, sx), a, b);
    let a = v8([0x80, 2, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 3]);
    let lo = lanes::<u16>(extmul(Half::Low, Sx::S, Shape::I16x8, Shape::I8x16, a, a));
    assert_eq!((lo[0], lo[1]), (16384, 4));
    let hi = lanes::<u16>(extmul(Half::High, Sx::U, Shape::I16x8, Shape::I8x16, a, a));
    assert_eq!((hi[0], hi[7]), (0xfe01, 9));
    let hi = lanes::<u16>(extmul(Half::High, Sx::S, Shape::I16x8, Shape::I8x16, a, a));
    assert_eq!(hi[0], 1);
    let big = v32([u32::MAX, 0x8000_0000, 0, 0]);
    let r = lanes::<u64>(extmul(Half::Low, Sx::U, Shape::I64x2, Shape::I32x4, big, big));
    assert_eq!(r[..], [0xffff_fffe_0000_0001, 1 << 62]);
    let r = lanes::<u64>(extmul(Half::Low, Sx::S, Shape::I64x2, Shape::I32x4, big, big));
    assert_eq!(r[..], [1, 1 << 62]);
}

#[test]
fn dot_product() {
    let dot = |a, b| lanes::<u32>(vextbinop(DET, Shape::I32x4, Shape::I16x8, VExtbinop::Dot, a, b));
    let a = v16([1, 2, 0xffff, 3, 0x8000, 0x8000, 0, 0]);
    let b = v16([10, 20, 7, 0xfffe, 0x8000, 0x8000, 0, 0]);
    // 1*10 + 2*20; -1*7 + 3*-2; -2^15 * -2^15 * 2 = 2^31, which wraps (iadd is mod 2^32).
    assert_eq!(dot(a, b)[..], [50, -13i32 as u32, 0x8000_0000, 0]);
}

#[test]
fn narrowing_saturates() {
    let a = v16([0x7fff, 0x8000, 300, 0xffff, 127, 128, 0xff80, 0xff7f]);
    let b = v16([0; 8]);
    let s = lanes::<u8>(vnarrow(Shape::I8x16, Shape::I16x8, Sx::S, a, b));
    assert_eq!(&s[..8], &[0x7f, 0x80, 0x7f, 0xff, 0x7f, 0x7f, 0x80, 0x80]);
    let u = lanes::<u8>(vnarrow(Shape::I8x16, Shape::I16x8, Sx::U, a, b));
    assert_eq!(&u[..8], &[0xff, 0, 0xff, 0, 127, 128, 0, 0]);
    let r = lanes::<u16>(vnarrow(
        Shape::I16x8,
        Shape::I32x4,
        Sx::U,
        v32([0; 4]),
        v32([70000, 5, 0x8000_0000, 0xffff]),
    ));
    assert_eq!(&r[4..], &[0xffff, 5, 0, 0xffff]);
}

#[test]
fn vector_conversions() {
    use Shape::*;
    let cvt = |to, from, op, v| vcvtop(DET, to, from, op, v);
    let x = v16([1, 0xffff, 0, 0, 0x8000, 2, 0, 0]);
    let lo = lanes::<u32>(cvt(I32x4, I16x8, VCvtop::Extend(Half::Low, Sx::S), x));
    assert_eq!(lo[..2], [1, u32::MAX]);
    let hi = lanes::<u32>(cvt(I32x4, I16x8, VCvtop::Extend(Half::High, Sx::U), x));
    assert_eq!(hi[..2], [0x8000, 2]);
    let i = v32([u32::MAX, 1, 16777217, 0]);
    let f = lanes::<f64>(cvt(F64x2, I32x4, VCvtop::Convert(Some(Half::Low), Sx::U), i));
    assert_eq!(f[..], [4294967295.0, 1.0]);
    let f = lanes::<f32>(cvt(F32x4, I32x4, VCvtop::Convert(None, Sx::S), i));
    assert_eq!(f[..], [-1.0, 1.0, 16777216.0, 0.0]);
    let z = f64x2([f64::NAN, -1e10]);
    let t = lanes::<u32>(cvt(I32x4, F64x2, VCvtop::TruncSat(Sx::S, true), z));
    assert_eq!(t[..], [0, 0x8000_0000, 0, 0]);
    let t = lanes::<u32>(cvt(
        I32x4,
        F32x4,
        VCvtop::TruncSat(Sx::U, false),
        f32x4([-1.0, 5.9, 1e10, f32::INFINITY]),
    ));
    assert_eq!(t[..], [0, 5, u32::MAX, u32::MAX]);
    let d = lanes::<u32>(cvt(F32x4, F64x2, VCvtop::Demote, f64x2([1.0 + 2f64.powi(-24), f64::NAN])));
    assert_eq!(d[..], [1.0f32.to_bits(), 0x7fc0_0000, 0, 0]);
    let p = lanes::<u64>(cvt(F64x2, F32x4, VCvtop::Promote, v32([0xffc0_0001, 0x3fc0_0000, 5, 5])));
    assert_eq!(p[..], [0x7ff8_0000_0000_0000, 1.5f64.to_bits()]);
}

#[test]
fn q15_on_lanes() {
    let a = v16([0x8000, 0x8000, 0x7fff, 0x4000, 0, 0, 0, 0]);
    let b = v16([0x8000, 0x7fff, 0x7fff, 0x4000, 0, 0, 0, 0]);
    let r = lanes::<u16>(vbinop(DET, Shape::I16x8, VBinop::Int(VIBinop::Q15mulrSat), a, b));
    assert_eq!(r[..4], [0x7fff, 0x8001, 0x7ffe, 0x2000]);
}
