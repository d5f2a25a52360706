//! Conversions: the bounds of `trunc` just inside and outside, the rounding of `convert` and
//! `demote` at the edges of precision, then properties against exact arithmetic.

use super::{AnyF32, AnyF64, check, decode, truncz};
use crate::exec::numerics::Trap::{IntegerOverflow, InvalidConversionToInteger};
use crate::exec::numerics::*;
use std::cmp::Ordering::{self, Equal, Greater, Less};

use crate::syntax::{F32, Num, NumType};

#[test]
fn integer_widths() {
    assert_eq!(extend_s::<u32, u64>(0x8000_0000), 0xffff_ffff_8000_0000);
    assert_eq!(extend_u::<u32, u64>(0x8000_0000), 0x8000_0000);
    assert_eq!(extend_s::<u8, u16>(0x7f), 0x7f);
    assert_eq!(wrap::<u64, u32>(0x1_2345_6789), 0x2345_6789);
    assert_eq!(narrow_s::<u16, u8>(0x7fff), 0x7f);
    assert_eq!(narrow_s::<u16, u8>(0x8000), 0x80);
    assert_eq!(narrow_s::<u16, u8>(128), 0x7f);
    assert_eq!(narrow_s::<u16, u8>(-128i16 as u16), 0x80);
    assert_eq!(narrow_s::<u32, u16>(-129i32 as u32), 0xff7f);
    // narrow_u reads its input signed: -1 saturates to 0.
    assert_eq!(narrow_u::<u16, u8>(0xffff), 0);
    assert_eq!(narrow_u::<u16, u8>(256), 0xff);
    assert_eq!(narrow_u::<u16, u8>(255), 0xff);
    assert_eq!(narrow_u::<u32, u16>(0x8000_0000), 0);
}

#[test]
fn trunc_signed_bounds() {
    // f32 -> i32: -2^31 is in range, the next f32 below is not; the largest f32 below 2^31 is.
    assert_eq!(trunc_s::<f32, u32>(-2147483648.0), Ok(0x8000_0000));
    assert_eq!(trunc_s::<f32, u32>(-2147483904.0), Err(IntegerOverflow));
    assert_eq!(trunc_s::<f32, u32>(2147483520.0), Ok(2147483520));
    assert_eq!(trunc_s::<f32, u32>(2147483648.0), Err(IntegerOverflow));
    assert_eq!(trunc_s::<f32, u32>(-0.9), Ok(0));
    assert_eq!(trunc_s::<f32, u32>(-1.0), Ok(u32::MAX));
    assert_eq!(
        trunc_s::<f32, u32>(f32::NAN),
        Err(InvalidConversionToInteger)
    );
    assert_eq!(trunc_s::<f32, u32>(f32::NEG_INFINITY), Err(IntegerOverflow));
    // f64 -> i32: fractions just past the bounds still truncate into range.
    assert_eq!(trunc_s::<f64, u32>(-2147483648.9), Ok(0x8000_0000));
    assert_eq!(trunc_s::<f64, u32>(-2147483649.0), Err(IntegerOverflow));
    assert_eq!(trunc_s::<f64, u32>(2147483647.9), Ok(0x7fff_ffff));
    assert_eq!(trunc_s::<f64, u32>(2147483648.0), Err(IntegerOverflow));
    // f64 -> i64: 2^63 - 1 is not a double; the largest double below 2^63 is in range.
    assert_eq!(trunc_s::<f64, u64>(-9223372036854775808.0), Ok(1 << 63));
    assert_eq!(
        trunc_s::<f64, u64>(9223372036854774784.0),
        Ok(0x7fff_ffff_ffff_fc00)
    );
    assert_eq!(
        trunc_s::<f64, u64>(9223372036854775808.0),
        Err(IntegerOverflow)
    );
    assert_eq!(
        trunc_s::<f64, u64>(-9223372036854777856.0),
        Err(IntegerOverflow)
    );
    assert_eq!(trunc_s::<f32, u64>(-9223372036854775808.0), Ok(1 << 63));
    assert_eq!(
        trunc_s::<f32, u64>(9223372036854775808.0),
        Err(IntegerOverflow)
    );
    assert_eq!(
        trunc_s::<f64, u64>(f64::NAN),
        Err(InvalidConversionToInteger)
    );
}

