//! Edge-biased generators: most operands are chosen among the values where numeric
//! operators change behaviour (zeros, ±1, powers of two and their neighbours, the limits of
//! every integer width, subnormals, infinities, NaNs with payloads, halves, the bounds of the
//! conversions), the rest uniformly. Binary float operators get related operand pairs too
//! (equal, opposite, a half unit in the last place apart), so that ties, cancellations and
//! exact zeros occur.

use lockstep::runtime::Val;
use lockstep::syntax::{F32, F64, V128};
use quickcheck::{Arbitrary, Gen};

use super::ops::{Lane, Ty};

/// A uniformly random `u64`.
fn any(g: &mut Gen) -> u64 {
    u64::arbitrary(g)
}

/// A random number below `k`.
fn below(g: &mut Gen, k: u64) -> u64 {
    any(g) % k
}

/// The low `n` bits.
fn mask(n: u32) -> u64 {
    if n == 0 { 0 } else { u64::MAX >> (64 - n) }
}

/// An `iN`, edge-biased.
pub fn int(g: &mut Gen, n: u32) -> u64 {
    let m = mask(n);
    let i = match below(g, 14) {
        0 => {
            let top = 1u64 << (n - 1);
            *g.choose(&[0, 1, 2, 3, m, m - 1, top, top - 1, top + 1]).unwrap()
        }
        // a power of two, its neighbours, its negation
        1 => {
            let p = 1u64 << below(g, u64::from(n));
            let p = p.wrapping_add(below(g, 3)).wrapping_sub(1);
            if below(g, 2) == 0 { p } else { p.wrapping_neg() }
        }
        // small, of either sign
        2 => (below(g, 33) as i64 - 16) as u64,
        // the limits of the narrower widths, signed and unsigned, and their neighbours
        3 => {
            let w = *g.choose(&[7u32, 8, 15, 16, 31, 32, 63]).unwrap();
            let p = 1u64 << w;
            let p = p.wrapping_add(below(g, 3)).wrapping_sub(1);
            if below(g, 2) == 0 { p } else { p.wrapping_neg() }
        }
        // shift and rotation counts, around N
        4 => below(g, 2 * u64::from(n) + 2),
        // few bits set
        5 => any(g) & any(g) & any(g),
        // at a rounding boundary of f32 or f64: a significand of 24 or 53 bits, shifted to a
        // length of up to N bits, plus half its last place (a tie of `convert`), and the
        // neighbours of that
        6 | 7 => {
            let p = *g.choose(&[24u32, 53]).unwrap();
            if p >= n {
                return any(g) & m;
            }
            let t = if below(g, 2) == 0 { n } else { p + 1 + below(g, u64::from(n - p)) as u32 };
            let significand = (any(g) | 1 << (p - 1)) & mask(p);
            let half = 1u64 << (t - p - 1);
            ((significand << (t - p)) | half).wrapping_add(below(g, 3)).wrapping_sub(1)
        }
        _ => any(g),
    };
    i & m
}

/// `signif(N)` and `expon(N)`.
fn fmt(n: u32) -> (u32, u32) {
    if n == 32 { (23, 8) } else { (52, 11) }
}

/// The bits of `±2^e` (a normal number, `emin <= e <= emax`) with significand `m`.
fn make(n: u32, neg: bool, e: i64, m: u64) -> u64 {
    let (mb, eb) = fmt(n);
    let bias = (1i64 << (eb - 1)) - 1;
    let biased = (e + bias).clamp(1, (1 << eb) - 2) as u64;
    u64::from(neg) << (n - 1) | biased << mb | (m & mask(mb))
}

/// An `fN` (its bits), edge-biased.
pub fn float(g: &mut Gen, n: u32) -> u64 {
    let (mb, eb) = fmt(n);
    let neg = below(g, 2) == 1;
    let sign = u64::from(neg) << (n - 1);
    let inf = mask(eb) << mb;
    let bias = (1i64 << (eb - 1)) - 1;
    match below(g, 14) {
        // zeros, ones, halves, the extremes, infinities, the canonical NaN
        0 => {
            let one = make(n, false, 0, 0);
            let half = make(n, false, -1, 0);
            let specials = [
                0,
                one,
                half,
                make(n, false, 0, 1 << (mb - 1)), // 1.5
                make(n, false, 1, 1 << (mb - 2)), // 2.5
                1,                                // smallest subnormal
                mask(mb),                         // largest subnormal
                1 << mb,                          // smallest normal
                inf - 1,                          // largest finite
                inf,                              // infinity
                inf | 1 << (mb - 1),              // canonical NaN
            ];
            sign | *g.choose(&specials).unwrap()
        }
        // NaNs with payloads: quiet or signalling, random or with one bit
        1 => {
            let payload = match below(g, 3) {
                0 => 1 << below(g, u64::from(mb)),
                1 => (any(g) & mask(mb)) | 1 << (mb - 1),
                _ => any(g) & mask(mb),
            };
            sign | inf | payload.max(1)
        }
        // ±2^e and its neighbours, anywhere in the range
        2 => {
            let e = below(g, 2 * bias as u64 + 1) as i64 - bias + 1;
            let b = make(n, neg, e, 0);
            b.wrapping_add(below(g, 5)).wrapping_sub(2) & mask(n)
        }
        // halves and quarters: i + 1/2, i + 1/4, ... for small i and near 2^signif, where
        // rounding to an integer changes
        3 => {
            let e = *g
                .choose(&[0i64, 1, 2, 3, 4, mb as i64 - 2, mb as i64 - 1, mb as i64, mb as i64 + 1])
                .unwrap();
            make(n, neg, e, any(g) & (mask(mb) ^ mask(mb.saturating_sub(e.max(0) as u32 + 2))))
        }
        // the bounds of the conversions to integers: ±2^k for the widths, and neighbours
        4 => {
            let k = *g.choose(&[7i64, 8, 15, 16, 31, 32, 63, 64]).unwrap();
            let b = make(n, neg, k, 0);
            b.wrapping_add(below(g, 7)).wrapping_sub(3) & mask(n)
        }
        // a short significand: products are exact, or ties
        5 => {
            let e = below(g, 2 * bias as u64 + 1) as i64 - bias + 1;
            let m = (any(g) & 0xfff) << (mb - 12);
            make(n, neg, e, m)
        }
        // subnormals
        6 => sign | (any(g) & mask(mb)),
        // integers, exactly
        7 => {
            let i = below(g, 1 << 20) as f64;
            let bits = if n == 32 { (i as f32).to_bits() as u64 } else { i.to_bits() };
            sign | bits
        }
        _ => any(g) & mask(n),
    }
}

