//! Float operators: the spec's clauses case by case, then properties against IEEE 754 as Rust
//! computes it (where the spec coincides with it) and against the clauses themselves.

use super::{AnyF32, AnyF64, check, decode};
use crate::exec::numerics::*;

fn nan32(negative: bool, payload: u32) -> f32 {
    f32::from_bits(u32::from(negative) << 31 | 0x7f80_0000 | payload)
}

const CANON32: u32 = 0x7fc0_0000;
const CANON64: u64 = 0x7ff8_0000_0000_0000;

/// The same bits.
fn same<F: Float>(a: F, b: F) -> bool {
    a.to_bits() == b.to_bits()
}

#[test]
fn addition_and_subtraction() {
    let canon = f32::from_bits(CANON32);
    assert!(same(fadd(0.0f32, -0.0), 0.0));
    assert!(same(fadd(-0.0f32, -0.0), -0.0));
    assert!(same(fadd(f32::INFINITY, f32::NEG_INFINITY), canon));
    assert!(same(fadd(1.0f32, nan32(true, 0x200001)), canon));
    assert!(same(fadd(5.5f32, -5.5), 0.0));
    assert!(same(fadd(f32::INFINITY, f32::MAX), f32::INFINITY));
    // Ties to even: 1 + half an ulp stays 1; 1 + 1.5 ulp goes to the even 1 + 2 ulp.
    let ulp = 2f32.powi(-23);
    assert!(same(fadd(1.0f32, ulp / 2.0), 1.0));
    assert!(same(fadd(1.0f32, ulp * 1.5), 1.0 + 2.0 * ulp));
    assert!(same(fadd(f32::MAX, f32::MAX), f32::INFINITY));
    assert!(same(fsub(0.0f32, 0.0), 0.0));
    assert!(same(fsub(-0.0f32, 0.0), -0.0));
    assert!(same(fsub(-0.0f32, -0.0), 0.0));
    assert!(same(fsub(0.0f32, 2.0), -2.0));
    assert!(same(fsub(f32::INFINITY, f32::INFINITY), canon));
    assert!(same(fsub(f32::INFINITY, f32::NEG_INFINITY), f32::INFINITY));
    assert!(same(fsub(3.0f32, f32::INFINITY), f32::NEG_INFINITY));
}

#[test]
fn multiplication_and_division() {
    let canon = f64::from_bits(CANON64);
    assert!(same(fmul(-0.0f64, 5.0), -0.0));
    assert!(same(fmul(-0.0f64, -0.0), 0.0));
    assert!(same(fmul(f64::INFINITY, 0.0), canon));
    assert!(same(fmul(-0.0f64, f64::INFINITY), canon));
    assert!(same(fmul(f64::NEG_INFINITY, -2.0), f64::INFINITY));
    // The smallest subnormal halved is a tie between 0 and itself: even, 0, of the sign.
    let tiny = f64::from_bits(1);
    assert!(same(fmul(tiny, 0.5), 0.0));
    assert!(same(fmul(-tiny, 0.5), -0.0));
    assert!(same(fmul(tiny, 1.5), f64::from_bits(2)));
    assert!(same(fdiv(1.0f64, 0.0), f64::INFINITY));
    assert!(same(fdiv(1.0f64, -0.0), f64::NEG_INFINITY));
    assert!(same(fdiv(0.0f64, 0.0), canon));
    assert!(same(fdiv(f64::INFINITY, f64::NEG_INFINITY), canon));
    assert!(same(fdiv(-0.0f64, 5.0), -0.0));
    assert!(same(fdiv(-1.0f64, f64::INFINITY), -0.0));
    assert!(same(fdiv(f64::INFINITY, -3.0), f64::NEG_INFINITY));
    assert!(same(fdiv(1.0f64, 3.0), f64::from_bits(0x3fd5_5555_5555_5555)));
}

