//! Tests of the numerics. Expected values are worked out from the spec's definitions, in
//! unbounded (`i128`) arithmetic or by exact decoding of floats, never taken from the code
//! under test.

mod allowed;
mod convert;
mod dispatch;
mod float;
mod int;
mod relaxed;
mod vector;

use quickcheck::{Arbitrary, Gen, QuickCheck, Testable};

use crate::syntax::V128;

/// Runs a property on `n` generated inputs.
pub fn check<A: Testable>(n: u64, property: A) {
    QuickCheck::new().tests(n).quickcheck(property);
}

/// `f32` bits for a test: mostly values at the edges of the spec's clauses.
#[derive(Copy, Clone, Debug)]
pub struct AnyF32(pub f32);

/// `f64` bits for a test, as [`AnyF32`].
#[derive(Copy, Clone, Debug)]
pub struct AnyF64(pub f64);

macro_rules! any_float {
    ($any:ident, $f:ty, $u:ty, $m:expr) => {
        impl Arbitrary for $any {
            fn arbitrary(g: &mut Gen) -> $any {
                const EXP: $u = !0 >> 1 & !((1 << $m) - 1);
                let sign: $u = if bool::arbitrary(g) { 1 << (<$u>::BITS - 1) } else { 0 };
                let payload = <$u>::arbitrary(g) & ((1 << $m) - 1);
                let bits = match u8::arbitrary(g) % 8 {
                    // Any bits at all.
                    0 | 1 => <$u>::arbitrary(g),
                    // Zeros, infinities, NaNs (canonical, signalling, arbitrary), subnormals,
                    // the largest and smallest values.
                    2 => {
                        sign | *g
                            .choose(&[
                                0,
                                EXP,
                                EXP | 1 << ($m - 1),
                                EXP | 1,
                                EXP | payload.max(1),
                                EXP | 1 << ($m - 1) | payload,
                                1,
                                payload,
                                (1 << $m) - 1,
                                1 << $m,
                                <$f>::MAX.to_bits(),
                                (1.0 as $f).to_bits(),
                            ])
                            .unwrap()
                    }
                    // Integers and halves, positive and negative.
                    3 | 4 => {
                        let i = i32::arbitrary(g) >> (u8::arbitrary(g) % 32);
                        let frac = *g.choose(&[0.0, 0.5, 0.25, 0.75]).unwrap();
                        (i as $f + frac).to_bits() | sign
                    }
                    // Powers of two and their neighbours: the bounds of conversions.
                    5 | 6 => {
                        let k = *g.choose(&[7, 8, 15, 16, 23, 24, 31, 32, 52, 53, 63, 64]).unwrap();
                        let p = (2.0 as $f).powi(k).to_bits();
                        let step = *g.choose(&[0, 1, 2]).unwrap();
                        (if bool::arbitrary(g) { p + step } else { p - step }) | sign
                    }
                    _ => <$f>::arbitrary(g).to_bits(),
                };
                $any(<$f>::from_bits(bits))
            }

            /// Fewer 1 bits: the top one, then the lowest one, cleared.
            fn shrink(&self) -> Box<dyn Iterator<Item = $any>> {
                let b = self.0.to_bits();
                let fewer = [
                    b & !(1 << (<$u>::BITS - 1 - b.leading_zeros().min(<$u>::BITS - 1))),
                    b & b.wrapping_sub(1),
                ];
                Box::new(fewer.into_iter().filter(move |&c| c != b).map(|c| $any(<$f>::from_bits(c))))
            }
        }
    };
}

any_float!(AnyF32, f32, u32, 23);
any_float!(AnyF64, f64, u64, 52);

/// A vector for a test: random, or made of edge lanes.
#[derive(Copy, Clone, Debug)]
pub struct AnyV128(pub V128);

impl Arbitrary for AnyV128 {
    fn arbitrary(g: &mut Gen) -> AnyV128 {
        let mut b = [0u8; 16];
        match u8::arbitrary(g) % 4 {
            0 => b = u128::arbitrary(g).to_le_bytes(),
            1 => {
                for b in &mut b {
                    let any = u8::arbitrary(g);
                    *b = *g.choose(&[0, 1, 0x7f, 0x80, 0xff, any]).unwrap();
                }
            }
            2 => {
                for k in 0..4 {
                    b[4 * k..4 * k + 4].copy_from_slice(&AnyF32::arbitrary(g).0.to_le_bytes());
                }
            }
            _ => {
                for k in 0..2 {
                    b[8 * k..8 * k + 8].copy_from_slice(&AnyF64::arbitrary(g).0.to_le_bytes());
                }
            }
        }
        AnyV128(V128(b))
    }

    /// Fewer 1 bits.
    fn shrink(&self) -> Box<dyn Iterator<Item = AnyV128>> {
        let b = self.0.to_u128();
        let fewer = [b & (u128::MAX >> b.leading_zeros().min(127) >> 1), b & b.wrapping_sub(1)];
        Box::new(fewer.into_iter().filter(move |&c| c != b).map(|c| AnyV128(V128::from_u128(c))))
    }
}

/// The value of a finite float as an exact rational `m * 2^e`, `m` signed.
pub fn decode(z: f64) -> (i128, i32) {
    let bits = z.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    let f = (bits & ((1 << 52) - 1)) as i128;
    let m = if e == 0 { f } else { f | 1 << 52 };
    let e = if e == 0 { -1074 } else { e - 1075 };
    (if z.is_sign_negative() { -m } else { m }, e)
}

/// `truncz(z)` of a finite float, exactly, or `None` beyond `2^100` (out of range of every
/// conversion).
pub fn truncz(z: f64) -> Option<i128> {
    let (m, e) = decode(z);
    if e >= 0 {
        (e <= 48).then(|| m << e)
    } else if e > -127 {
        // Rounds toward zero: shift the magnitude.
        Some(m.signum() * (m.abs() >> -e))
    } else {
        Some(0)
    }
}

/// Lane `k` of `v` in lanes of `w` bits.
pub fn lane(v: V128, w: u32, k: u32) -> u128 {
    (v.to_u128() >> (k * w)) & ((1u128 << w) - 1)
}

/// `signed_N(i)`.
pub fn signed(n: u32, i: u128) -> i128 {
    let i = i as i128;
    if i < 1 << (n - 1) { i } else { i - (1 << n) }
}

/// `i mod 2^N`.
pub fn modn(n: u32, i: i128) -> u128 {
    i.rem_euclid(1 << n) as u128
}