/// A second float operand, related to the first: equal, opposite, a neighbour, or a half unit
/// in the last place of it (so that the sum is a tie).
pub fn related(g: &mut Gen, n: u32, z1: u64) -> u64 {
    let (mb, eb) = fmt(n);
    let sign = 1 << (n - 1);
    let e = (z1 >> mb) & mask(eb);
    match below(g, 5) {
        0 => z1,
        1 => z1 ^ sign,
        2 => z1.wrapping_add(below(g, 5)).wrapping_sub(2) & mask(n),
        _ if e > u64::from(mb) + 1 && e != mask(eb) => {
            // half an ulp of z1 (or a quarter, or a little more or less), either sign
            let e2 = e - u64::from(mb) - 1 - below(g, 2);
            let m = if below(g, 2) == 0 { 0 } else { any(g) & mask(mb) };
            (z1 & sign) ^ (below(g, 2) << (n - 1)) | e2 << mb | m
        }
        _ => float(g, n),
    }
}

/// An operand of type `t`.
pub fn val(g: &mut Gen, t: Ty) -> Val {
    match t {
        Ty::I32 => Val::I32(int(g, 32) as u32),
        Ty::I64 => Val::I64(int(g, 64)),
        Ty::F32 => Val::F32(F32(float(g, 32) as u32)),
        Ty::F64 => Val::F64(F64(float(g, 64))),
        Ty::V(lane) => {
            let (n, kind) = match lane {
                Lane::I(n) => (n, false),
                Lane::F(n) => (n, true),
            };
            let mut c = 0u128;
            for k in 0..128 / n {
                let l = if kind { float(g, n) } else { int(g, n) };
                c |= u128::from(l) << (k * n);
            }
            Val::V128(V128(c.to_le_bytes()))
        }
    }
}

/// Operands for an operator of parameter types `params`: a float binary operator's second
/// operand is related to the first a quarter of the time (lane by lane for vectors).
pub fn args(g: &mut Gen, params: &[Ty]) -> Vec<Val> {
    let mut a: Vec<Val> = params.iter().map(|&t| val(g, t)).collect();
    if params.len() >= 2 && params[0] == params[1] && below(g, 4) == 0 {
        a[1] = match (params[0], a[0]) {
            (Ty::F32, Val::F32(F32(z))) => Val::F32(F32(related(g, 32, z.into()) as u32)),
            (Ty::F64, Val::F64(F64(z))) => Val::F64(F64(related(g, 64, z))),
            (Ty::V(Lane::F(n)), Val::V128(V128(b))) => {
                let c = u128::from_le_bytes(b);
                let mut d = 0u128;
                for k in 0..128 / n {
                    let z = ((c >> (k * n)) as u64) & mask(n);
                    d |= u128::from(related(g, n, z)) << (k * n);
                }
                Val::V128(V128(d.to_le_bytes()))
            }
            (_, v) => v,
        };
    }
    a
}

/// The edge values of `fN` and their neighbours, for the exhaustive tests' smoke run: every
/// special value above, the bounds of the integer widths, and the powers of two of the whole
/// range, each with its two neighbours on either side, of either sign.
pub fn float_edges(n: u32) -> Vec<u64> {
    let (mb, eb) = fmt(n);
    let bias = (1i64 << (eb - 1)) - 1;
    let inf = mask(eb) << mb;
    let mut base = vec![0, 1, mask(mb), 1 << mb, inf - 1, inf, inf | 1, inf | 1 << (mb - 1), inf | mask(mb)];
    for e in -bias + 1..=bias {
        base.push(make(n, false, e, 0));
        base.push(make(n, false, e, 1 << (mb - 1))); // 1.5 * 2^e: halves
    }
    let mut all = Vec::new();
    for b in base {
        for d in 0..5u64 {
            let z = b.wrapping_add(d).wrapping_sub(2) & mask(n - 1);
            all.push(z);
            all.push(z | 1 << (n - 1));
        }
    }
    all.sort_unstable();
    all.dedup();
    all
}