#[test]
fn fused_multiply_add() {
    // From the relaxed-simd tests: FLT_MAX * 2 - FLT_MAX is FLT_MAX fused, +inf unfused.
    assert!(same(fma(f32::MAX, 2.0, -f32::MAX), f32::MAX));
    assert!(same(fadd(fmul(f32::MAX, 2.0), -f32::MAX), f32::INFINITY));
    // x * y + z with x = 1 + 2^-22, y = 1 + 2^-15, z = -(1 + 2^-15 + 2^-22): 2^-37 fused.
    let (x, y) = (1.0 + 2f32.powi(-22), 1.0 + 2f32.powi(-15));
    let z = -(1.0 + 2f32.powi(-15) + 2f32.powi(-22));
    assert!(same(fma(x, y, z), 2f32.powi(-37)));
    assert!(same(fadd(fmul(x, y), z), 0.0));
    let canon = f32::from_bits(CANON32);
    assert!(same(fma(f32::INFINITY, 0.0, 1.0), canon));
    assert!(same(fma(f32::INFINITY, 2.0, f32::NEG_INFINITY), canon));
    assert!(same(fma(0.0f32, -0.0, 0.0), 0.0));
    assert!(same(fma(0.0f32, -0.0, -0.0), -0.0));
    assert!(same(fma(-0.0f32, -0.0, -0.0), 0.0));
}

#[test]
fn min_and_max() {
    let canon = f32::from_bits(CANON32);
    assert!(same(fmin(-0.0f32, 0.0), -0.0) && same(fmin(0.0f32, -0.0), -0.0));
    assert!(same(fmax(-0.0f32, 0.0), 0.0) && same(fmax(0.0f32, -0.0), 0.0));
    assert!(same(fmin(-0.0f32, -0.0), -0.0) && same(fmax(0.0f32, 0.0), 0.0));
    assert!(same(fmin(f32::NAN, 1.0), canon) && same(fmax(1.0, nan32(true, 1)), canon));
    assert!(same(fmin(f32::NEG_INFINITY, f32::NAN), canon));
    assert!(same(fmin(f32::INFINITY, 7.0), 7.0) && same(fmax(f32::NEG_INFINITY, 7.0), 7.0));
    assert!(same(fmin(1.0f32, 2.0), 1.0) && same(fmax(1.0f32, 2.0), 2.0));
}

#[test]
fn sign_operators_keep_the_payload() {
    let p = nan32(false, 0x1234);
    assert!(same(fneg(p), nan32(true, 0x1234)));
    assert!(same(fabs(nan32(true, 0x1234)), p));
    assert!(same(fcopysign(p, -1.0), nan32(true, 0x1234)));
    assert!(same(fcopysign(-2.0f32, nan32(false, 1)), 2.0));
    assert!(same(fneg(0.0f64), -0.0) && same(fabs(-0.0f64), 0.0));
}

#[test]
fn square_root() {
    let canon = f64::from_bits(CANON64);
    assert!(same(fsqrt(-0.0f64), -0.0));
    assert!(same(fsqrt(-1.0f64), canon));
    assert!(same(fsqrt(f64::NEG_INFINITY), canon));
    assert!(same(fsqrt(f64::INFINITY), f64::INFINITY));
    assert!(same(fsqrt(4.0f64), 2.0));
    assert!(same(fsqrt(2.0f64), f64::from_bits(0x3ff6_a09e_667f_3bcd)));
}

#[test]
fn rounding_to_integers() {
    assert!(same(fceil(-0.5f32), -0.0) && same(fceil(0.5f32), 1.0) && same(fceil(-1.5f32), -1.0));
    assert!(same(ffloor(0.5f32), 0.0) && same(ffloor(-0.5f32), -1.0));
    assert!(same(ffloor(-0.0f32), -0.0) && same(fceil(0.0f32), 0.0));
    assert!(same(ftrunc(-0.7f64), -0.0) && same(ftrunc(0.7f64), 0.0) && same(ftrunc(-1.7f64), -1.0));
    assert!(same(fnearest(0.5f32), 0.0) && same(fnearest(-0.5f32), -0.0));
    assert!(same(fnearest(1.5f32), 2.0) && same(fnearest(2.5f32), 2.0));
    assert!(same(fnearest(-2.5f64), -2.0) && same(fnearest(3.5f64), 4.0));
    assert!(same(fnearest(f32::from_bits(0x3eff_ffff)), 0.0)); // just below 0.5
    assert!(same(fnearest(8388609.0f32), 8388609.0)); // 2^23 + 1: already integral
    assert!(same(fnearest(4503599627370497.0f64), 4503599627370497.0)); // 2^52 + 1
    assert!(same(fnearest(f64::NEG_INFINITY), f64::NEG_INFINITY));
    let canon = f32::from_bits(CANON32);
    assert!(same(fceil(nan32(true, 5)), canon) && same(fnearest(nan32(false, 5)), canon));
}

