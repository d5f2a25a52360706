//! The exact numerics on their own: examples the spec states, and agreement with the host's
//! IEEE 754 arithmetic (which x86-64 computes correctly rounded) on random operands, where the
//! spec and IEEE 754 agree. These check the model, not lockstep.

use num_bigint::BigInt;

use super::Undefined;
use super::convert::*;
use super::float::*;
use super::int::*;

fn b(i: i128) -> BigInt {
    BigInt::from(i)
}

fn f32v(z: f32) -> Fv {
    inv_fbits(32, z.to_bits().into())
}

fn f64v(z: f64) -> Fv {
    inv_fbits(64, z.to_bits())
}

fn one32(s: Floats) -> f32 {
    match s {
        Floats::One(z) => f32::from_bits(fbits(32, &z) as u32),
        other => panic!("{other:?}"),
    }
}

fn one64(s: Floats) -> u64 {
    match s {
        Floats::One(z) => fbits(64, &z),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bits_round_trip() {
    for bits in
        [0u64, 1, 0x7f_ffff, 0x80_0000, 0x3f80_0000, 0x7f7f_ffff, 0x7f80_0000, 0x7fc0_0000, 0xff80_0001]
    {
        assert_eq!(fbits(32, &inv_fbits(32, bits)), bits);
    }
    for bits in
        [0u64, 1, 0x000f_ffff_ffff_ffff, 0x0010_0000_0000_0000, 0x7fef_ffff_ffff_ffff, 0xfff8_0000_0000_0000]
    {
        assert_eq!(fbits(64, &inv_fbits(64, bits)), bits);
    }
}

#[test]
fn integer_examples() {
    let m32 = (1i128 << 32) - 1;
    assert_eq!(iadd(32, &b(m32), &b(1)), b(0));
    assert_eq!(isub(32, &b(0), &b(1)), b(m32));
    assert_eq!(idiv_s(32, &b(1 << 31), &b(m32)), Err(Undefined::Unrepresentable));
    assert_eq!(idiv_s(32, &b(7), &b(0)), Err(Undefined::DivisionByZero));
    assert_eq!(irem_s(32, &b(1 << 31), &b(m32)), Ok(b(0)));
    assert_eq!(irem_s(32, &b(m32 - 6), &b(2)), Ok(b(m32))); // -7 rem 2 = -1
    assert_eq!(idiv_s(32, &b(m32 - 6), &b(2)), Ok(b(m32 - 2))); // -7 / 2 = -3
    assert_eq!(iclz(32, &b(0)), b(32));
    assert_eq!(ictz(64, &b(0)), b(64));
    assert_eq!(ipopcnt(32, &b(m32)), b(32));
    assert_eq!(irotl(32, &b(0x8000_0001), &b(33)), b(3));
    assert_eq!(irotr(32, &b(3), &b(1)), b(0x8000_0001));
    assert_eq!(ishr_s(32, &b(0x8000_0000), &b(31)), b(m32));
    assert_eq!(ishl(32, &b(1), &b(32)), b(1));
    assert_eq!(iextend_s(32, 8, &b(0x80)), b(0xffff_ff80));
    assert_eq!(iq15mulr_sat_s(16, &b(0x8000), &b(0x8000)), b(0x7fff));
    assert_eq!(iavgr_u(8, &b(255), &b(254)), b(255));
    assert_eq!(iabs(8, &b(0x80)), b(0x80));
    assert_eq!(narrow_u(16, 8, &b(0xffff)), b(0));
    assert_eq!(narrow_s(16, 8, &b(0x0100)), b(0x7f));
}

#[test]
fn float_examples() {
    // fnearest: ties to even, signs kept.
    for (z, r) in
        [(0.5f32, 0.0f32), (-0.5, -0.0), (1.5, 2.0), (2.5, 2.0), (-2.5, -2.0), (0.75, 1.0), (-0.25, -0.0)]
    {
        assert_eq!(one32(fnearest(32, &f32v(z))).to_bits(), r.to_bits(), "nearest({z})");
    }
    assert_eq!(one32(fceil(32, &f32v(-0.5))).to_bits(), (-0.0f32).to_bits());
    assert_eq!(one32(ffloor(32, &f32v(0.5))).to_bits(), 0.0f32.to_bits());
    // A zero product has the sign of the exclusive or; an exact zero sum is +0.
    assert_eq!(one32(fmul(32, &f32v(-0.0), &f32v(5.0))).to_bits(), (-0.0f32).to_bits());
    assert_eq!(one32(fadd(32, &f32v(1.0), &f32v(-1.0))).to_bits(), 0.0f32.to_bits());
    // fmin/fmax order -0 < +0.
    assert_eq!(one64(fmin(64, &f64v(0.0), &f64v(-0.0))), (-0.0f64).to_bits());
    assert_eq!(one64(fmax(64, &f64v(-0.0), &f64v(0.0))), 0.0f64.to_bits());
    // Halfway between the largest finite number and the limit rounds to infinity.
    let max = f32::MAX as f64;
    let half_ulp = 2f64.powi(103);
    assert_eq!(one32(demote(64, 32, &f64v(max + half_ulp))), f32::INFINITY);
    assert_eq!(one32(demote(64, 32, &f64v(max + half_ulp / 2.0))), f32::MAX);
    // Subnormals, and rounding to zero with the sign kept.
    assert_eq!(one32(demote(64, 32, &f64v(-(2f64.powi(-150))))).to_bits(), (-0.0f32).to_bits());
    assert_eq!(one32(demote(64, 32, &f64v(2f64.powi(-150) * 1.5))).to_bits(), 1);
    // convert: ties to even.
    assert_eq!(fbits(32, &convert_u(32, 32, &b((1 << 24) + 1))), u64::from(16777216f32.to_bits()));
    assert_eq!(fbits(32, &convert_u(32, 32, &b((1 << 24) + 3))), u64::from(16777220f32.to_bits()));
    // trunc bounds.
    assert_eq!(trunc_s(32, 32, &f32v(-2147483648.0)), Ok(b(1 << 31)));
    assert_eq!(trunc_s(32, 32, &f32v(2147483648.0)), Err(Undefined::Unrepresentable));
    assert_eq!(trunc_s(64, 32, &f64v(-2147483648.9)), Ok(b(1 << 31)));
    assert_eq!(trunc_s(64, 32, &f64v(-2147483649.0)), Err(Undefined::Unrepresentable));
    assert_eq!(trunc_u(32, 32, &f32v(-0.9)), Ok(b(0)));
    assert_eq!(trunc_u(64, 32, &f64v(f64::NAN)), Err(Undefined::NaN));
    assert_eq!(trunc_sat_s(32, 64, &f32v(f32::NEG_INFINITY)), b(1 << 63));
    // NaN sets.
    let canonical = f32v(f32::NAN);
    let other = inv_fbits(32, 0x7fa0_0001);
    assert_eq!(fadd(32, &canonical, &f32v(1.0)), Floats::Nans(Nans::Canonical));
    assert_eq!(fadd(32, &canonical, &other), Floats::Nans(Nans::Arithmetic));
    assert_eq!(fsqrt(32, &f32v(-1.0)), Floats::Nans(Nans::Canonical));
    assert!(Floats::Nans(Nans::Arithmetic).contains(32, 0xffc0_0001));
    assert!(!Floats::Nans(Nans::Arithmetic).contains(32, 0x7f80_0001));
    assert!(!Floats::Nans(Nans::Canonical).contains(32, 0x7fc0_0001));
    assert_eq!(promote(32, 64, &other), Floats::Nans(Nans::Arithmetic));
}

/// A xorshift generator, and operands biased to the subnormal and overflow ranges.
fn operands(seed: &mut u64, n: u32) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    let r = *seed;
    let m = if n == 32 { 0xffff_ffff } else { u64::MAX };
    match r % 4 {
        0 => r >> 40 & 0xf_ffff, // subnormal (or tiny)
        1 => ((r & (m >> 1)) | if n == 32 { 0x7e00_0000 } else { 0x7fd0_0000_0000_0000 }) & m, // huge
        _ => r & m,
    }
}

#[test]
fn agrees_with_ieee_754_arithmetic() {
    let mut seed = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        let (a, b, c) =
            (operands(&mut seed, 32) as u32, operands(&mut seed, 32) as u32, operands(&mut seed, 32) as u32);
        let (x, y, z) = (f32::from_bits(a), f32::from_bits(b), f32::from_bits(c));
        let (u, v, w) = (inv_fbits(32, a.into()), inv_fbits(32, b.into()), inv_fbits(32, c.into()));
        let host: [(f32, Floats); 6] = [
            (x + y, fadd(32, &u, &v)),
            (x - y, fsub(32, &u, &v)),
            (x * y, fmul(32, &u, &v)),
            (x / y, fdiv(32, &u, &v)),
            (x.sqrt(), fsqrt(32, &u)),
            (x.mul_add(y, z), fma(32, &u, &v, &w)),
        ];
        for (k, (h, e)) in host.into_iter().enumerate() {
            if h.is_nan() {
                assert!(matches!(e, Floats::Nans(_)), "op {k} on {a:#x} {b:#x} {c:#x}: {e:?}");
            } else {
                assert_eq!(e, Floats::One(f32v(h)), "op {k} on {a:#x} {b:#x} {c:#x}");
                assert_eq!(fbits(32, &f32v(h)), u64::from(h.to_bits()));
            }
        }
        let (a, b, c) = (operands(&mut seed, 64), operands(&mut seed, 64), operands(&mut seed, 64));
        let (x, y, z) = (f64::from_bits(a), f64::from_bits(b), f64::from_bits(c));
        let (u, v, w) = (inv_fbits(64, a), inv_fbits(64, b), inv_fbits(64, c));
        let host: [(f64, Floats); 7] = [
            (x + y, fadd(64, &u, &v)),
            (x - y, fsub(64, &u, &v)),
            (x * y, fmul(64, &u, &v)),
            (x / y, fdiv(64, &u, &v)),
            (x.sqrt(), fsqrt(64, &u)),
            (x.mul_add(y, z), fma(64, &u, &v, &w)),
            (x as f32 as f64, demote(64, 32, &u).clone_as_f64()),
        ];
        for (k, (h, e)) in host.into_iter().enumerate() {
            if h.is_nan() {
                assert!(matches!(e, Floats::Nans(_)), "op {k} on {a:#x} {b:#x} {c:#x}: {e:?}");
            } else {
                assert_eq!(one64(e), h.to_bits(), "op {k} on {a:#x} {b:#x} {c:#x}");
            }
        }
    }
}

impl Floats {
    /// A demoted value, widened back to `f64` exactly, to compare with the host's.
    fn clone_as_f64(&self) -> Floats {
        match self {
            Floats::One(z) => promote(32, 64, z),
            other => other.clone(),
        }
    }
}