#[test]
fn trunc_unsigned_bounds() {
    assert_eq!(trunc_u::<f32, u32>(-0.99), Ok(0));
    assert_eq!(trunc_u::<f32, u32>(-0.0), Ok(0));
    assert_eq!(trunc_u::<f32, u32>(-1.0), Err(IntegerOverflow));
    assert_eq!(trunc_u::<f32, u32>(4294967040.0), Ok(0xffff_ff00));
    assert_eq!(trunc_u::<f32, u32>(4294967296.0), Err(IntegerOverflow));
    assert_eq!(trunc_u::<f64, u32>(4294967295.9), Ok(u32::MAX));
    assert_eq!(trunc_u::<f64, u32>(4294967296.0), Err(IntegerOverflow));
    assert_eq!(trunc_u::<f64, u32>(-0.9999), Ok(0));
    assert_eq!(
        trunc_u::<f64, u64>(18446744073709549568.0),
        Ok(0xffff_ffff_ffff_f800)
    );
    assert_eq!(
        trunc_u::<f64, u64>(18446744073709551616.0),
        Err(IntegerOverflow)
    );
    assert_eq!(trunc_u::<f32, u64>(f32::INFINITY), Err(IntegerOverflow));
    assert_eq!(
        trunc_u::<f32, u64>(-f32::NAN),
        Err(InvalidConversionToInteger)
    );
}

#[test]
fn trunc_saturating() {
    assert_eq!(trunc_sat_s::<f32, u32>(f32::NAN), 0);
    assert_eq!(trunc_sat_u::<f64, u64>(-f64::NAN), 0);
    assert_eq!(trunc_sat_s::<f32, u32>(f32::INFINITY), 0x7fff_ffff);
    assert_eq!(trunc_sat_s::<f32, u32>(f32::NEG_INFINITY), 0x8000_0000);
    assert_eq!(trunc_sat_u::<f32, u32>(f32::INFINITY), u32::MAX);
    assert_eq!(trunc_sat_u::<f32, u32>(f32::NEG_INFINITY), 0);
    assert_eq!(trunc_sat_s::<f64, u32>(1e10), 0x7fff_ffff);
    assert_eq!(trunc_sat_s::<f64, u32>(-1e10), 0x8000_0000);
    assert_eq!(trunc_sat_u::<f64, u32>(-1e10), 0);
    assert_eq!(trunc_sat_u::<f64, u32>(1e10), u32::MAX);
    assert_eq!(trunc_sat_s::<f64, u64>(-1.5), u64::MAX);
    assert_eq!(trunc_sat_u::<f64, u64>(1e30), u64::MAX);
}

#[test]
fn convert_rounds_to_nearest_even() {
    // At 2^24 (f32) and 2^53 (f64) the spacing becomes 2: odd integers are ties.
    assert_eq!(convert_u::<u32, f32>(16777217), 16777216.0);
    assert_eq!(convert_u::<u32, f32>(16777219), 16777220.0);
    assert_eq!(convert_s::<u32, f32>(-16777217i32 as u32), -16777216.0);
    assert_eq!(convert_u::<u64, f64>((1 << 53) + 1), 9007199254740992.0);
    assert_eq!(convert_u::<u64, f64>((1 << 53) + 3), 9007199254740996.0);
    assert_eq!(convert_u::<u64, f64>(u64::MAX), 18446744073709551616.0);
    assert_eq!(convert_u::<u64, f32>(u64::MAX), 18446744073709551616.0);
    assert_eq!(convert_s::<u64, f64>(1 << 63), -9223372036854775808.0);
    assert_eq!(convert_s::<u32, f64>(u32::MAX), -1.0);
    assert_eq!(convert_u::<u32, f64>(u32::MAX), 4294967295.0);
    // Rounded once: 2^63 + 2^39 + 1 is just above the midpoint of two f32s, so it rounds up.
    // (Rounding to f64 first would land on the midpoint, then on the even 2^63.)
    assert_eq!(
        convert_u::<u64, f32>((1 << 63) + (1 << 39) + 1),
        9223373136366403584.0
    );
    assert_eq!(
        convert_u::<u64, f32>((1 << 63) + (1 << 39)),
        9223372036854775808.0
    );
}