#[test]
fn comparisons() {
    let nan = f32::NAN;
    assert_eq!((feq(0.0f32, -0.0), fne(0.0f32, -0.0)), (1, 0));
    assert_eq!((feq(nan, nan), fne(nan, nan)), (0, 1));
    assert_eq!((flt(-0.0f32, 0.0), fle(-0.0f32, 0.0), fgt(0.0f32, -0.0)), (0, 1, 0));
    assert_eq!((flt(f32::NEG_INFINITY, f32::INFINITY), fge(nan, 1.0)), (1, 0));
    assert_eq!((fle(nan, nan), fgt(nan, 0.0), flt(1.0, nan)), (0, 0, 0));
}

#[test]
fn pseudo_min_and_max_return_an_operand() {
    let p = nan32(true, 0x77);
    assert!(same(fpmin(p, 1.0), p) && same(fpmin(1.0, p), 1.0));
    assert!(same(fpmax(p, 1.0), p) && same(fpmax(1.0, p), 1.0));
    assert!(same(fpmin(-0.0f32, 0.0), -0.0) && same(fpmin(0.0f32, -0.0), 0.0));
    assert!(same(fpmax(-0.0f32, 0.0), -0.0) && same(fpmin(2.0f32, 1.0), 1.0));
}

/// `fmin_N` clause by clause, `None` for `nans_N`.
fn fmin_clauses(z1: f64, z2: f64) -> Option<f64> {
    Some(if z1.is_nan() || z2.is_nan() {
        return None;
    } else if z1 == f64::INFINITY {
        z2
    } else if z1 == f64::NEG_INFINITY || z2 == f64::NEG_INFINITY {
        f64::NEG_INFINITY
    } else if z2 == f64::INFINITY {
        z1
    } else if z1 == 0.0 && z2 == 0.0 && z1.is_sign_negative() != z2.is_sign_negative() {
        -0.0
    } else if z1 <= z2 {
        z1
    } else {
        z2
    })
}

/// `fmax_N` clause by clause.
fn fmax_clauses(z1: f64, z2: f64) -> Option<f64> {
    Some(if z1.is_nan() || z2.is_nan() {
        return None;
    } else if z1 == f64::INFINITY || z2 == f64::INFINITY {
        f64::INFINITY
    } else if z1 == f64::NEG_INFINITY {
        z2
    } else if z2 == f64::NEG_INFINITY {
        z1
    } else if z1 == 0.0 && z2 == 0.0 && z1.is_sign_negative() != z2.is_sign_negative() {
        0.0
    } else if z1 >= z2 {
        z1
    } else {
        z2
    })
}

/// Whether `r` is an integer (or infinite), exactly.
fn integral(r: f64) -> bool {
    let (m, e) = decode(r);
    // Below 2^-75 (|m| < 2^53) only 0 is an integer.
    r.is_infinite() || m == 0 || e >= 0 || -e < 127 && m % (1i128 << -e) == 0
}

