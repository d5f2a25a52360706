//! Vector operations (spec 4.3.5, `exec/numerics.rst`, "Vector Operations"; SpecTec
//! `3.2-numerics.vector`) that are not a scalar operator applied lane by lane: the lane
//! sequences of a `v128`, the pairwise sums, dot products, extended multiplications and
//! narrowing. A `v128` is the natural number `0 <= c < 2^128`; lanes are `iN` as in [`super::int`].

use num_bigint::BigInt;

use super::convert::{extend_s, extend_u, narrow_s, narrow_u};
use super::int::{iadd, iadd_sat_s, imul, modulo, pow2};

/// `sx ::= U | S`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Sx {
    U,
    S,
}

/// `half ::= LOW | HIGH`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Half {
    Low,
    High,
}

/// aux-lanes (SpecTec `$lanes_`): `lanes_(iN x M)(c)`, the `M = 128 / N` lanes of `c`, lane 0 the least
/// significant `N` bits (the bytes are little endian).
pub fn lanes(n: u32, c: &BigInt) -> Vec<BigInt> {
    assert!(super::int::is_in(128, c));
    (0..128 / n).map(|k| modulo(n, &(c >> (k * n)))).collect()
}

/// `lanes_(iN x M)^-1(i*)`: the `v128` whose lanes are `i*`.
pub fn inv_lanes(n: u32, i: &[BigInt]) -> BigInt {
    assert_eq!(i.len() as u32 * n, 128);
    i.iter().enumerate().map(|(k, i)| i * pow2(k as u32 * n)).sum()
}

/// `extend^sx_{M,N}`.
pub fn extend(sx: Sx, m: u32, n: u32, i: &BigInt) -> BigInt {
    match sx {
        Sx::U => extend_u(m, n, i),
        Sx::S => extend_s(m, n, i),
    }
}

/// `op-ivadd_pairwise` (SpecTec `$ivadd_pairwise_`): `ivadd_pairwise_N(i^2m) = (iadd_N(i1, i2))^m` with `i^2m = (i1 i2)^m`.
pub fn ivadd_pairwise(n: u32, i: &[BigInt]) -> Vec<BigInt> {
    i.chunks(2).map(|p| iadd(n, &p[0], &p[1])).collect()
}

/// `op-ivmul` (SpecTec `$ivmul_`): `ivmul_N(i1^m, i2^m) = (imul_N(i1, i2))^m`.
pub fn ivmul(n: u32, i1: &[BigInt], i2: &[BigInt]) -> Vec<BigInt> {
    i1.iter().zip(i2).map(|(a, b)| imul(n, a, b)).collect()
}

/// `op-ivdot` (SpecTec `$ivdot_`): `ivdot_N(i1^2m, i2^2m) = (iadd_N(j1, j2))^m` with
/// `(imul_N(i1, i2))^2m = (j1 j2)^m`.
pub fn ivdot(n: u32, i1: &[BigInt], i2: &[BigInt]) -> Vec<BigInt> {
    ivadd_pairwise(n, &ivmul(n, i1, i2))
}

/// `op-ivdot_sat` (SpecTec `$ivdot_sat_`): `ivdot_sat_N(i1^2m, i2^2m) = (iadd_sat_s_N(j1, j2))^m` with
/// `(imul_N(i1, i2))^2m = (j1 j2)^m`.
pub fn ivdot_sat(n: u32, i1: &[BigInt], i2: &[BigInt]) -> Vec<BigInt> {
    ivmul(n, i1, i2).chunks(2).map(|p| iadd_sat_s(n, &p[0], &p[1])).collect()
}

/// `op-vextunop` (SpecTec `$vextunop__`, `$ivextunop__`): `EXTADD_PAIRWISE sx` from `iN1 x M1` to `iN2 x M2` (`N2 = 2 N1`):
/// `ivadd_pairwise_N2(extend^sx_{N1,N2}(lanes(c))*)`.
pub fn extadd_pairwise(sx: Sx, n1: u32, n2: u32, c: &BigInt) -> BigInt {
    let i: Vec<BigInt> = lanes(n1, c).iter().map(|i| extend(sx, n1, n2, i)).collect();
    inv_lanes(n2, &ivadd_pairwise(n2, &i))
}

/// `op-vextbinop` (SpecTec `$vextbinop__`, `$ivextbinop__`): from `iN1 x M1` to `iN2 x M2`, `f_N2` of lanes `[h : k]` of both operands
/// extended with `sx1`, `sx2`.
#[allow(clippy::too_many_arguments)]
fn vextbinop(
    f: fn(u32, &[BigInt], &[BigInt]) -> Vec<BigInt>,
    (sx1, sx2): (Sx, Sx),
    (h, k): (usize, usize),
    n1: u32,
    n2: u32,
    c1: &BigInt,
    c2: &BigInt,
) -> BigInt {
    let i1: Vec<BigInt> = lanes(n1, c1)[h..h + k].iter().map(|i| extend(sx1, n1, n2, i)).collect();
    let i2: Vec<BigInt> = lanes(n1, c2)[h..h + k].iter().map(|i| extend(sx2, n1, n2, i)).collect();
    inv_lanes(n2, &f(n2, &i1, &i2))
}

/// `op-vextbinop` (SpecTec `$vextbinop__`, `$ivextbinop__`): `EXTMUL half sx` is `ivmul` on lanes `[h : M2]`, `h = 0` for `LOW` and
/// `M2` for `HIGH`.
pub fn extmul(half: Half, sx: Sx, n1: u32, n2: u32, c1: &BigInt, c2: &BigInt) -> BigInt {
    let m2 = (128 / n2) as usize;
    let h = match half {
        Half::Low => 0,
        Half::High => m2,
    };
    vextbinop(ivmul, (sx, sx), (h, m2), n1, n2, c1, c2)
}

/// `op-vextbinop` (SpecTec `$vextbinop__`, `$ivextbinop__`): `DOT S` is `ivdot` on all `M1` lanes, both extended signed.
pub fn dot_s(n1: u32, n2: u32, c1: &BigInt, c2: &BigInt) -> BigInt {
    vextbinop(ivdot, (Sx::S, Sx::S), (0, (128 / n1) as usize), n1, n2, c1, c2)
}

/// `op-vextbinop` (SpecTec `$vextbinop__`, `$ivextbinop__`): `RELAXED_DOT S` under `R_idot = r` is `ivdot_sat` on all `M1` lanes, the
/// first extended signed, the second `relaxed(R_idot)[S, U]`.
pub fn relaxed_dot_s(r: u8, n1: u32, n2: u32, c1: &BigInt, c2: &BigInt) -> BigInt {
    let sx2 = if r == 0 { Sx::S } else { Sx::U };
    vextbinop(ivdot_sat, (Sx::S, sx2), (0, (128 / n1) as usize), n1, n2, c1, c2)
}

/// `op-vnarrow` (SpecTec `$vnarrowop__`): `NARROW sx` from `iN1 x M1` to `iN2 x M2` (`N1 = 2 N2`): `narrow^sx` of the
/// lanes of `c1`, then of those of `c2`.
pub fn vnarrow(sx: Sx, n1: u32, n2: u32, c1: &BigInt, c2: &BigInt) -> BigInt {
    let narrow = |i: &BigInt| match sx {
        Sx::U => narrow_u(n1, n2, i),
        Sx::S => narrow_s(n1, n2, i),
    };
    let j: Vec<BigInt> = lanes(n1, c1).iter().chain(lanes(n1, c2).iter()).map(narrow).collect();
    inv_lanes(n2, &j)
}