#[test]
fn promote_and_demote() {
    let canon64 = 0x7ff8_0000_0000_0000;
    assert_eq!(promote(f32::from_bits(0x7fa0_0001)).to_bits(), canon64);
    assert_eq!(promote(f32::from_bits(0xffc0_0000)).to_bits(), canon64);
    assert_eq!(promote(1.5), 1.5);
    assert_eq!(promote(f32::from_bits(1)), 2f64.powi(-149));
    assert_eq!(promote(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(
        demote(f64::from_bits(0x7ff0_0000_0000_0001)).to_bits(),
        0x7fc0_0000
    );
    // 1 + 2^-24 is the midpoint of 1 and 1 + 2^-23: even, 1. A hair above it rounds up.
    assert_eq!(demote(1.0 + 2f64.powi(-24)), 1.0);
    assert_eq!(
        demote(1.0 + 2f64.powi(-24) + 2f64.powi(-50)),
        1.0 + 2f32.powi(-23)
    );
    // The midpoint of FLT_MAX (odd) and the limit 2^128 (even) goes to the limit: +inf.
    let max = f32::MAX as f64;
    assert_eq!(demote(max), f32::MAX);
    assert_eq!(demote(2f64.powi(128) - 2f64.powi(103)), f32::INFINITY);
    assert_eq!(
        demote(2f64.powi(128) - 2f64.powi(103) - 2f64.powi(80)),
        f32::MAX
    );
    assert_eq!(demote(-1e300), f32::NEG_INFINITY);
    // Half the smallest subnormal ties to 0, with its sign.
    assert_eq!(demote(2f64.powi(-150)).to_bits(), 0);
    assert_eq!(demote(-(2f64.powi(-150))).to_bits(), 0x8000_0000);
    assert_eq!(demote(2f64.powi(-150) + 2f64.powi(-200)).to_bits(), 1);
    assert_eq!(demote(f64::NEG_INFINITY), f32::NEG_INFINITY);
}

#[test]
fn reinterpretation_keeps_the_bits() {
    let nan = Num::F32(F32(0x7fa0_0001));
    assert_eq!(reinterpret(NumType::I32, nan), Num::I32(0x7fa0_0001));
    assert_eq!(
        reinterpret(NumType::F32, Num::I32(0xffc0_0000)),
        Num::F32(F32(0xffc0_0000))
    );
    assert_eq!(reinterpret(NumType::F64, Num::I64(1)).bits(), 1);
}

/// The spec's `trunc` from the exact value of `z`: `None` for NaNs, `Some(None)` out of range.
fn trunc_spec(z: f64, n: u32, signed: bool) -> Option<Option<i128>> {
    if z.is_nan() {
        return None;
    }
    let t = if z.is_infinite() { None } else { truncz(z) };
    let (lo, hi) = if signed {
        (-(1 << (n - 1)), 1 << (n - 1))
    } else {
        (0, 1 << n)
    };
    Some(t.filter(|&t| lo <= t && t < hi))
}

fn sat_spec(z: f64, n: u32, signed: bool) -> i128 {
    let (lo, hi) = if signed {
        (-(1 << (n - 1)), (1 << (n - 1)) - 1)
    } else {
        (0, (1 << n) - 1)
    };
    match z {
        _ if z.is_nan() => 0,
        f64::INFINITY => hi,
        f64::NEG_INFINITY => lo,
        _ => truncz(z).map_or(if z < 0.0 { lo } else { hi }, |t| t.clamp(lo, hi)),
    }
}

macro_rules! trunc_properties {
    ($name:ident, $any:ident, $f:ty) => {
        #[test]
        fn $name() {
            check(
                5000,
                (|$any(z): $any| {
                    let w = z as f64;
                    let expect = |n: u32, signed: bool| match trunc_spec(w, n, signed) {
                        None => Err(InvalidConversionToInteger),
                        Some(None) => Err(IntegerOverflow),
                        Some(Some(t)) => Ok(t.rem_euclid(1 << n) as u64),
                    };
                    let sat =
                        |n: u32, signed: bool| sat_spec(w, n, signed).rem_euclid(1 << n) as u64;
                    trunc_s::<$f, u32>(z).map(u64::from) == expect(32, true)
                        && trunc_u::<$f, u32>(z).map(u64::from) == expect(32, false)
                        && trunc_s::<$f, u64>(z) == expect(64, true)
                        && trunc_u::<$f, u64>(z) == expect(64, false)
                        && u64::from(trunc_sat_s::<$f, u32>(z)) == sat(32, true)
                        && u64::from(trunc_sat_u::<$f, u32>(z)) == sat(32, false)
                        && trunc_sat_s::<$f, u64>(z) == sat(64, true)
                        && trunc_sat_u::<$f, u64>(z) == sat(64, false)
                }) as fn($any) -> bool,
            );
        }
    };
}

trunc_properties!(trunc_f32_is_exact, AnyF32, f32);
trunc_properties!(trunc_f64_is_exact, AnyF64, f64);

/// The neighbours of a finite float `r` toward `-inf` and `+inf`, as f64 (infinite past the
/// largest float).
fn neighbours<F: Float>(r: F) -> (f64, f64)
where
    f64: From<F>,
{
    let sign = 1 << (F::N - 1);
    let b = r.to_bits().nat();
    let step = |up: bool| {
        let away_from_zero = up != (b & sign != 0);
        let b = match (b & (sign - 1), away_from_zero) {
            (_, true) => b + 1,
            (0, false) => (b ^ sign) | 1, // from +-0 across to the other sign
            (_, false) => b - 1,
        };
        f64::from(F::from_bits(F::Bits::wrap(b)))
    };
    (step(false), step(true))
}

/// Whether `r` is the float nearest to some `x`, the one with the even significand on a tie:
/// `cmp_mid(a, b)` compares `x` with the midpoint of adjacent floats `a < b`, exactly.
fn nearest_by<F: Float>(r: F, cmp_mid: impl Fn(f64, f64) -> Ordering) -> bool
where
    f64: From<F>,
{
    let (lo, hi) = neighbours(r);
    let r64 = f64::from(r);
    let even = r.to_bits().nat() & 1 == 0;
    let above_lo =
        lo.is_infinite() || cmp_mid(lo, r64) == Greater || cmp_mid(lo, r64) == Equal && even;
    let below_hi =
        hi.is_infinite() || cmp_mid(r64, hi) == Less || cmp_mid(r64, hi) == Equal && even;
    above_lo && below_hi
}

/// Whether `r = ieee_N(i)` for an integer `i`.
fn nearest_to_int<F: Float>(r: F, i: i128) -> bool
where
    f64: From<F>,
{
    let exact = |z: f64| decode(z);
    if i == 0 {
        // ieee_N(0) = +0.
        return r.to_bits() == F::Bits::ZERO;
    }
    if i.unsigned_abs() <= 1 << (F::M + 1) {
        // Exactly representable.
        let (m, e) = exact(f64::from(r));
        return e >= 0 && m << e == i || e < 0 && m == i << -e;
    }
    // Here r and its neighbours are integers: compare 2i with a + b.
    let int = |z: f64| {
        let (m, e) = exact(z);
        if e >= 0 { m << e } else { m >> -e }
    };
    nearest_by(r, |a, b| (2 * i).cmp(&(int(a) + int(b))))
}

#[test]
fn convert_is_nearest() {
    check(
        5000,
        (|i: u64, shift: u8| {
            let i = i >> (shift % 64);
            let (u, s) = (i as i128, i as i64 as i128);
            let (u32_, s32) = (i as u32 as i128, i as u32 as i32 as i128);
            nearest_to_int(convert_u::<u64, f32>(i), u)
                && nearest_to_int(convert_s::<u64, f32>(i), s)
                && nearest_to_int(convert_u::<u64, f64>(i), u)
                && nearest_to_int(convert_s::<u64, f64>(i), s)
                && nearest_to_int(convert_u::<u32, f32>(i as u32), u32_)
                && nearest_to_int(convert_s::<u32, f32>(i as u32), s32)
                && nearest_to_int(convert_u::<u32, f64>(i as u32), u32_)
                && nearest_to_int(convert_s::<u32, f64>(i as u32), s32)
        }) as fn(u64, u8) -> bool,
    );
}

#[test]
fn demote_is_nearest() {
    check(
        5000,
        (|AnyF64(x): AnyF64| {
            let r = demote(x);
            if x.is_nan() {
                return r.to_bits() == 0x7fc0_0000;
            }
            // From the midpoint of FLT_MAX and the limit 2^128 on, the result is infinite.
            let limit_mid = 2f64.powi(128) - 2f64.powi(103);
            if r.is_infinite() || x.abs() >= limit_mid {
                return r.is_infinite()
                    && x.abs() >= limit_mid
                    && r.is_sign_negative() == x.is_sign_negative();
            }
            // Two adjacent f32s sum exactly in f64, and halve exactly: the midpoint is exact.
            r.is_sign_negative() == x.is_sign_negative()
                && nearest_by(r, |a, b| x.partial_cmp(&((a + b) / 2.0)).unwrap())
        }) as fn(AnyF64) -> bool,
    );
}

#[test]
fn promote_is_exact() {
    check(
        2000,
        (|AnyF32(z): AnyF32| {
            let r = promote(z);
            if z.is_nan() {
                r.to_bits() == 0x7ff8_0000_0000_0000
            } else {
                // Decoded from the f32 bits by hand: (-1)^s * m * 2^e.
                let b = z.to_bits();
                let (e, f) = ((b >> 23 & 0xff) as i32, i128::from(b & 0x7f_ffff));
                let (m, e) = if e == 0 {
                    (f, -149)
                } else {
                    (f | 1 << 23, e - 150)
                };
                let m = if b >> 31 == 1 { -m } else { m };
                let (rm, re) = decode(r);
                r.is_sign_negative() == z.is_sign_negative()
                    && (z.is_infinite() && r.is_infinite()
                        || z == 0.0 && r == 0.0
                        || rm << (re - e).max(0) == m << (e - re).max(0))
            }
        }) as fn(AnyF32) -> bool,
    );
}