macro_rules! properties {
    ($name:ident, $f:ty, $any:ident, $canon:expr) => {
        mod $name {
            use super::*;

            /// `r` is `ieee`, unless that is a NaN: then the deterministic `+NaN(canon)`.
            fn det_or(r: $f, ieee: $f) -> bool {
                if ieee.is_nan() { r.to_bits() == $canon } else { same(r, ieee) }
            }

            #[test]
            fn arithmetic_is_ieee_754() {
                check(5000, (|$any(a): $any, $any(b): $any, $any(c): $any| {
                    det_or(fadd(a, b), a + b)
                        && det_or(fsub(a, b), a - b)
                        && det_or(fmul(a, b), a * b)
                        && det_or(fdiv(a, b), a / b)
                        && det_or(fsqrt(a), a.sqrt())
                        && det_or(fma(a, b, c), a.mul_add(b, c))
                }) as fn($any, $any, $any) -> bool);
            }

            #[test]
            fn min_max_follow_the_clauses() {
                check(5000, (|$any(a): $any, $any(b): $any| {
                    let (a64, b64) = (a as f64, b as f64);
                    let agree = |r: $f, spec: Option<f64>| match spec {
                        None => r.to_bits() == $canon,
                        Some(z) => same(r as f64, z),
                    };
                    agree(fmin(a, b), fmin_clauses(a64, b64))
                        && agree(fmax(a, b), fmax_clauses(a64, b64))
                }) as fn($any, $any) -> bool);
            }

            #[test]
            fn sign_operators_flip_one_bit() {
                check(2000, (|$any(a): $any, $any(b): $any| {
                    let sign = 1 << (<$f as Float>::N - 1);
                    let (x, y) = (a.to_bits(), b.to_bits());
                    fabs(a).to_bits() == x & !sign
                        && fneg(a).to_bits() == x ^ sign
                        && fcopysign(a, b).to_bits() == (x & !sign) | (y & sign)
                }) as fn($any, $any) -> bool);
            }

            #[test]
            fn rounding_to_integers() {
                check(5000, (|$any(z): $any| {
                    if z.is_nan() {
                        return [fceil(z), ffloor(z), ftrunc(z), fnearest(z)]
                            .iter()
                            .all(|r| r.to_bits() == $canon);
                    }
                    let (c, f, t, n) = (fceil(z), ffloor(z), ftrunc(z), fnearest(z));
                    let zs = z as f64;
                    // At 2^52 and beyond every float is an integer, and all four return it.
                    if z.is_infinite() || zs.abs() >= 2f64.powi(52) {
                        return [c, f, t, n].iter().all(|&r| same(r, z));
                    }
                    // Below, r +- 1 and r +- 1/2 are exact in f64. All four are integers:
                    // ceil and floor within 1 above and below z, trunc toward 0, nearest
                    // within 1/2 and even on a tie.
                    let (cs, fs, ts, ns) = (c as f64, f as f64, t as f64, n as f64);
                    let tie = zs == ns - 0.5 || zs == ns + 0.5;
                    [cs, fs, ts, ns].iter().all(|&r| integral(r))
                        && cs >= zs && cs - 1.0 < zs
                        && fs <= zs && fs + 1.0 > zs
                        && ts.abs() <= zs.abs() && ts.abs() + 1.0 > zs.abs()
                        && ns - 0.5 <= zs && zs <= ns + 0.5 && (!tie || (ns / 2.0).fract() == 0.0)
                        // And the sign stays: -1 < z < 0 gives -0 for ceil, trunc, nearest.
                        && [c, f, t, n].iter().all(|r| r.is_sign_negative() == z.is_sign_negative())
                }) as fn($any) -> bool);
            }

            #[test]
            fn comparisons_are_ieee_754() {
                check(2000, (|$any(a): $any, $any(b): $any| {
                    let ord = a.partial_cmp(&b);
                    use std::cmp::Ordering::*;
                    feq(a, b) == (ord == Some(Equal)) as u32
                        && fne(a, b) == (ord != Some(Equal)) as u32
                        && flt(a, b) == (ord == Some(Less)) as u32
                        && fgt(a, b) == (ord == Some(Greater)) as u32
                        && fle(a, b) == matches!(ord, Some(Less | Equal)) as u32
                        && fge(a, b) == matches!(ord, Some(Greater | Equal)) as u32
                        && same(fpmin(a, b), if b < a { b } else { a })
                        && same(fpmax(a, b), if a < b { b } else { a })
                }) as fn($any, $any) -> bool);
            }
        }
    };
}

properties!(n32, f32, AnyF32, CANON32);
properties!(n64, f64, AnyF64, CANON64);

/// f32 arithmetic through f64 is exact before its one rounding (53 >= 2 * 24 + 2), so it
/// checks Rust's f32 operators independently.
#[test]
fn f32_arithmetic_agrees_with_f64_rounded_once() {
    check(
        5000,
        (|AnyF32(a): AnyF32, AnyF32(b): AnyF32| {
            let (x, y) = (a as f64, b as f64);
            let agree = |r: f32, wide: f64| {
                if wide.is_nan() { r.to_bits() == CANON32 } else { same(r, wide as f32) }
            };
            agree(fadd(a, b), x + y)
                && agree(fsub(a, b), x - y)
                && agree(fmul(a, b), x * y)
                && agree(fdiv(a, b), x / y)
                && agree(fsqrt(a), x.sqrt())
        }) as fn(AnyF32, AnyF32) -> bool,
    );
}
